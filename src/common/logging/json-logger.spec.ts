import { JsonLogger, redactPersonNumbers } from './json-logger';

describe('redactPersonNumbers', () => {
  it('masks nine-digit runs (BSN, onderwijsnummer) and leaves other numbers alone', () => {
    expect(redactPersonNumbers('bsn 123456782 ok')).toBe('bsn ********* ok');
    expect(redactPersonNumbers('{"on":"101222331"}')).toBe('{"on":"*********"}');
    expect(redactPersonNumbers('oin 00000003111111110000 and 12345678 and 1234567890')).toBe('oin 00000003111111110000 and 12345678 and 1234567890');
  });

  it('masks person numbers wherever they stand as such: in paths, queries, JSON numbers, messages and database errors', () => {
    expect(redactPersonNumbers('GET /rod/v1/personen/123456782?x=1')).toBe('GET /rod/v1/personen/*********?x=1');
    expect(redactPersonNumbers('/identificatie?bsn=123456782&on=101222331')).toBe('/identificatie?bsn=*********&on=*********');
    expect(redactPersonNumbers('{"bsn":123456782,"pgn":[101222331]}')).toBe('{"bsn":*********,"pgn":[*********]}');
    expect(redactPersonNumbers('Key (bsn)=(123456782) already exists.')).toBe('Key (bsn)=(*********) already exists.');
    expect(redactPersonNumbers('persoon 123456782.')).toBe('persoon *********.');
    expect(redactPersonNumbers('bsn\t123456782\n')).toBe('bsn\t*********\n');
  });

  it('never rewrites identifiers: UUIDs, hex and alphanumeric ids, fractions keep every digit', () => {
    const ids = [
      'c0a8012a-1b2c-4d3e-8f40-a123456789ab', // a UUID whose last group holds nine digits between letters
      '123456789-0abc-4def-8123-456789abcdef', // a UUID starting with nine digits
      '00000000-0000-4000-8000-000123456789', // nine digits after zeros: part of a 12-digit group
      'a1b2c3d4-e5f6-4a7b-8c9d-0e1f123456789', // nine digits ending a hex group
      'evt_123456789',
      'trace-123456789',
      'abc123456789def',
      '0.123456789',
    ];
    for (const id of ids) {
      expect(redactPersonNumbers(`correlationId ${id}`)).toBe(`correlationId ${id}`);
      expect(redactPersonNumbers(JSON.stringify({ correlationId: id }))).toBe(JSON.stringify({ correlationId: id }));
    }
  });
});

describe('JsonLogger', () => {
  it('writes one JSON object per event, masked, filtered by level', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (l) => lines.push(l));
    logger.log('identificatie van 123456782', 'Rod');
    logger.debug('not written');
    logger.event('warn', { msg: 'x', pgn: '111222333' });
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]);
    expect(first).toEqual(expect.objectContaining({ level: 'info', context: 'Rod', msg: 'identificatie van *********' }));
    expect(JSON.parse(lines[1]).pgn).toBe('*********');
  });
});
