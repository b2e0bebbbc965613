import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RioPeriodeCheckInput, RioPeriodeCheckResult, RodRioPort } from './rio-port';

/** Stand-in until the RIO module exports RioQueryService: BRIN6 must start with the BRIN4; four demo schools. */
@Injectable()
export class ProvisionalRio extends RodRioPort {
  private readonly besturen: Record<string, string[]> = { '100B001': ['01AA', '01AB'], '100B002': ['02AA', '02AB'] };

  async checkPeriodes(_m: EntityManager, _s: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]> {
    return inputs.map((i) => ({ onbekend: i.vestigingscode.startsWith(i.instellingscode) ? [] : ['vestigingscode'], afwijkingen: [] }));
  }

  async instelling(_m: EntityManager, _s: string, code: string) {
    const bestuur = Object.entries(this.besturen).find(([, s]) => s.includes(code))?.[0];
    return bestuur ? { instellingscode: code, bestuurcode: bestuur, naam: `School ${code}` } : null;
  }

  async instellingenVanBestuur(_m: EntityManager, _s: string, bestuurcode: string) {
    return this.besturen[bestuurcode] ?? [];
  }
}
