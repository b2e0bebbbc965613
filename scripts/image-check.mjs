// `npm run image:check`: proves docker/Dockerfile without a container engine. It runs the Dockerfile's own steps on this
// machine — the build context as .dockerignore filters it, every COPY, RUN and ENV of each stage, in a scratch folder —
// then checks the runtime stage (supported Node LTS, no dev dependencies or benchmarks, non-root user, healthcheck on PORT
// with a start period) and starts it as an unprivileged user on DATABASE_URL: it refuses the built-in JWT secret, becomes
// healthy by its own HEALTHCHECK, creates no demo clients unless asked, and stops cleanly.
//
// `node scripts/image-check.mjs --static` (the test suite runs it, under a second): everything that needs no install, build
// or start — every COPY source in the build context as .dockerignore filters it, the runtime stage's base image, user,
// NODE_ENV and healthcheck, compose publishing on 127.0.0.1 only. `--dockerignore=<file>` checks another ignore file.
// `--static --start` (CI, right after `npm run build`): then starts this checkout's production build with the image's
// ENV and CMD, as the unprivileged user when run as root, on DATABASE_URL, and checks it as above (seconds, not minutes).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STATIC = process.argv.includes('--static');
const START = process.argv.includes('--start');
const DOCKERIGNORE = process.argv.find((a) => a.startsWith('--dockerignore='))?.slice('--dockerignore='.length) ?? join(root, '.dockerignore');
const SUPPORTED_LTS = [22, 24]; // Node.js release lines in LTS (20 reached end of life on 2026-04-30)
// nobody: stands in for the image's USER node (switching user needs root; a normal user is unprivileged already)
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

// ---- the build context, as .dockerignore filters it ------------------------------------------------------------
function ignoreRules() {
  return readFileSync(DOCKERIGNORE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const glob = negate ? l.slice(1) : l;
      const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '§§').replace(/\*/g, '[^/]*').replace(/§§/g, '.*');
      return { negate, re: new RegExp(`^${re}$`), glob };
    });
}
function excluded(path, rules) {
  let out = false;
  const parts = path.split('/');
  for (const { negate, re } of rules) {
    for (let i = 1; i <= parts.length; i++) if (re.test(parts.slice(0, i).join('/'))) out = !negate;
  }
  return out;
}
function contextFiles(rules) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(join(root, dir))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (name === '.git' || name === 'node_modules') continue;
      const st = statSync(join(root, rel));
      if (st.isDirectory()) {
        if (!excluded(rel, rules) || rules.some((r) => r.negate && r.glob.startsWith(`${rel}/`))) walk(rel);
      } else if (!excluded(rel, rules)) files.push(rel);
    }
  };
  walk('');
  return files;
}

// ---- the Dockerfile, step by step ---------------------------------------------------------------------------------
function instructions(text) {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\w+)\s+(.*)$/.exec(l);
      return { op: m[1].toUpperCase(), args: m[2] };
    });
}

