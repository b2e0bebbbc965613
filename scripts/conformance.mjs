// `npm run conformance -- [start] [options]`: a conformance run for CI, with nothing but Node.js.
//   start                  start a run, print its id, exit (then let the LAS do its work)
//   --run <id>             wait for and finish this run (default: start a new one)
//   --base-url <url>       the simulator (default http://localhost:3000, or CONFORMANCE_BASE_URL)
//   --client <id>          OAuth client id (or CONFORMANCE_CLIENT_ID)
//   --secret <secret>      client secret (or CONFORMANCE_CLIENT_SECRET)
//   --sandbox <code>       sandbox of the run (default: the client's own)
//   --cases PG02,PG03      the cases that must pass (default: all)
//   --wait                 wait until every required case is decided (or --timeout) before finishing
//   --timeout <seconds>    longest wait (default 600)
//   --junit <file>         where to write the JUnit XML (default conformance-junit.xml)
// Exit code: 0 when every required case passed, 1 when one failed, 2 when one was not attempted, 3 on an error.
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);
const base = (opt('base-url', process.env.CONFORMANCE_BASE_URL) ?? 'http://localhost:3000').replace(/\/$/, '');
const client = opt('client', process.env.CONFORMANCE_CLIENT_ID);
const secret = opt('secret', process.env.CONFORMANCE_CLIENT_SECRET);
const sandbox = opt('sandbox', process.env.CONFORMANCE_SANDBOX);
const vereist = opt('cases', '') ? opt('cases', '').split(',').map((s) => s.trim()).filter(Boolean) : null;
const timeout = Number(opt('timeout', '600'));
const junit = opt('junit', 'conformance-junit.xml');
const tty = process.stderr.isTTY;

const fail = (msg) => {
  process.stderr.write(`conformance: ${msg}\n`);
  process.exit(3);
};
if (!client || !secret) fail('--client and --secret (or CONFORMANCE_CLIENT_ID and CONFORMANCE_CLIENT_SECRET) are required');

async function call(method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch((e) => fail(`${method} ${path}: ${e.message}`));
  const text = await res.text();
  if (!res.ok) fail(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return { text, json: () => JSON.parse(text) };
}

const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: client, client_secret: secret, ...(sandbox ? { sandbox } : {}) });
const tokenRes = await fetch(`${base}/oauth/token`, { method: 'POST', body: form }).catch((e) => fail(`token: ${e.message}`));
if (!tokenRes.ok) fail(`token endpoint answered ${tokenRes.status}: ${(await tokenRes.text()).slice(0, 300)}`);
const token = (await tokenRes.json()).access_token;

let runId = opt('run');
if (!runId) {
  runId = (await call('POST', '/conformance/v1/runs', token, {})).json().runId;
  if (args[0] === 'start') {
    process.stdout.write(`${runId}\n`);
    process.exit(0);
  }
  process.stderr.write(`conformance run ${runId} started; do the proefgevallen with your LAS now\n`);
}

const telt = (g) => !vereist || vereist.includes(g.nummer);
const teken = { GESLAAGD: '✓', MISLUKT: '✗', NIET_GEPROBEERD: '·' };
const deadline = Date.now() + timeout * 1000;
let rapport;
for (;;) {
  rapport = (await call('GET', `/conformance/v1/runs/${runId}`, token)).json();
  const gevallen = rapport.gevallen.filter(telt);
  const beslist = gevallen.filter((g) => g.uitslag !== 'NIET_GEPROBEERD').length;
  const balk = gevallen.map((g) => `${g.nummer}${teken[g.uitslag]}`).join(' ');
  process.stderr.write(`${tty ? '\r\x1b[K' : ''}[${'#'.repeat(beslist)}${'-'.repeat(gevallen.length - beslist)}] ${beslist}/${gevallen.length} ${balk}${tty ? '' : '\n'}`);
  if (!flag('wait') || beslist === gevallen.length || Date.now() >= deadline) break;
  await new Promise((r) => setTimeout(r, 2000));
}
if (tty) process.stderr.write('\n');

rapport = (await call('POST', `/conformance/v1/runs/${runId}/afronding`, token)).json();
writeFileSync(junit, (await call('GET', `/conformance/v1/runs/${runId}/junit`, token)).text);
const gevallen = rapport.gevallen.filter(telt);
for (const g of gevallen) process.stderr.write(`${teken[g.uitslag]} ${g.nummer} ${g.titel}${g.uitslag === 'GESLAAGD' ? '' : ` — ${g.reden}`}\n`);
process.stderr.write(`JUnit written to ${junit}; report: ${base}/conformance/v1/runs/${runId}/rapport\n`);
process.exit(gevallen.some((g) => g.uitslag === 'MISLUKT') ? 1 : gevallen.some((g) => g.uitslag === 'NIET_GEPROBEERD') ? 2 : 0);
