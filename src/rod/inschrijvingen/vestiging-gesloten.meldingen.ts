import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainHooks } from '../../common/events/domain-hooks';
import { EventOutbox } from '../../common/events/outbox';
import { RodCode } from '../rod.errors';

/**
 * When RIO closes a BRIN6, every inschrijving with a periode at that vestiging on or after its uitBedrijfdatum gets
 * melding 222_vestiging_niet_geldig, pushed to the school's vendors as `nl.duo.rod.melding` (feed and webhooks): the
 * same melding the inschrijving would have had if it were sent after the closure. Nothing in the inschrijving changes;
 * its bekostigingsstatus follows through the bekostiging recompute of the same RIO change.
 */
@Injectable()
export class VestigingGeslotenMeldingen implements OnModuleInit {
  constructor(
    private readonly hooks: DomainHooks,
    private readonly outbox: EventOutbox,
  ) {}

  onModuleInit() {
    this.hooks.on('rio.vestiging-gesloten', async (m, e) => {
      await this.report(m, e.sandboxId, e.vestigingscode, e.uitBedrijfdatum, e.moment);
    });
  }

  async report(m: EntityManager, sandboxId: string, vestigingscode: string, uitBedrijfdatum: string, moment: Date): Promise<number> {
    const rows: { id: string; persoon_id: string; instellingscode: string; inschrijvingvolgnummer: string }[] = await m.query(
      `SELECT DISTINCT i.id, i.persoon_id, i.instellingscode, i.inschrijvingvolgnummer
         FROM rod_inschrijving_periode per JOIN rod_inschrijving i ON i.id = per.inschrijving_id
        WHERE per.sandbox_id = $1 AND per.vestigingscode = $2
          AND (per.datum_einde IS NULL OR per.datum_einde >= $3) AND (i.datum_uitschrijving IS NULL OR i.datum_uitschrijving >= $3)
        ORDER BY i.id`,
      [sandboxId, vestigingscode, uitBedrijfdatum],
    );
    for (const r of rows) {
      await this.outbox.append(m, sandboxId, {
        type: 'nl.duo.rod.melding',
        subject: `inschrijving/${r.id}`,
        instellingscode: r.instellingscode.trim(),
        orderingKey: r.persoon_id,
        time: moment,
        data: {
          aanleiding: 'VESTIGING_GESLOTEN',
          inschrijvingId: r.id,
          inschrijvingvolgnummer: r.inschrijvingvolgnummer,
          instellingscode: r.instellingscode.trim(),
          vestigingscode,
          datum: uitBedrijfdatum,
          meldingen: [
            {
              code: RodCode.vestigingNietGeldig,
              soort: 'MELDING',
              tekst: `Vestiging ${vestigingscode} is vanaf ${uitBedrijfdatum} niet meer erkend (uit bedrijf); de inschrijving loopt daar nog. Schrijf de leerling uit of leg een nieuwe periode vast op een andere vestiging.`,
            },
          ],
        },
      });
    }
    return rows.length;
  }
}