function build(scratch) {
  const rules = ignoreRules();
  const context = contextFiles(rules);
  check(!context.some((f) => /^(\.data|dist|node_modules|test|\.git|\.env)/.test(f) || f.endsWith('.spec.ts') || f.startsWith('src/bench/')), `build context (${context.length} files) holds no local data, tests, benchmarks or secrets`);
  const stages = [];
  for (const { op, args } of instructions(readFileSync(join(root, 'docker/Dockerfile'), 'utf8'))) {
    const stage = stages[stages.length - 1];
    const inStage = (p) => join(stage.dir, p.startsWith('/') ? p : join(stage.workdir, p));
    switch (op) {
      case 'FROM': {
        const [image, , name] = args.split(/\s+/);
        const dir = join(scratch, `stage-${stages.length}`);
        mkdirSync(dir, { recursive: true });
        stages.push({ image, name, dir, workdir: '/', env: {}, user: 'root' });
        break;
      }
      case 'WORKDIR':
        stage.workdir = args;
        mkdirSync(inStage('.'), { recursive: true });
        break;
      case 'ENV':
        for (const [, k, v] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[k] = v.replace(/^"|"$/g, '');
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words[0].startsWith('--from=') ? words.shift().slice(7) : null;
        const dest = words.pop();
        for (const src of words) {
          if (from) {
            if (STATIC) continue; // what an earlier stage built: only there after its RUN steps
            const source = stages.find((s) => s.name === from);
            cpSync(join(source.dir, src), inStage(dest), { recursive: true });
          } else {
            const prefix = src.replace(/\/$/, '');
            const matched = context.filter((f) => f === prefix || f.startsWith(`${prefix}/`));
            if (!matched.length) {
              check(false, `COPY ${src}: in the build context (.dockerignore lets it through)`);
              continue;
            }
            for (const f of matched) {
              // A file goes into dest (a folder when it ends in / or several sources are named); a folder's files keep their place under dest.
              const intoFolder = dest.endsWith('/') || words.length > 1;
              const target = f === prefix ? (intoFolder ? join(inStage(dest), f.split('/').pop()) : inStage(dest)) : join(inStage(dest), relative(prefix, f));
              mkdirSync(dirname(target), { recursive: true });
              cpSync(join(root, f), target);
            }
          }
        }
        break;
      }
      case 'RUN': {
        if (STATIC) {
          console.log(`     RUN ${args} (not run: --static)`);
          break;
        }
        console.log(`     RUN ${args}`);
        const t0 = Date.now();
        execFileSync('sh', ['-c', args], {
          cwd: inStage('.'),
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', ...stage.env },
        });
        console.log(`     (${Math.round((Date.now() - t0) / 1000)} s)`);
        break;
      }
      case 'USER':
        stage.user = args;
        break;
      case 'HEALTHCHECK':
        stage.healthcheck = args;
        break;
      case 'CMD':
        stage.cmd = JSON.parse(args);
        break;
      case 'EXPOSE':
        stage.expose = args;
        break;
      default:
        throw new Error(`image-check does not know Dockerfile instruction ${op}: teach it, so the proof stays complete`);
    }
  }
  return stages;
}

