import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The container image on every run, without a container engine: the static part of `npm run image:check` (every COPY
 * source in the build context as .dockerignore filters it, a supported Node.js LTS base, a non-root user, production
 * mode, a healthcheck on PORT with a start period, compose on 127.0.0.1 only). The full check (install, build, start as
 * an unprivileged user on DATABASE_URL) takes minutes: `npm run image:check`.
 */
const ROOT = join(__dirname, '..');

function imageCheck(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'scripts', 'image-check.mjs'), '--static', ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe('container image (static part of npm run image:check)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('holds: every step can find its files, and the runtime stage is safe to share', async () => {
    const { code, out } = await imageCheck();
    expect(out).not.toMatch(/^FAIL/m);
    for (const what of ['build context', 'supported Node.js LTS', 'non-root user', 'start period', 'follows PORT', 'NODE_ENV=production', 'compose publishes on 127.0.0.1 only']) {
      expect(out).toMatch(new RegExp(`^ok .*${what.replace(/[.]/g, '\\.')}`, 'm'));
    }
    expect(code).toBe(0);
  });

  it('the README says what the image needs: DATABASE_URL and JWT_SECRET, and the demo clients only on request', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /^### Container image\n([\s\S]*?)^### /m.exec(readme)?.[1] ?? '';
    expect(section).toMatch(/`DATABASE_URL`: /);
    expect(section).toMatch(/`JWT_SECRET`: .*refuses to start with the built-in one/);
    expect(section).toMatch(/`DEMO_CLIENTS=true`/);
    expect(section).toMatch(/127\.0\.0\.1/);
  });

  it('fails when .dockerignore keeps out a file the Dockerfile copies (the production build needs tsconfig.build.json)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'image-check-'));
    dirs.push(dir);
    const ignore = join(dir, '.dockerignore');
    writeFileSync(ignore, readFileSync(join(ROOT, '.dockerignore'), 'utf8').replace(/^!tsconfig\.build\.json\n/m, ''));
    const { code, out } = await imageCheck(`--dockerignore=${ignore}`);
    expect(out).toMatch(/^FAIL COPY tsconfig\.build\.json/m);
    expect(code).toBe(1);
  });
});
