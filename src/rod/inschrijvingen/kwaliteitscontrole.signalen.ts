import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isBeheer, Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { ROD_EVENT_SOURCE } from '../../common/events/outbox';
import { KlokPlanner } from '../../klok';
import { geenMachtiging } from '../rod.answers';

export const SIGNALEN_TYPE = 'nl.duo.rod.signalen-kwaliteitscontrole';

/** Signal codes of the weekly check (rod.md §7.1 Signaal; simulator codes, Sxx so they cannot clash with DUO's). */
export const SIGNAALCODES = {
  dubbeleInschrijving: 'S01_dubbele_inschrijving',
  onderwijsnummerInNederland: 'S02_onderwijsnummer_woonachtig_in_nederland',
} as const;

/** True for a Monday (YYYY-MM-DD). */
const isMaandag = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1;

/** The Monday on or before a date (YYYY-MM-DD): the peildatum of the kwaliteitscontrole of that week. */
export function maandagVan(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() - ((x.getUTCDay() + 6) % 7));
  return x.toISOString().slice(0, 10);
}

export interface Signaal {
  code: string;
  omschrijving: string;
  inschrijvingId: string;
  inschrijvingvolgnummer: string;
}

function dagenTussen(vanafExclusief: string, totInclusief: string): string[] {
  const out: string[] = [];
  const d = new Date(`${vanafExclusief}T00:00:00Z`);
  for (;;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = d.toISOString().slice(0, 10);
    if (s > totInclusief) return out;
    out.push(s);
  }
}

/**
 * The weekly kwaliteitscontrole (rod.md §9.6, §7.1): every Monday on the sandbox clock, the signalen of every school —
 * inschrijvingen that may be wrong though they were accepted — pushed as one `nl.duo.rod.signalen-kwaliteitscontrole`
 * event per school that has any (the kwaliteitscontrolebestand; read it from the feed or a webhook):
 * - S01 dubbele inschrijving: active on the peildatum while the pupil is also active at another BRIN4;
 * - S02 an onderwijsnummer for a pupil who lives in the Netherlands (identify again; until then not funded, B07).
 */
@Injectable()
export class KwaliteitscontroleSignalen implements OnModuleInit {
  constructor(
    private readonly planner: KlokPlanner,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  onModuleInit() {
    this.planner.register({
      naam: 'kwaliteitscontrole',
      momenten: (van, tot) =>
        dagenTussen(van, tot)
          .filter(isMaandag)
          .map((datum) => ({ datum, soort: 'KWALITEITSCONTROLE', volgorde: 5, voerUit: (m: EntityManager, sandboxId: string, moment: Date) => this.check(m, sandboxId, datum, moment) })),
    });
  }

  /**
   * A school's signalen of the kwaliteitscontrole of the week of `datum` (default the sandbox's today): what its event
   * carried — read from that event, so the two never differ — or none when the controle found nothing (or has not run).
   * 403 without a machtiging for the school on today.
   */
  async lees(p: Principal, instellingscode: string, datum?: string): Promise<{ instellingscode: string; peildatum: string; eventId: string | null; signalen: Signaal[] }> {
    const vandaag = await this.clock.today(p.sandboxId);
    if (!isBeheer(p)) {
      const [ok]: { ok: boolean }[] = await this.db.query(
        `SELECT EXISTS (SELECT 1 FROM rod_machtiging WHERE sandbox_id = $1 AND oin = $2 AND instellingscode = $3 AND geldig_vanaf <= $4::date AND (geldig_tot IS NULL OR geldig_tot >= $4::date)) AS ok`,
        [p.sandboxId, p.oin, instellingscode, vandaag],
      );
      if (!ok.ok) throw geenMachtiging(instellingscode);
    }
    const peildatum = maandagVan(datum ?? vandaag);
    const [e]: { event_id: string; signalen: Signaal[] }[] = await this.db.query(
      `SELECT event_id, data->'signalen' AS signalen FROM outbox_event
        WHERE sandbox_id = $1 AND instellingscode = $2 AND type = '${SIGNALEN_TYPE}' AND subject = 'instelling/' || $2 || '/kwaliteitscontrole/' || $3
        ORDER BY time DESC LIMIT 1`,
      [p.sandboxId, instellingscode, peildatum],
    );
    return { instellingscode, peildatum, eventId: e?.event_id ?? null, signalen: e?.signalen ?? [] };
  }

  /** The signalen on `peildatum`: one event per school with signalen. */
  async check(m: EntityManager, sandboxId: string, peildatum: string, moment: Date): Promise<{ statussen: number; events: number }> {
    const [r]: { events: number }[] = await m.query(
      `WITH actief AS (
         SELECT i.id, i.persoon_id, i.instellingscode, i.inschrijvingvolgnummer, i.datum_inschrijving, i.datum_uitschrijving FROM rod_inschrijving i
          WHERE i.sandbox_id = $1 AND i.datum_inschrijving <= $2 AND (i.datum_uitschrijving IS NULL OR i.datum_uitschrijving >= $2)),
       s AS (
         SELECT a.instellingscode, a.id, a.inschrijvingvolgnummer, '${SIGNAALCODES.dubbeleInschrijving}' AS code,
                'De leerling staat op de peildatum ook ingeschreven bij instelling ' || string_agg(DISTINCT b.instellingscode, ', ') || '.' AS omschrijving
           FROM actief a JOIN actief b ON b.persoon_id = a.persoon_id AND b.instellingscode <> a.instellingscode
          GROUP BY a.instellingscode, a.id, a.inschrijvingvolgnummer
         UNION ALL
         SELECT a.instellingscode, a.id, a.inschrijvingvolgnummer, '${SIGNAALCODES.onderwijsnummerInNederland}',
                'De leerling heeft alleen een onderwijsnummer maar woont in Nederland: controleer de gegevens en identificeer opnieuw.'
           FROM actief a JOIN rod_persoon pe ON pe.id = a.persoon_id
          WHERE pe.burgerservicenummer IS NULL AND pe.landcode = '6030'),
       ev AS (
         INSERT INTO outbox_event (sandbox_id, event_id, type, source, subject, instellingscode, ordering_key, time, data)
         SELECT $1, gen_random_uuid(), '${SIGNALEN_TYPE}', '${ROD_EVENT_SOURCE}', 'instelling/' || trim(s.instellingscode) || '/kwaliteitscontrole/' || $2,
                trim(s.instellingscode), 'kwaliteitscontrole:' || trim(s.instellingscode), $3,
                jsonb_build_object('instellingscode', trim(s.instellingscode), 'peildatum', $2,
                  'signalen', jsonb_agg(jsonb_build_object('code', s.code, 'omschrijving', s.omschrijving, 'inschrijvingId', s.id, 'inschrijvingvolgnummer', s.inschrijvingvolgnummer)
                                        ORDER BY s.code, s.inschrijvingvolgnummer, s.id))
           FROM s GROUP BY s.instellingscode ORDER BY s.instellingscode
         RETURNING 1)
       SELECT (SELECT count(*) FROM ev)::int AS events`,
      [sandboxId, peildatum, moment],
    );
    return { statussen: 0, events: r.events };
  }
}
