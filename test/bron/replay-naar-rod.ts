import { randomUUID } from 'node:crypto';
import { soContract } from '../../src/bron/migraties/conversie';
import type { StagingPeriode, StagingSpeciaalOnderwijs } from '../../src/bron/migraties/staging';
import { RioQueryService } from '../../src/rio';
import { bearer } from '../support/auth';
import type { TestApp } from '../support/test-app';

/** A staged BRON record, as much of it as a LAS sends to ROD. */
export interface StagedRecord {
  instellingscode: string;
  burgerservicenummer: string | null;
  inschrijvingvolgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
  periodes: string;
  speciaal_onderwijs: StagingSpeciaalOnderwijs | null;
}

/** The so part as a LAS sends it: absent values left out. */
const withoutNulls = (x: object) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== null));

/**
 * Sends one staged record to /rod/v1 as a LAS would send it: a record with the so/vso part (322) to
 * AanleverenInschrijvingSO with its periodes as inschrijvingPeriodeSO, any other to AanleverenInschrijvingBO. The
 * aanbieder and locatie are those RIO gives the vestiging on each periode's date; without them the codes sent do not
 * exist, so ROD answers 220 as the conversion does.
 */
export async function sendAsLas(t: TestApp, token: string, sandboxId: string, record: StagedRecord, datumTijd: string) {
  const periodes = JSON.parse(record.periodes) as StagingPeriode[];
  const gebruik = await t.app.get(RioQueryService).getVestigingsgebruik(t.db.manager, sandboxId, periodes.map((p) => ({ instellingscode: record.instellingscode, vestigingscode: p.v, datum: p.d })));
  const metSo = record.speciaal_onderwijs ? soContract(record.speciaal_onderwijs) : null;
  return t
    .http()
    .post(metSo ? '/rod/v1/inschrijvingen-so' : '/rod/v1/inschrijvingen')
    .set(bearer(token))
    .send({
      bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: datumTijd },
      instellingscode: record.instellingscode,
      persoonsgebondenNummer: { burgerservicenummer: record.burgerservicenummer },
      inschrijvingvolgnummer: record.inschrijvingvolgnummer,
      datumInschrijving: record.datum_inschrijving,
      ...(record.datum_uitschrijving ? { datumUitschrijving: record.datum_uitschrijving } : {}),
      [metSo ? 'inschrijvingPeriodeSO' : 'inschrijvingPeriodeBO']: periodes.map((p, i) => ({
        datumBegin: p.d, vestigingscode: p.v, groep: p.g,
        onderwijsaanbiedercode: gebruik[i].onderwijsaanbiedercode ?? '000A000', onderwijslocatiecode: gebruik[i].onderwijslocatiecode ?? '000X000',
      })),
      ...(metSo ? { ...withoutNulls(metSo.speciaalOnderwijs!), toelaatbaarheidsverklaring: metSo.toelaatbaarheidsverklaring } : {}),
    });
}
