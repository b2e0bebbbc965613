import { bearer } from '../support/auth';
import { expectInvalid } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { expectJson, rioSetup, RioTest } from './rio-support';

/** The lookups vendors need most, on the small seed: locaties near a GPS point and by plaats, eigen sleutel, sort. */
describe('RIO lookups', () => {
  let t: TestApp;
  let r: RioTest;
  const get = (url: string) => t.http().get(`/rio/v1${url}`).set(bearer(r.beta));
  const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code);

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('finds onderwijslocaties within a radius of a GPS point, nearest first, with their distance', async () => {
    const regenboog = (await get('/onderwijslocaties/100X001')).body;
    const punt = `gpsLatitude=${regenboog.gpsLatitude}&gpsLongitude=${regenboog.gpsLongitude}`;
    const dichtbij = await get(`/onderwijslocaties?${punt}&straal=1`);
    expectJson(dichtbij, 200);
    expect(dichtbij.body.items).toEqual([{ ...regenboog, afstand: 0 }]);

    // 10 km around the Utrecht school: the Utrecht locaties, not those in Amersfoort (about 20 km away)
    const rond = await get(`/onderwijslocaties?${punt}&straal=10000&pageSize=100`);
    expectJson(rond, 200);
    const gevonden = codes(rond);
    expect(gevonden[0]).toBe('100X001');
    expect(gevonden).toEqual(expect.arrayContaining(['100X001', '100X002', '100X003', '100X007']));
    expect(gevonden).not.toContain('100X004');
    const afstanden = rond.body.items.map((l: { afstand: number }) => l.afstand);
    expect(afstanden).toEqual([...afstanden].sort((a, b) => a - b));
    expect(Math.max(...afstanden)).toBeLessThanOrEqual(10000);
    // every Utrecht locatie of the seed lies in the radius, checked against an independent haversine
    const utrecht = (await get('/onderwijslocaties?plaatsnaam=Utrecht&pageSize=100')).body.items as { code: string; gpsLatitude: string; gpsLongitude: string }[];
    for (const l of utrecht) {
      const d = haversine(Number(regenboog.gpsLatitude), Number(regenboog.gpsLongitude), Number(l.gpsLatitude), Number(l.gpsLongitude));
      if (d <= 9990) expect(gevonden).toContain(l.code);
      const hit = rond.body.items.find((x: { code: string }) => x.code === l.code);
      if (hit) expect(Math.abs(hit.afstand - d)).toBeLessThanOrEqual(1);
    }
    expect(rond.body._links.self.href).toContain('straal=10000');

    // default radius 1 km; without a point there is no afstand
    expect(codes(await get(`/onderwijslocaties?${punt}`))).toContain('100X001');
    expect((await get('/onderwijslocaties/100X001')).body).not.toHaveProperty('afstand');
    // sort=-afstand: farthest first
    const verst = await get(`/onderwijslocaties?${punt}&straal=10000&sort=-afstand&pageSize=100`);
    expect(codes(verst).at(-1)).toBe('100X001');
  });

  it('finds onderwijslocaties by plaats, case-insensitive', async () => {
    const amersfoort = await get('/onderwijslocaties?plaatsnaam=amersfoort&pageSize=100');
    expectJson(amersfoort, 200);
    expect(codes(amersfoort)).toEqual(expect.arrayContaining(['100X004', '100X005', '100X006', '100X008']));
    expect(amersfoort.body.items.every((l: { plaatsnaam: string }) => l.plaatsnaam === 'Amersfoort')).toBe(true);
    expect((await get('/onderwijslocaties?plaatsnaam=Atlantis')).body.items).toEqual([]);
  });

  it('looks up aanbieder, locatiegebruik and aangeboden opleiding by the board\'s eigen sleutel', async () => {
    const aanbieder = await get('/onderwijsaanbieders?eigenSleutel=LAS-01AB');
    expectJson(aanbieder, 200);
    expect(aanbieder.body.items.map((a: { code: string; eigenSleutel: string }) => [a.code, a.eigenSleutel])).toEqual([['100A002', 'LAS-01AB']]);
    const gebruik = await get('/onderwijslocatiegebruiken?eigenSleutel=gebouw-01AA01');
    expectJson(gebruik, 200);
    expect(gebruik.body.items.map((g: { onderwijsbestuurcode: string; onderwijslocatiecode: string }) => [g.onderwijsbestuurcode, g.onderwijslocatiecode])).toEqual([['100B001', '100X007']]);
    const aanbod = await get('/aangeboden-opleidingen?eigenSleutel=aanbod-02AC00');
    expectJson(aanbod, 200);
    expect(aanbod.body.items.map((o: { onderwijsaanbiedercode: string; eigenSleutel: string }) => [o.onderwijsaanbiedercode, o.eigenSleutel])).toEqual([['100A006', 'aanbod-02AC00']]);
    expect((await get('/onderwijsaanbieders?eigenSleutel=LAS-99ZZ')).body.items).toEqual([]);
  });

  it('sorts lists by the fields of sort, descending with -, ties by the key, and keeps sort in the links', async () => {
    const desc = await get('/onderwijsbesturen?sort=-code&pageSize=2');
    expectJson(desc, 200);
    expect(codes(desc)).toEqual(['100B006', '100B005']);
    expect(desc.body._links.next.href).toContain('sort=-code');
    const opNaam = codes(await get('/onderwijsbesturen?sort=naam&pageSize=100'));
    expect(opNaam.at(-1)).toBe('100B002'); // "Vereniging …" after every "Stichting …"
    expect(codes(await get('/onderwijsbesturen?sort=-naam'))[0]).toBe('100B002');
    const postcodes = (await get('/onderwijslocaties?plaatsnaam=Utrecht&sort=-postcode&pageSize=100')).body.items.map((l: { postcode: string }) => l.postcode);
    expect(postcodes).toEqual([...postcodes].sort().reverse());
    const aanbieders = await get('/onderwijsaanbieders?onderwijsbestuurcode=100B001&sort=-inBedrijfdatum,code');
    expect(codes(aanbieders)).toEqual(['100A002', '100A003', '100A001']); // 2004, 1998, 1996
    const gebruiken = await get('/onderwijslocatiegebruiken?onderwijsbestuurcode=100B001&sort=-onderwijslocatiecode');
    expect(gebruiken.body.items.map((g: { onderwijslocatiecode: string }) => g.onderwijslocatiecode)).toEqual(['100X007', '100X003', '100X002', '100X001']);
    const vestigingen = await get('/onderwijsinstellingserkenningen/01AA/vestigingserkenningen?sort=-code');
    expect(codes(vestigingen)).toEqual(['01AA01', '01AA00']);
    const aanbod = await get('/onderwijsaanbieders/100A001/aangeboden-opleidingen?sort=-begindatum');
    expect(aanbod.body.items.map((o: { begindatum: string }) => o.begindatum)).toEqual(['1998-08-01', '1996-08-01']);
  });

  it('answers 400 with every invalid lookup parameter at once', async () => {
    expectInvalid(await get('/onderwijslocaties?gpsLatitude=91&straal=0&sort=afstand'), [
      { parameter: 'gpsLatitude' },
      { parameter: 'gpsLongitude' },
      { parameter: 'straal' },
    ]);
    expectInvalid(await get('/onderwijslocaties?sort=afstand'), [{ parameter: 'sort' }]);
    // An empty coordinate is no coordinate (not 0, the Gulf of Guinea), and the straal around it is then no search either.
    expectInvalid(await get('/onderwijslocaties?gpsLatitude=&gpsLongitude=5.1'), [{ parameter: 'gpsLatitude' }]);
    expectInvalid(await get('/onderwijslocaties?gpsLatitude=52.09&gpsLongitude=%20&straal=2000'), [{ parameter: 'gpsLongitude' }]);
    expectInvalid(await get('/onderwijslocaties?gpsLongitude=5.1&sort=postcode'), [{ parameter: 'gpsLatitude' }]);
    expectInvalid(await get('/onderwijsbesturen?sort=naam,,code'), [{ parameter: 'sort' }]);
    expectInvalid(await get('/onderwijsaanbieders?sort=postcode&eigenSleutel='), [{ parameter: 'sort' }, { parameter: 'eigenSleutel' }]);
  });
});

/** Great-circle distance in metres (mean earth radius), computed apart from the server's SQL. */
function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}
