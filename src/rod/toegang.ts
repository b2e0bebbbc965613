import { Injectable } from '@nestjs/common';
import type { ProblemException } from '../common/problem/problem';

/**
 * A check another module adds before ROD takes an inschrijving or verwijdering for a school at a moment (sandbox time):
 * the BRON migration's freeze and phased aansluiting. Answers the refusal, or null.
 */
export type RodToegangsCheck = (sandboxId: string, instellingscode: string, moment: Date) => Promise<ProblemException | null>;

/** The registered access checks; ROD runs them before judging a message, so a refusal stores nothing. */
@Injectable()
export class RodToegang {
  private readonly checks: RodToegangsCheck[] = [];

  register(check: RodToegangsCheck) {
    this.checks.push(check);
  }

  async assertToegang(sandboxId: string, instellingscode: string, moment: Date): Promise<void> {
    const weigering = await this.findWeigering(sandboxId, instellingscode, moment);
    if (weigering) throw weigering;
  }

  /** The first refusal, or null: for a message that a closed register still takes in part (a verzuimmelding for a pupil already in ROD). */
  async findWeigering(sandboxId: string, instellingscode: string, moment: Date): Promise<ProblemException | null> {
    for (const check of this.checks) {
      const weigering = await check(sandboxId, instellingscode, moment);
      if (weigering) return weigering;
    }
    return null;
  }
}
