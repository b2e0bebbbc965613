import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import fc from 'fast-check';
import { AanleverenInschrijvingRequest, AanleverenInschrijvingSoRequest, VerwijderingRequest } from '../../rod/inschrijvingen/aanleveren.dto';
import { definitelyValid } from './fast-validation';

/** The options of the global validation pipe (ProblemValidationPipe). */
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false, validationError: { target: false, value: false } };

const bo = () => ({
  bedrijfsdocument: { identificatiecodeBedrijfsdocument: '3f0c2b8e-6d1a-4c55-9f43-2b7e8a1d9c10', datumTijdBedrijfsdocument: '2025-08-19T08:30:00Z', verzendendeInstantie: '00000003111111110000', ontvangendeInstantie: 'DUO' },
  instellingscode: '01AA',
  persoonsgebondenNummer: { burgerservicenummer: '999990081' },
  inschrijvingvolgnummer: '1',
  datumInschrijving: '2025-08-18',
  nNCA: '',
  pedagogischDidactischConcept: ['DALTON'],
  inschrijvingPeriodeBO: [{ datumBegin: '2025-08-18', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '3', leerjaar: 1, indicatieBekostiging: true }],
  ontwikkelingsperspectief: [{ datumBegin: '2025-10-01' }],
  toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV1', datumBegin: '2025-08-01', datumEinde: '2027-07-31' }],
});
const so = () => {
  const { inschrijvingPeriodeBO, ...rest } = bo();
  return { ...rest, inschrijvingPeriodeSO: inschrijvingPeriodeBO, schoolsoort: '1', cluster: 4, soortVerblijf: 'REGULIER' };
};
const verwijdering = () => {
  const { bedrijfsdocument, instellingscode, persoonsgebondenNummer, inschrijvingvolgnummer } = bo();
  return { bedrijfsdocument, instellingscode, persoonsgebondenNummer, inschrijvingvolgnummer };
};

/** Every place in a body (as a path of keys and indexes), to put another value at. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(here, ...paths(v, here));
    }
    // A key that is not in the contract, or the next item of an array.
    out.push([...prefix, Array.isArray(value) ? value.length : 'onbekend']);
  }
  return out;
}

const REMOVE = Symbol('remove');
const values = fc.oneof(
  fc.constantFrom<unknown>(
    REMOVE, null, '', ' ', '1', '01', '3', '9', '01AA', '01AA00', '1AA', '100A001', '100X001', '999990081', '12345678', '2025-08-18', '2025-02-30', '2025-08-19T08:30:00Z', '2025-08-19T25:00:00Z',
    '3f0c2b8e-6d1a-4c55-9f43-2b7e8a1d9c10', 'DUO', 'x'.repeat(41), 0, 1, -1, 2.5, 21, 99, 100, true, false, [], ['DALTON'], [1], [''], [null], {}, { burgerservicenummer: '999990081', onderwijsnummer: '100000004' },
    { onderwijsnummer: '100000004' }, [{}], [{ datumBegin: '2025-08-18' }], [[]],
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
);

function mutate(body: Record<string, unknown>, path: (string | number)[], value: unknown) {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    if (!at[step] || typeof at[step] !== 'object') return copy;
    at = at[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(at) && typeof last === 'number') at.splice(last, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}

describe('definitelyValid: class-validator without its machinery, for valid request bodies', () => {
  const cases = [
    ['AanleverenInschrijvingBO', AanleverenInschrijvingRequest, bo()],
    ['AanleverenInschrijvingSO', AanleverenInschrijvingSoRequest, so()],
    ['verwijdering', VerwijderingRequest, verwijdering()],
  ] as const;

  it.each(cases)('recognises a valid %s body', async (_name, type, body) => {
    const entity = plainToInstance(type as new () => object, body);
    expect(await validate(entity, OPTIONS)).toEqual([]);
    expect(definitelyValid(entity)).toBe(true);
  });

  it.each(cases)('never answers valid where class-validator finds an error, for every changed %s body (one or two changes)', async (_name, type, body) => {
    const places = paths(body);
    let valid = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...places), values), { minLength: 1, maxLength: 2 }), async (changes) => {
        let changed = body as Record<string, unknown>;
        for (const [path, value] of changes) changed = mutate(changed, path, value);
        const entity = plainToInstance(type as new () => object, changed);
        const errors = await validate(entity, OPTIONS);
        const quick = definitelyValid(entity);
        // Never valid where class-validator finds an error.
        if (errors.length) expect(quick).toBe(false);
        if (errors.length) invalid++;
        // Valid where it finds none, unless a nested collection holds a collection (left to class-validator).
        else if (!/[[,]\[/.test(JSON.stringify(changed))) {
          expect(quick).toBe(true);
          valid++;
        }
      }),
      { numRuns: 1500 },
    );
    // Both kinds were met, so the agreement says something.
    expect(valid).toBeGreaterThan(10);
    expect(invalid).toBeGreaterThan(50);
  });

  it('leaves what it cannot tell to class-validator', () => {
    expect(definitelyValid(null)).toBe(false);
    expect(definitelyValid([plainToInstance(VerwijderingRequest, verwijdering())])).toBe(false);
    // A plain object has no rules: class-validator refuses it as an unknown value.
    expect(definitelyValid(verwijdering())).toBe(false);
  });
});
