import { execFile, execFileSync } from 'node:child_process';
import { chownSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError, freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { startChildSimulator } from '../support/child-simulator';

/**
 * The embedded PostgreSQL for anyone, anywhere: as root and as a real unprivileged user, on a free port when the
 * preferred one is busy, with a clear cause and remedy for every startup failure, and a clean stop.
 */
const isRoot = process.getuid?.() === 0;
/** A real unprivileged user: this one when the tests run as a normal user; as root, one made for the purpose. */
const UNPRIVILEGED = 'rodsim-nonroot';

function ensureUnprivilegedUser(): { uid: number; gid: number } {
  try {
    execFileSync('id', ['-u', UNPRIVILEGED], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', UNPRIVILEGED], { stdio: 'ignore' });
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, UNPRIVILEGED], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function uidOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'))!;
  return Number(line.split(/\s+/)[1]);
}

const postmasterPid = (dir: string) => Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL', () => {
  const dirs: string[] = [];
  const tempDir = (owner?: { uid: number; gid: number }) => {
    const d = mkdtempSync(join(tmpdir(), 'rodsim-embedded-'));
    if (owner) chownSync(d, owner.uid, owner.gid);
    dirs.push(d);
    return d;
  };
  const servers: Server[] = [];
  const occupy = async () => {
    const port = await freePort();
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', () => r()));
    servers.push(srv);
    return port;
  };
  afterAll(() => {
    for (const s of servers) s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(`as ${isRoot ? 'root: runs the server as a non-root system user' : 'a normal user: runs the server as that user'}, on a free port when the preferred one is busy, and stops cleanly`, async () => {
    const dir = tempDir();
    const busy = await occupy();
    const logs: string[] = [];
    const db = await startEmbeddedPostgres({ dir, preferredPort: busy, log: (_l, m) => logs.push(m) });
    try {
      expect(db.port).not.toBe(busy);
      expect(logs.join('\n')).toContain(`port ${busy} is busy; embedded PostgreSQL uses free port ${db.port}`);
      const pid = postmasterPid(dir);
      if (isRoot) expect(uidOf(pid)).not.toBe(0);
      else expect(uidOf(pid)).toBe(process.getuid!());
      const c = new Client({ connectionString: db.url });
      await c.connect();
      expect((await c.query('SELECT current_database() AS d')).rows[0].d).toBe('rodsim');
      await c.end();
      await db.stop();
      await db.stop(); // twice is harmless
      expect(alive(pid)).toBe(false);

      // Killed hard, the server leaves postmaster.pid behind; a new start clears it and starts.
      writeFileSync(join(dir, 'postmaster.pid'), `999999\n${dir}\n0\n${db.port}\n`);
      const again = await startEmbeddedPostgres({ dir, log: (_l, m) => logs.push(m) });
      expect(logs.join('\n')).toMatch(/removed a stale postmaster.pid/);
      await again.stop();
    } finally {
      await db.stop();
    }
  }, 90_000);

  it('beside another embedded PostgreSQL (a second checkout, or a test run beside the simulator): its own free port, both serve, each stops only its own', async () => {
    const preferred = await freePort();
    const [dirA, dirB] = [tempDir(), tempDir()];
    const logs: string[] = [];
    const first = await startEmbeddedPostgres({ dir: dirA, preferredPort: preferred });
    try {
      const second = await startEmbeddedPostgres({ dir: dirB, preferredPort: preferred, log: (_l, m) => logs.push(m) });
      try {
        expect(first.port).toBe(preferred);
        expect(second.port).not.toBe(preferred);
        expect(logs.join('\n')).toContain(`port ${preferred} is busy; embedded PostgreSQL uses free port ${second.port}`);
        const folderOf = async (url: string) => {
          const c = new Client({ connectionString: url });
          await c.connect();
          try {
            return (await c.query(`SELECT current_setting('data_directory') AS d`)).rows[0].d as string;
          } finally {
            await c.end();
          }
        };
        expect(await folderOf(first.url)).toBe(dirA);
        expect(await folderOf(second.url)).toBe(dirB);
        const secondPid = postmasterPid(dirB);
        await second.stop();
        expect(alive(secondPid)).toBe(false);
        expect(await folderOf(first.url)).toBe(dirA);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
    }
  }, 90_000);

  it('an explicit port that is busy: a clear error naming the port and what to do', async () => {
    const busy = await occupy();
    const err = await startEmbeddedPostgres({ dir: tempDir(), port: busy }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect((err as Error).message).toMatch(new RegExp(`port ${busy} is busy[\\s\\S]*What to do:.*EMBEDDED_PG_PORT`));
  }, 60_000);

  // A full disk, for real: a data folder on a 2 MB tmpfs (mounting one needs root; as a normal user explainFailure's unit
  // test covers PostgreSQL's own complaint).
  (isRoot ? it : it.skip)('a full disk: the start fails with the cause (the disk is full) and what to do, never "undefined"', async () => {
    const mnt = tempDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
    try {
      const err = await startEmbeddedPostgres({ dir: join(mnt, 'pg') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmbeddedPostgresError);
      expect((err as Error).message).toMatch(new RegExp(`the disk holding ${mnt}/pg is full[\\s\\S]*What to do: free disk space`));
      expect((err as Error).message).not.toMatch(/undefined/);
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  }, 60_000);

  it('a folder holding other files is never taken over: a clear error, the files untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const err = await startEmbeddedPostgres({ dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect((err as Error).message).toMatch(/is not empty and holds no PostgreSQL data[\s\S]*What to do:.*EMBEDDED_PG_DIR/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  // As root the simulator is also run as a real unprivileged user (runuser); as a normal user the run is one already.
  const asUser = isRoot ? UNPRIVILEGED : undefined;

  it(`the simulator (npm start's entry) as ${isRoot ? `the unprivileged user ${UNPRIVILEGED}` : 'this normal user'}: starts on the embedded PostgreSQL, serves, stops cleanly`, async () => {
    const owner = isRoot ? ensureUnprivilegedUser() : undefined;
    const dir = tempDir(owner);
    const sim = await startChildSimulator({ DATABASE_URL: undefined, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: undefined, WORKERS_ENABLED: 'false' }, { asUser });
    try {
      await sim.waitForLine(/"msg":"ready"/, 90_000);
      expect((await fetch(`${sim.base}/health/ready`)).status).toBe(200);
      const pid = postmasterPid(dir);
      expect(uidOf(pid)).toBe(owner?.uid ?? process.getuid!());
      expect(sim.lines.join('\n')).not.toMatch(/groupadd|useradd|Failed to create/);
      expect(await sim.stop()).toBe(0);
      expect(alive(pid)).toBe(false);
      expect(sim.lines.filter((l) => /Called end on pool|unhandled|error/i.test(l))).toEqual([]);
    } finally {
      await sim.stop();
    }
  }, 120_000);

  it(`npm test's runner as ${isRoot ? `the unprivileged user ${UNPRIVILEGED}` : 'this normal user'} in a checkout of its own, without DATABASE_URL: its own embedded PostgreSQL, the tests pass, nothing created`, async () => {
    const owner = isRoot ? ensureUnprivilegedUser() : undefined;
    const root = join(__dirname, '..', '..');
    const checkout = tempDir(owner);
    for (const f of ['package.json', 'jest.config.js', '.swcrc', 'tsconfig.json', 'src', 'scripts', 'test']) cpSync(join(root, f), join(checkout, f), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
    if (owner) execFileSync('chown', ['-R', '--no-dereference', `${owner.uid}:${owner.gid}`, checkout]);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: checkout, LANG: 'C' };
    const node = [process.execPath, join(checkout, 'scripts', 'test.mjs'), 'src/database/embedded-postgres.spec.ts', '--selectProjects', 'unit'];
    const [cmd, ...args] = asUser ? ['runuser', '-u', asUser, '--', ...node] : node;
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(cmd, args, { cwd: checkout, env, timeout: 150_000 }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr })),
    );
    expect(out).toMatch(/embedded PostgreSQL for tests on port \d+/);
    expect(out).toMatch(/Tests:\s+\d+ passed/);
    expect(out).not.toMatch(/groupadd|useradd|Failed to create|undefined/);
    expect(code).toBe(0);
  }, 180_000);

  it('a data folder owned by another user: the start fails with the cause and what to do, never "undefined"', async () => {
    if (isRoot) ensureUnprivilegedUser();
    // A folder of root's, used by a non-root user.
    const dir = isRoot ? tempDir() : tmpdir();
    const sim = await startChildSimulator({ DATABASE_URL: undefined, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: undefined }, { asUser });
    const line = await sim.waitForLine(/startup failed/, 60_000);
    expect(await sim.exited).toBe(1);
    const out = sim.lines.join('\n');
    expect(line).toMatch(/data folder .* is owned by root/);
    expect(out).toMatch(/What to do: .*(chown|EMBEDDED_PG_DIR)/);
    expect(out).not.toMatch(/undefined/);
  }, 60_000);
});
