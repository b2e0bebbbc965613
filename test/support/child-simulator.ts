import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { demo } from './auth';

const ROOT = join(__dirname, '..', '..');

/** A simulator in its own process (src/main.ts), as `npm start` runs it: for tests that kill things. */
export interface ChildSimulator {
  proc: ChildProcess;
  base: string;
  /** Every line it wrote (stdout and stderr). */
  lines: string[];
  /** Waits for a line matching `re` (already written or still to come). */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM and wait: the exit code. */
  stop(): Promise<number | null>;
  /** Waits until it exits by itself: the exit code. */
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` (or `script`) in a child process; `asUser`: as that system user (through runuser; needs root). */
export async function startChildSimulator(
  env: Record<string, string | undefined>,
  { script = join(ROOT, 'src', 'main.ts'), args = [], asUser }: { script?: string; args?: string[]; asUser?: string } = {},
): Promise<ChildSimulator> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const node = [process.execPath, '-r', join(ROOT, 'test', 'support', 'ts-register.js'), script, ...args];
  const [cmd, ...argv] = asUser ? ['runuser', '-u', asUser, '--', ...node] : node;
  const proc = spawn(cmd, argv, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { re: RegExp; ok: (l: string) => void }[] = [];
  const onData = (buf: string[]) => (chunk: Buffer) => {
    const parts = (buf[0] + chunk.toString()).split('\n');
    buf[0] = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      for (const w of [...waiters]) {
        if (!w.re.test(l)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.ok(l);
      }
    }
  };
  proc.stdout!.on('data', onData(['']));
  proc.stderr!.on('data', onData(['']));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const waitForLine = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((ok, fail) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return ok(seen);
      const timer = setTimeout(() => fail(new Error(`no line ${re} within ${timeoutMs} ms; output:\n${lines.slice(-30).join('\n')}`)), timeoutMs);
      waiters.push({ re, ok: (l) => (clearTimeout(timer), ok(l)) });
      void exited.then((code) => {
        clearTimeout(timer);
        fail(new Error(`the simulator exited (${code}) before ${re}; output:\n${lines.slice(-30).join('\n')}`));
      });
    });
  const sim: ChildSimulator = {
    proc,
    base: `http://127.0.0.1:${port}`,
    lines,
    waitForLine,
    exited,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        // Through runuser: signal the simulator itself (runuser would re-raise the signal on itself and hide the exit code).
        const target = asUser ? (childrenOf(proc.pid!)[0] ?? proc.pid!) : proc.pid!;
        process.kill(target, 'SIGTERM');
      }
      return exited;
    },
  };
  return sim;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A token for a demo client from a child simulator (client_secret_post). */
export async function childToken(base: string, clientId: string): Promise<string> {
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: demo[clientId].secret }),
  });
  if (res.status !== 200) throw new Error(`token for ${clientId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
