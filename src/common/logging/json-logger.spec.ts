import { JsonLogger, redactPersonNumbers } from './json-logger';

describe('redactPersonNumbers', () => {
  it('masks nine-digit runs (BSN, onderwijsnummer) and leaves other numbers alone', () => {
    expect(redactPersonNumbers('bsn 123456782 ok')).toBe('bsn ********* ok');
    expect(redactPersonNumbers('{"on":"101222331"}')).toBe('{"on":"*********"}');
    expect(redactPersonNumbers('oin 00000003111111110000 and 12345678 and 1234567890')).toBe('oin 00000003111111110000 and 12345678 and 1234567890');
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