// ---- the runtime stage ------------------------------------------------------------------------------------------
function inspect(stage) {
  const app = join(stage.dir, stage.workdir);
  for (const s of [stage]) {
    const major = Number(/^node:(\d+)/.exec(s.image)?.[1]);
    check(SUPPORTED_LTS.includes(major), `base image ${s.image} is a supported Node.js LTS line (${SUPPORTED_LTS.join(', ')})`);
  }
  check(stage.user && !['root', '0'].includes(stage.user), `runs as a non-root user (${stage.user})`);
  check(/--start-period=\d+/.test(stage.healthcheck ?? ''), 'HEALTHCHECK has a start period');
  check(/process\.env\.PORT/.test(stage.healthcheck ?? ''), 'HEALTHCHECK follows PORT');
  check(stage.env.NODE_ENV === 'production', 'NODE_ENV=production in the image');
  const compose = readFileSync(join(root, 'docker', 'compose.yaml'), 'utf8');
  const published = [...compose.matchAll(/^\s*-\s*"([^"]+:\d+)"\s*$/gm)].map((m) => m[1]).filter((p) => /:\d+$/.test(p));
  check(published.length > 0 && published.every((p) => p.startsWith('127.0.0.1:')), `compose publishes on 127.0.0.1 only (${published.join(', ')})`);
  if (STATIC) return null;
  // Dev-only packages as the lock file marks them (a package a production dependency needs as well, such as ajv for
  // fastify, belongs in the image).
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const devOnly = Object.entries(lock.packages ?? {}).filter(([path, p]) => path.startsWith('node_modules/') && p.dev).map(([path]) => path);
  const devInImage = devOnly.filter((path) => existsSync(join(app, path))).map((path) => path.slice('node_modules/'.length));
  check(devOnly.length > 0 && devInImage.length === 0, `no dev dependencies in the image (${devOnly.length} dev-only packages in the lock file)${devInImage.length ? `: ${devInImage.slice(0, 10).join(', ')}` : ''}`);
  check(!existsSync(join(app, 'dist', 'bench')), 'no benchmarks in the image');
  check(!existsSync(join(app, 'test')) && !existsSync(join(app, 'src')), 'no sources or tests in the image');
  return app;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function start(stage, app, env) {
  const [cmd, ...args] = stage.cmd;
  const child = spawn(cmd === 'node' ? process.execPath : cmd, args, { cwd: app, env: { PATH: process.env.PATH, ...stage.env, ...env }, ...UNPRIVILEGED, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => out };
}

async function healthcheck(stage, env) {
  // Run the image's own HEALTHCHECK command, with the container's environment.
  const json = /CMD\s+(\[.*\])\s*$/.exec(stage.healthcheck)?.[1];
  const [cmd, ...args] = JSON.parse(json);
  try {
    execFileSync(cmd === 'node' ? process.execPath : cmd, args, { env: { ...stage.env, ...env }, stdio: 'ignore', timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

async function run(stage, app) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (a database is created and dropped there)');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const db = `rodsim_image_check_${process.pid}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const url = new URL(base);
  url.pathname = `/${db}`;
  try {
    const refused = start(stage, app, { DATABASE_URL: url.toString(), PORT: String(await freePort()) });
    const r = await refused.exited;
    check(r.code !== 0 && /JWT_SECRET/.test(refused.output()), 'refuses to start with the built-in JWT secret outside development');

    const port = await freePort();
    const secret = 'image-check-beheer-geheim-0123456789abcdef';
    const env = { DATABASE_URL: url.toString(), PORT: String(port), JWT_SECRET: `image-check-${Date.now()}-0123456789abcdefghij`, BEHEER_CLIENT_SECRET: secret };
    const app1 = start(stage, app, env);
    const t0 = Date.now();
    let healthy = false;
    let ended = false;
    app1.exited.then(() => (ended = true));
    while (!healthy && !ended && Date.now() - t0 < 60_000) {
      healthy = await healthcheck(stage, env);
      if (!healthy) await new Promise((res) => setTimeout(res, 500));
    }
    check(healthy, `healthy by its own HEALTHCHECK on PORT=${port} within the start period (${Math.round((Date.now() - t0) / 1000)} s), as uid ${UNPRIVILEGED.uid ?? process.getuid?.()}`);
    if (!healthy) {
      app1.child.kill('SIGKILL');
      console.log(app1.output().split('\n').slice(-20).join('\n'));
      return;
    }
    const token = (id, s) =>
      fetch(`http://127.0.0.1:${port}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${id}:${s}`).toString('base64')}` }, body: 'grant_type=client_credentials' });
    check((await token('las-alfa', 'las-alfa-geheim')).status === 401, 'no demo clients with public secrets unless DEMO_CLIENTS=true');
    check((await token('beheer', secret)).status === 200, 'the beheer client from BEHEER_CLIENT_SECRET gets a token');
    app1.child.kill('SIGTERM');
    const stopped = await app1.exited;
    check(stopped.code === 0, `stops cleanly on SIGTERM (exit ${stopped.code ?? stopped.signal})`);
    if (failures.length) console.log(app1.output().split('\n').slice(-20).join('\n'));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'rodsim-image-'));
try {
  const stages = build(scratch);
  const runtime = stages[stages.length - 1];
  const app = inspect(runtime);
  if (!STATIC) {
    for (const p of [scratch, ...readdirSync(scratch).map((d) => join(scratch, d))]) chmodSync(p, 0o755);
    execFileSync('chmod', ['-R', 'a+rX', scratch]);
    await run(runtime, app);
  } else if (START) {
    // This checkout's production build (npm run build: the compiler the image uses, not the fast build of the tests).
    check(existsSync(join(root, 'dist', 'main.js')) && !existsSync(join(root, 'dist', 'bench')), 'the production build is there (npm run build; no benchmarks in it)');
    await run(runtime, root);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failures.length ? `\n${failures.length} check(s) failed` : `\nthe image steps hold${STATIC ? ' (static part; `npm run image:check` builds and starts it)' : ''}`);
process.exit(failures.length ? 1 : 0);
