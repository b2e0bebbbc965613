import { schrijfBronBestand } from './bron-schrijver';

/**
 * The example file of the upload operations (OpenAPI): a BRON po export of school 01AA with one pupil of the small seed
 * (persona bekend, enrolled in groep 1 of 01AA00 from 22 August 2022), written by the same writer as every generated
 * file, so it is a file the reader takes. Plain ISO-8859-1 text with CRLF; the gzip form has no text example.
 */
export const BRON_VOORBEELDBESTAND = schrijfBronBestand({ brin4: '01AA', batchnummer: 1, aanleverpunt: 1, aanmaakdatum: '2022-12-01' }, [
  {
    regel: 0,
    burgerservicenummer: '999990019',
    onderwijsnummer: null,
    geboortedatum: '2018-03-15',
    geslacht: 'V',
    postcode: '9700AB',
    achternaam: 'Vries',
    voorvoegsel: 'de',
    voornamen: 'Eva',
    inschrijvingen: [{ regel: 0, inschrijvingvolgnummer: '1', datumInschrijving: '2022-08-22', datumUitschrijving: null, periodes: [{ regel: 0, datumBegin: '2022-08-22', vestigingscode: '01AA00', groep: '1' }] }],
  },
]).toString('latin1');

/** The request body of a file upload: the bytes of the file, with the example file above. */
export const BRON_BESTAND_BODY = {
  schema: { type: 'string' as const, format: 'binary' },
  examples: { bestand: { summary: 'A BRON po export file of 01AA with one pupil (plain text, ISO-8859-1, CRLF)', value: BRON_VOORBEELDBESTAND } },
};
