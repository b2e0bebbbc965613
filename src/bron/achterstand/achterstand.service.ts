import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { Problems } from '../../common/problem/problem';
import { InschrijvingenLezenService, MachtigingenService, RodCode } from '../../rod';
import { BronProblem, bronProblem } from '../bron.errors';
import { BronLezer } from '../migraties/lezer.port';
import { vergelijk, Vergelijkbaar } from './achterstand';
import type { AchterstandResponse, LasInschrijving } from './achterstand.dto';

/**
 * The freeze backlog: a vendor's LAS state for one mandated school against ROD's — per pupil what to send again
 * (changed during the freeze, or never sent), what ROD holds that the LAS no longer has, and what is identical.
 */
@Injectable()
export class AchterstandService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly machtigingen: MachtigingenService,
    private readonly lezen: InschrijvingenLezenService,
    private readonly lezer: BronLezer,
  ) {}

  async compareJson(principal: Principal, instellingscode: string, inschrijvingen: LasInschrijving[]): Promise<AchterstandResponse> {
    const fouten = inschrijvingen.flatMap((x, i) => {
      const n = (x.persoonsgebondenNummer.burgerservicenummer ? 1 : 0) + (x.persoonsgebondenNummer.onderwijsnummer ? 1 : 0);
      return n === 1 ? [] : [{ pointer: `/inschrijvingen/${i}/persoonsgebondenNummer`, code: 'invalid_input', detail: 'Give exactly one of burgerservicenummer and onderwijsnummer.' }];
    });
    if (fouten.length) throw Problems.invalidInput(fouten);
    return this.compare(
      principal,
      instellingscode,
      inschrijvingen.map((x) => ({
        nummer: (x.persoonsgebondenNummer.burgerservicenummer ?? x.persoonsgebondenNummer.onderwijsnummer)!,
        pgn: x.persoonsgebondenNummer.burgerservicenummer ? { burgerservicenummer: x.persoonsgebondenNummer.burgerservicenummer } : { onderwijsnummer: x.persoonsgebondenNummer.onderwijsnummer },
        inschrijvingvolgnummer: x.inschrijvingvolgnummer,
        datumInschrijving: x.datumInschrijving,
        datumUitschrijving: x.datumUitschrijving ?? null,
        periodes: x.inschrijvingPeriodeBO,
      })),
    );
  }

  /** The LAS state as a BRON po export file of the school (the fixed-width layout), streamed. */
  async compareBestand(principal: Principal, instellingscode: string, bron: Readable, bestandsnaam: string): Promise<AchterstandResponse> {
    await this.assertGemachtigd(principal, instellingscode, () => bron.resume());
    const las: Vergelijkbaar[] = [];
    let fouten: { code: string; regel: number | null; tekst: string }[] = [];
    let brin4: string | null = null;
    for await (const item of this.lezer.read(bron, bestandsnaam)) {
      if (item.soort === 'voorloop') brin4 = item.voorloop.brin4;
      else if (item.soort === 'einde') fouten = item.fouten;
      else {
        const l = item.leerling;
        const nummer = (l.burgerservicenummer ?? l.onderwijsnummer)!;
        for (const i of l.inschrijvingen) {
          las.push({
            nummer,
            pgn: l.burgerservicenummer ? { burgerservicenummer: l.burgerservicenummer } : { onderwijsnummer: l.onderwijsnummer! },
            inschrijvingvolgnummer: i.inschrijvingvolgnummer,
            datumInschrijving: i.datumInschrijving,
            datumUitschrijving: i.datumUitschrijving,
            periodes: i.periodes.map((x) => ({ datumBegin: x.datumBegin, vestigingscode: x.vestigingscode, groep: x.groep })),
          });
        }
      }
    }
    if (fouten.length) throw bronProblem(BronProblem.bestandAfgekeurd, `The file is refused as a whole: ${fouten.length} problem(s).`, { fouten });
    if (brin4 !== instellingscode) {
      throw Problems.invalidInput([{ parameter: 'instellingscode', code: 'invalid_input', detail: `The file is of ${brin4 ?? 'no school'}, not of ${instellingscode}.` }]);
    }
    return this.compare(principal, instellingscode, las);
  }

  private async assertGemachtigd(principal: Principal, instellingscode: string, alsNiet?: () => void) {
    if (principal.role === 'BEHEER') return;
    if (!(await this.machtigingen.isGemachtigd(this.db.manager, principal, instellingscode))) {
      alsNiet?.();
      throw bronProblem(RodCode.geenMachtiging, `Your organisation (OIN) holds no machtiging for instelling ${instellingscode} on this date.`);
    }
  }

  private async compare(principal: Principal, instellingscode: string, las: Vergelijkbaar[]): Promise<AchterstandResponse> {
    await this.assertGemachtigd(principal, instellingscode);
    const rod: Vergelijkbaar[] = (await this.lezen.listVanSchool(principal.sandboxId, instellingscode)).map((r) => ({
      nummer: (r.persoonsgebondenNummer.burgerservicenummer ?? r.persoonsgebondenNummer.onderwijsnummer)!,
      pgn: r.persoonsgebondenNummer,
      inschrijvingvolgnummer: r.inschrijvingvolgnummer,
      datumInschrijving: r.datumInschrijving,
      datumUitschrijving: r.datumUitschrijving,
      periodes: r.inschrijvingPeriodeBO.map((x) => ({ datumBegin: x.datumBegin, vestigingscode: x.vestigingscode, groep: String(x.groep) })),
    }));
    const leerlingen = vergelijk(las, rod);
    const tel = (c: string) => leerlingen.filter((x) => x.categorie === c).length;
    return {
      instellingscode,
      vergelekenOp: (await this.clock.now(principal.sandboxId)).toISOString(),
      telling: { opnieuwAanleveren: tel('OPNIEUW_AANLEVEREN'), nietInLas: tel('NIET_IN_LAS'), gelijk: tel('GELIJK') },
      leerlingen,
    };
  }
}
