import { bearer } from '../support/auth';
import { expectInvalid } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { expectJson, foutcodes, rioSetup, RioTest } from './rio-support';

/**
 * rio.md §6 rules checked from both sides: the DUO side may not end a bestuur, BRIN4 or BRIN6 under the board's
 * running objects (or closes their relations), the board may not end an aanbieder under its aanbod; a BRIN4 has exactly
 * one hoofdvestiging on every date; pupils at a closing BRIN6 are told.
 */
describe('RIO rules from both sides', () => {
  let t: TestApp;
  let r: RioTest;

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  /** The stored state of an object as a PUT body: the read answer without its derived fields. */
  const alsBody = (o: Record<string, unknown>, ...weg: string[]) => {
    const copy = { ...o };
    for (const k of ['code', 'geldigePeriode', 'instellingscodes', 'vestigingscodes', 'instellingscode', ...weg]) delete copy[k];
    return copy;
  };
  const lees = async (pad: string) => (await t.http().get(pad).set(bearer(r.admin))).body as Record<string, any>;
  /** Ends the last (open) periode on `uit`, and the object. */
  const sluit = (o: Record<string, any>, uit: string) => ({ ...o, uitBedrijfdatum: uit, periodes: o.periodes.map((p: { einddatum: string | null }) => (p.einddatum == null ? { ...p, einddatum: uit } : p)) });

  it('N04410: a bestuur cannot end while its aanbieders run; N01410: nor while its locatiegebruik runs', async () => {
    const bestuur = await lees('/rio/v1/onderwijsbesturen/100B002');
    const res = await t.http().put('/rio/v1/onderwijsbesturen/100B002').set(bearer(r.admin)).send(sluit(alsBody(bestuur), '2026-08-01'));
    const body = expectInvalid(res, [{ pointer: '/uitBedrijfdatum', code: 'N04410' }, { pointer: '/uitBedrijfdatum', code: 'N01410' }]);
    expect(foutcodes(body)).toEqual(['N01410', 'N04410']);
    expect(body.foutmeldingen.find((f: { foutcode: string }) => f.foutcode === 'N04410').fouttekst).toContain('100A004');
    expect((await lees('/rio/v1/onderwijsbesturen/100B002')).uitBedrijfdatum).toBeNull();
  });

  it('N04430: an aanbieder cannot end (or begin later) while its aangeboden opleidingen run outside it', async () => {
    const aanbieder = await lees('/rio/v1/onderwijsaanbieders/100A001');
    const gesloten = sluit(alsBody(aanbieder), '2026-08-01');
    const tot = (rel: { einddatum: string | null }[]) => rel.map((x) => ({ ...x, einddatum: x.einddatum ?? '2026-08-01' }));
    const eind = await t.http().put('/rio/v1/onderwijsaanbieders/100A001').set(bearer(r.alfa)).send({ ...gesloten, juridischeRelaties: tot(aanbieder.juridischeRelaties), besturen: tot(aanbieder.besturen) });
    // 100A001 is also a member of groep 100G002 from 2020-08-01 on, open-ended (J06410 seen from the aanbieder).
    expect(foutcodes(expectInvalid(eind, [{ pointer: '/uitBedrijfdatum', code: 'N04430' }, { pointer: '/uitBedrijfdatum', code: 'J06410' }]))).toEqual(['J06410', 'N04430']);
    expect((await lees('/rio/v1/onderwijsaanbieders/100A001')).uitBedrijfdatum).toBeNull();
  });

  it('closing a BRIN6 closes its locatiegebruik relaties on that date and tells every pupil enrolled there (melding 222)', async () => {
    const [{ id: sid }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
    const ingeschreven: { id: string }[] = await t.db.query(
      `SELECT DISTINCT i.id FROM rod_inschrijving i JOIN rod_inschrijving_periode p ON p.inschrijving_id = i.id
        WHERE i.sandbox_id = $1 AND p.vestigingscode = '02AB00' AND (i.datum_uitschrijving IS NULL OR i.datum_uitschrijving >= '2026-08-01')`,
      [sid],
    );
    expect(ingeschreven.length).toBeGreaterThan(0);
    const gelezen = await lees('/rio/v1/vestigingserkenningen/02AB00');
    const vestiging = { ...gelezen, adres: { postcode: gelezen.adres.postcode, huisnummer: gelezen.adres.huisnummer } };
    const res = await t.http().put('/rio/v1/vestigingserkenningen/02AB00').set(bearer(r.admin)).send(sluit(alsBody(vestiging), '2026-08-01'));
    expectJson(res, 200);
    const gebruik = await lees('/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/100X005');
    expect(gebruik.relaties).toEqual([expect.objectContaining({ vestigingscode: '02AB00', einddatum: '2026-08-01' })]);
    const meldingen: { subject: string; instellingscode: string; data: { meldingen: { code: string }[]; vestigingscode: string; datum: string } }[] = await t.db.query(
      `SELECT subject, instellingscode, data FROM outbox_event WHERE sandbox_id = $1 AND type = 'nl.duo.rod.melding' ORDER BY subject`,
      [sid],
    );
    expect(meldingen.map((m) => m.subject).sort()).toEqual(ingeschreven.map((i) => `inschrijving/${i.id}`).sort());
    for (const m of meldingen) {
      expect(m.instellingscode).toBe('02AB');
      expect(m.data).toEqual(expect.objectContaining({ vestigingscode: '02AB00', datum: '2026-08-01', meldingen: [expect.objectContaining({ code: '222_vestiging_niet_geldig', soort: 'MELDING' })] }));
    }
    // the same state again is no new closure: no new meldingen
    expectJson(await t.http().put('/rio/v1/vestigingserkenningen/02AB00').set(bearer(r.admin)).send(sluit(alsBody(vestiging), '2026-08-01')), 200);
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM outbox_event WHERE sandbox_id = $1 AND type = 'nl.duo.rod.melding'`, [sid]))[0].n)).toBe(meldingen.length);
  });

  it('J06510: a BRIN4 has exactly one hoofdvestiging on every date it has a vestiging; closing a BRIN4 needs its vestigingen closed and closes its juridische relaties', async () => {
    const brin4 = { onderwijsbestuurcode: '100B001', soort: 'BAS', vrijheidVanOnderwijs: 'OPENBAAR', inBedrijfdatum: '2025-08-01', periodes: [{ begindatum: '2025-08-01', naam: 'OBS Nieuwbouw', richtingen: ['OPB'], bekostigingscode: 'BEKOSTIGD' }] };
    const brin6 = (hoofd: boolean, inBedrijfdatum = '2025-08-01', uitBedrijfdatum: string | null = null) => ({
      hoofdNevenvestiging: hoofd ? 'HOOFDVESTIGING' : 'NEVENVESTIGING',
      soort: 'VST',
      inBedrijfdatum,
      uitBedrijfdatum,
      adres: { postcode: '3581AB', huisnummer: 10 },
      periodes: [{ begindatum: inBedrijfdatum, einddatum: uitBedrijfdatum, naam: 'OBS Nieuwbouw', bekostigingscode: 'BEKOSTIGD' }],
    });
    const put = (code: string, body: object) => t.http().put(`/rio/v1/vestigingserkenningen/${code}`).set(bearer(r.admin)).send(body);
    expectJson(await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZZ').set(bearer(r.admin)).send(brin4), 201);
    // a nevenvestiging first: no hoofdvestiging on its dates
    expect(foutcodes(expectInvalid(await put('09ZZ01', brin6(false)), [{ pointer: '/hoofdNevenvestiging', code: 'J06510' }]))).toEqual(['J06510']);
    expectJson(await put('09ZZ00', brin6(true)), 201);
    expectJson(await put('09ZZ01', brin6(false, '2026-08-01')), 201);
    // a second hoofdvestiging on the same dates, the hoofdvestiging made neven, closed under its nevenvestiging, or deleted
    expect(foutcodes(expectInvalid(await put('09ZZ02', brin6(true, '2026-08-01')), [{ code: 'J06510' }]))).toEqual(['J06510']);
    expect(foutcodes(expectInvalid(await put('09ZZ00', brin6(false)), [{ code: 'J06510' }]))).toEqual(['J06510']);
    expect(foutcodes(expectInvalid(await put('09ZZ00', brin6(true, '2025-08-01', '2027-08-01')), [{ code: 'J06510' }]))).toEqual(['J06510']);
    expect(foutcodes(expectInvalid(await t.http().delete('/rio/v1/vestigingserkenningen/09ZZ00').set(bearer(r.admin)), [{ code: 'J06510' }]))).toEqual(['J06510']);
    // a hoofdvestiging that follows the first one on the day it closes is fine
    expectJson(await put('09ZZ01', brin6(false, '2026-08-01', '2027-08-01')), 200);
    expectJson(await put('09ZZ00', brin6(true, '2025-08-01', '2027-08-01')), 200);
    expectJson(await put('09ZZ02', brin6(true, '2027-08-01')), 201);

    // an aanbieder of the BRIN4; closing the BRIN4 while 09ZZ02 runs is refused, after closing it the relatie ends too
    const aanbieder = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send({
      inBedrijfdatum: '2025-08-01',
      periodes: [{ begindatum: '2025-08-01', naam: 'OBS Nieuwbouw' }],
      juridischeRelaties: [{ instellingscode: '09ZZ', begindatum: '2025-08-01' }],
      besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2025-08-01' }],
    });
    expectJson(aanbieder, 201);
    const dicht = { ...brin4, uitBedrijfdatum: '2028-08-01', periodes: [{ ...brin4.periodes[0], einddatum: '2028-08-01' }] };
    expect(foutcodes(expectInvalid(await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZZ').set(bearer(r.admin)).send(dicht), [{ pointer: '/uitBedrijfdatum', code: 'N05030' }]))).toEqual(['N05030']);
    expectJson(await put('09ZZ02', brin6(true, '2027-08-01', '2028-08-01')), 200);
    expectJson(await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZZ').set(bearer(r.admin)).send(dicht), 200);
    expect((await lees(`/rio/v1/onderwijsaanbieders/${aanbieder.body.code}`)).juridischeRelaties).toEqual([{ instellingscode: '09ZZ', begindatum: '2025-08-01', einddatum: '2028-08-01' }]);
    const feed = await t.http().get('/rio/v1/onderwijsaanbieders/_wijzigingen?sinds=2025-09-01T00:00:00Z').set(bearer(r.beta));
    expect(feed.body.items.filter((w: { code: string }) => w.code === aanbieder.body.code).map((w: { soortWijziging: string }) => w.soortWijziging)).toEqual(['TOEGEVOEGD', 'GEWIJZIGD']);
  });
});
