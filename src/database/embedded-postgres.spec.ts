import { explainFailure } from './embedded-postgres';

describe('explainFailure: every startup failure says its cause and what to do', () => {
  const ctx = { dir: '/data/pg', port: 54329, user: 'alice', explicitPort: true, step: 'start' as const };
  const cases: [string, string, RegExp, RegExp][] = [
    ['disk full', 'FATAL:  could not write lock file "postmaster.pid": No space left on device', /disk holding \/data\/pg is full/, /free disk space|EMBEDDED_PG_DIR/],
    ['port busy', 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use', /port 54329 is busy/, /EMBEDDED_PG_PORT/],
    ['folder of another user', 'FATAL:  data directory "/data/pg" has wrong ownership\nHINT:  The server must be started by the user that owns the data directory.', /may not use data folder/, /chown|EMBEDDED_PG_DIR/],
    ['another server on the folder', 'FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running in data directory "/data/pg"?', /already runs on data folder/, /stop it|EMBEDDED_PG_DIR/],
    ['other version', 'FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 15', /another PostgreSQL version/, /remove the folder/],
    ['anything else', 'PANIC:  something unforeseen', /something unforeseen/, /remove \/data\/pg|DATABASE_URL/],
    ['no output at all', '', /no output/, /DATABASE_URL/],
  ];
  it.each(cases)('%s', (_name, output, cause, remedy) => {
    const e = explainFailure(output, ctx);
    expect(e.reason).toMatch(cause);
    expect(e.remedy).toMatch(remedy);
    expect(e.message).toContain('What to do:');
    expect(e.message).not.toMatch(/undefined/);
  });

  it('without an explicit port, a busy port just needs another start (a free one is chosen)', () => {
    expect(explainFailure('could not bind: Address already in use', { ...ctx, explicitPort: false }).remedy).toMatch(/free port/);
  });
});
