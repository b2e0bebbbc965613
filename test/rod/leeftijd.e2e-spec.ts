import { leeftijdSql, MAX_LEEFTIJD } from '../../src/rod';
import { laatsteVeertiendeVerjaardag, vroegsteVierdeVerjaardag } from '../../src/rod/rules/leeftijd';
import { beginSchooljaar } from '../../src/rod/rules/datum';
import { LEEFTIJD_GEVALLEN } from '../support/leeftijd-gevallen';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Parity: the age rule's SQL twin (bekostiging's B06, set-based) answers every case of the table as the TypeScript rule
 * does, bo and so with the 14th birthday, vso with the 20th — the SQL picking the age from the schoolsoort as bekostiging does.
 */
describe('WPO art. 39 / WEC age rule: SQL and TypeScript agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('over the whole table of cases, vso included', async () => {
    const rijen: { geboortedatum: string; datum: string; max: number; vierde: string; laatste: string; schooljaar: string; buiten: boolean; tejong: boolean; teoud: boolean }[] = await t.db.query(
      `SELECT g.geboortedatum, g.datum, ${leeftijdSql.maxLeeftijd('g.schoolsoort')} AS max,
              to_char(${leeftijdSql.vroegsteVierdeVerjaardag('g.geboortedatum')}, 'YYYY-MM-DD') AS vierde,
              to_char(${leeftijdSql.laatsteVeertiendeVerjaardag('g.geboortedatum', leeftijdSql.maxLeeftijd('g.schoolsoort'))}, 'YYYY-MM-DD') AS laatste,
              to_char(${leeftijdSql.beginSchooljaar('g.datum')}, 'YYYY-MM-DD') AS schooljaar,
              ${leeftijdSql.buitenBekostigdeLeeftijd('g.geboortedatum', 'g.datum', leeftijdSql.beginSchooljaar('g.datum'), leeftijdSql.maxLeeftijd('g.schoolsoort'))} AS buiten,
              ${leeftijdSql.vroegsteVierdeVerjaardag('g.geboortedatum')} > g.datum AS tejong,
              ${leeftijdSql.laatsteVeertiendeVerjaardag('g.geboortedatum', leeftijdSql.maxLeeftijd('g.schoolsoort'))} < ${leeftijdSql.beginSchooljaar('g.datum')} AS teoud
         FROM unnest($1::text[], $2::date[], $3::text[]) WITH ORDINALITY AS g(geboortedatum, datum, schoolsoort, i) ORDER BY g.i`,
      [LEEFTIJD_GEVALLEN.map((g) => g.geboortedatum), LEEFTIJD_GEVALLEN.map((g) => g.datum), LEEFTIJD_GEVALLEN.map((g) => g.schoolsoort ?? null)],
    );
    expect(rijen.map((r) => [r.geboortedatum, r.max, r.vierde, r.laatste, r.schooljaar, r.tejong, r.teoud, r.buiten])).toEqual(
      LEEFTIJD_GEVALLEN.map((g) => {
        const max = MAX_LEEFTIJD[g.schoolsoort ?? 'BO'];
        return [g.geboortedatum, max, vroegsteVierdeVerjaardag(g.geboortedatum), laatsteVeertiendeVerjaardag(g.geboortedatum, max), beginSchooljaar(g.datum), g.tejong, g.teoud, g.tejong || g.teoud];
      }),
    );
    // The table reaches both ages and both sides of each boundary.
    expect(new Set(rijen.map((r) => r.max))).toEqual(new Set([14, 20]));
    expect(rijen.filter((r) => r.max === 20).map((r) => r.teoud)).toEqual(expect.arrayContaining([true, false]));
  });
});
