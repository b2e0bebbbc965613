import { leeftijdSql } from '../../src/rod';
import { laatsteVeertiendeVerjaardag, vroegsteVierdeVerjaardag } from '../../src/rod/rules/leeftijd';
import { beginSchooljaar } from '../../src/rod/rules/datum';
import { LEEFTIJD_GEVALLEN } from '../support/leeftijd-gevallen';
import { createTestApp, TestApp } from '../support/test-app';

/** Parity: the age rule's SQL twin (bekostiging's B06, set-based) answers every case of the table as the TypeScript rule does. */
describe('WPO art. 39 age rule: SQL and TypeScript agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('over the whole table of cases', async () => {
    const rijen: { geboortedatum: string; datum: string; vierde: string; veertiende: string; schooljaar: string; buiten: boolean; tejong: boolean; teoud: boolean }[] = await t.db.query(
      `SELECT g.geboortedatum, g.datum,
              to_char(${leeftijdSql.vroegsteVierdeVerjaardag('g.geboortedatum')}, 'YYYY-MM-DD') AS vierde,
              to_char(${leeftijdSql.laatsteVeertiendeVerjaardag('g.geboortedatum')}, 'YYYY-MM-DD') AS veertiende,
              to_char(${leeftijdSql.beginSchooljaar('g.datum')}, 'YYYY-MM-DD') AS schooljaar,
              ${leeftijdSql.buitenBekostigdeLeeftijd('g.geboortedatum', 'g.datum')} AS buiten,
              ${leeftijdSql.vroegsteVierdeVerjaardag('g.geboortedatum')} > g.datum AS tejong,
              ${leeftijdSql.laatsteVeertiendeVerjaardag('g.geboortedatum')} < ${leeftijdSql.beginSchooljaar('g.datum')} AS teoud
         FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS g(geboortedatum, datum, i) ORDER BY g.i`,
      [LEEFTIJD_GEVALLEN.map((g) => g.geboortedatum), LEEFTIJD_GEVALLEN.map((g) => g.datum)],
    );
    expect(rijen.map((r) => [r.geboortedatum, r.vierde, r.veertiende, r.schooljaar, r.tejong, r.teoud, r.buiten])).toEqual(
      LEEFTIJD_GEVALLEN.map((g) => [
        g.geboortedatum, vroegsteVierdeVerjaardag(g.geboortedatum), laatsteVeertiendeVerjaardag(g.geboortedatum), beginSchooljaar(g.datum), g.tejong, g.teoud, g.tejong || g.teoud,
      ]),
    );
  });
});
