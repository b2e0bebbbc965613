import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { bearer, tokenFor } from './support/auth';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The README runs as written: every shell block (```sh / ```bash) runs in bash against a started simulator,
 * with nothing on the PATH but bash, curl, node and a few coreutils. The rules for blocks are stated at the end
 * of README.md ("Writing examples in this README"); blocks added later are picked up and run as well.
 */

interface Block {
  line: number;
  code: string;
  /** Reason given in a `<!-- readme-test: not run: … -->` marker right above the block. */
  notRun?: string;
}

const README = join(__dirname, '..', 'README.md');

function shellBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(sh|bash|shell|console)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    let prev = start - 1;
    while (prev >= 0 && lines[prev].trim() === '') prev--;
    const marker = prev >= 0 ? /^<!--\s*readme-test:\s*not run:\s*(.+?)\s*-->$/.exec(lines[prev].trim()) : null;
    blocks.push({ line: start + 1, code: body.join('\n') + '\n', notRun: marker?.[1] });
  }
  return blocks;
}

/** Commands of a block with continuation lines joined, comments dropped. */
function commands(code: string): string[] {
  return code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s#\s.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Every rule a block can be checked against without running it; returns what breaks them. */
function ruleViolations(block: Block): string[] {
  const problems: string[] = [];
  if (block.notRun) {
    if (/\bcurl\b/.test(block.code)) problems.push('a block that calls the API is always run: remove the not-run marker');
    return problems;
  }
  const cmds = commands(block.code);
  if (!/^BASE=\$\{BASE:-http:\/\/localhost:3000\}$/m.test(block.code)) problems.push('define BASE=${BASE:-http://localhost:3000} in the block');
  if (/localhost:3000/.test(block.code.replace(/^BASE=\$\{BASE:-http:\/\/localhost:3000\}$/m, ''))) problems.push('reach the simulator through $BASE only');
  if (/\b(uuidgen|jq)\b/.test(cmds.join('\n'))) problems.push('only curl and node: no uuidgen or jq (node -p "crypto.randomUUID()", node -pe for JSON)');
  if (/…/.test(cmds.join('\n'))) problems.push('no elided commands (…): write every command out');
  for (const cmd of cmds) {
    if (/<[A-Za-z][\w-]*>/.test(cmd)) problems.push(`no placeholder to fill in by hand: ${cmd.slice(0, 80)}`);
    for (const call of cmd.split(/\$\(|\|/).filter((c) => /^\s*curl\b/.test(c))) {
      if (!/(^|\s)-[A-Za-z]*f[A-Za-z]*(\s|$)|--fail(-with-body)?\b|%\{http_code\}/.test(call)) {
        problems.push(`a curl that can fail silently (add --fail-with-body, or print -w '%{http_code}'): ${call.trim().slice(0, 80)}`);
      }
    }
  }
  return problems;
}

/** A PATH with nothing but bash, curl, node and a few coreutils, as on a machine with only curl and node installed. */
function minimalPath(dir: string): string {
  const tools = ['bash', 'curl', 'node', 'cat', 'sleep', 'date', 'head', 'tail', 'tr', 'grep', 'sed', 'printf', 'env', 'test'];
  for (const tool of tools) {
    for (const base of (process.env.PATH ?? '').split(delimiter)) {
      if (!base || !existsSync(join(base, tool))) continue;
      symlinkSync(join(base, tool), join(dir, tool));
      break;
    }
  }
  return dir;
}

function runBash(script: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(env.PATH, 'bash'), ['--noprofile', '--norc', '-euo', 'pipefail', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const blocks = shellBlocks(readFileSync(README, 'utf8'));

describe('README: every shell block runs as written', () => {
  let t: TestApp;
  let base: string;
  let bin: string;
  let admin: string;
  let before: { klok: unknown; rows: Record<string, number>; sandboxes: string[] };

  /** What following the README must leave alone: the default sandbox's clock and records (its request journal logs the reads). */
  async function defaultSandboxState() {
    const tables: { table_name: string }[] = await t.db.query(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'sandbox_id' AND tb.table_type = 'BASE TABLE'
          AND c.table_name NOT IN ('idempotency_key', 'conformance_journaal') ORDER BY 1`,
    );
    const [{ id }]: { id: string }[] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
    const rows: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE sandbox_id = $1`, [id]);
      rows[table_name] = n;
    }
    const klok = (await t.http().get('/beheer/v1/sandboxes/default/klok').set(bearer(admin))).body;
    const sandboxes = ((await t.db.query('SELECT code FROM sandbox ORDER BY code')) as { code: string }[]).map((r) => r.code);
    return { klok: { mode: klok.mode, offsetMs: klok.offsetMs }, rows, sandboxes };
  }

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'silent' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    bin = minimalPath(mkdtempSync(join(tmpdir(), 'readme-bin-')));
    admin = await tokenFor(t, 'demo-beheer');
    before = await defaultSandboxState();
  });
  afterAll(async () => {
    rmSync(bin, { recursive: true, force: true });
    await t?.close();
  });

  it('has shell blocks, and every block keeps the rules for README examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
    const broken = blocks.map((b) => ({ line: b.line, problems: ruleViolations(b) })).filter((b) => b.problems.length);
    expect(broken).toEqual([]);
  });

  it('finds a rule broken in a block that breaks it', () => {
    const bad = shellBlocks('```sh\nTOKEN=$(curl -s http://localhost:3000/oauth/token | jq -r .access_token)\ncurl -s $BASE/rod/v1/inschrijvingen/<id>\n```\n')[0];
    expect(ruleViolations(bad)).toEqual([
      'define BASE=${BASE:-http://localhost:3000} in the block',
      'reach the simulator through $BASE only',
      expect.stringMatching(/^only curl and node/),
      expect.stringMatching(/^a curl that can fail silently/),
      expect.stringMatching(/^no placeholder/),
      expect.stringMatching(/^a curl that can fail silently/),
    ]);
    expect(ruleViolations({ line: 1, code: 'curl -s x\n', notRun: 'starts the simulator' })).toHaveLength(1);
  });

  const runnable = blocks.filter((b) => !b.notRun);
  it.each(runnable.map((b) => [b.line, b] as const))('block at README.md line %i runs in bash with only curl and node', async (_line, block) => {
    const { code, out } = await runBash(block.code, { PATH: bin, BASE: base, HOME: tmpdir(), LANG: 'C.UTF-8' }, 50_000);
    if (code !== 0) throw new Error(`README.md line ${block.line}: exit ${code}\n${out.slice(-3000)}`);
    if (process.env.README_TEST_ECHO) process.stdout.write(`--- README.md line ${block.line}\n${out}\n`);
  }, 60_000);

  it('following the README never moves the default sandbox clock nor changes its records', async () => {
    const after = await defaultSandboxState();
    expect(after.klok).toEqual(before.klok);
    expect(after.klok).toEqual({ mode: 'REAL', offsetMs: 0 });
    expect(after.rows).toEqual(before.rows);
  });
});
