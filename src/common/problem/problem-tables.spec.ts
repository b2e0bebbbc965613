import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BEHEER_PROBLEM_STATUS, BeheerErrors } from '../../beheer/beheer.errors';
import { BERICHTEN_PROBLEM_STATUS, BerichtenErrors } from '../../berichten/berichten.errors';
import { BRON_PROBLEM_STATUS, BronProblem } from '../../bron/bron.errors';
import { CONFORMANCE_PROBLEM_STATUS, ConformanceCode } from '../../conformance/conformance.errors';
import { KLOK_PROBLEM_STATUS, KlokErrors } from '../../klok/klok.errors';
import { OAUTH_PROBLEM_STATUS } from '../../oauth/oauth.errors';
import { RIO_PROBLEM_STATUS, RioErrors } from '../../rio/rio.errors';
import { ROD_PROBLEM_STATUS, RodCode, RodProblem } from '../../rod/rod.errors';
import { TOKEN_PATH } from '../openapi/openapi.builder';
import { COMMON_PROBLEM_STATUS } from './common.errors';
import { ProblemCode } from './problem';
import { HTTP_CODES } from './problem.filter';

const TABLES: Record<string, Readonly<Record<string, number>>> = {
  common: COMMON_PROBLEM_STATUS,
  beheer: BEHEER_PROBLEM_STATUS,
  berichten: BERICHTEN_PROBLEM_STATUS,
  bron: BRON_PROBLEM_STATUS,
  conformance: CONFORMANCE_PROBLEM_STATUS,
  klok: KLOK_PROBLEM_STATUS,
  oauth: OAUTH_PROBLEM_STATUS,
  rio: RIO_PROBLEM_STATUS,
  rod: ROD_PROBLEM_STATUS,
};

/** The table each problem constructor takes its status from (its module's, merged over the common one). */
const FACTORIES: Record<string, string[]> = {
  commonProblem: ['common'],
  beheerProblem: ['common', 'beheer'],
  berichtenProblem: ['common', 'berichten'],
  bronProblem: ['common', 'bron', 'rod'],
  conformanceProblem: ['common', 'conformance'],
  klokProblem: ['common', 'klok'],
  oauthError: ['oauth'],
  rioProblem: ['common', 'rio'],
  rodProblem: ['common', 'rod'],
};

/** The named code constants throw sites use (`RioErrors.inGebruik`, `ProblemCode.notFound`, …). */
const CONSTANTS: Record<string, Record<string, string>> = { BeheerErrors, BerichtenErrors, BronProblem, ConformanceCode, KlokErrors, RioErrors, RodCode, RodProblem, ProblemCode };

const SRC = join(__dirname, '..', '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bench' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('problem tables: one code is one status', () => {
  it('a code that appears in more than one table has the same status in each', () => {
    const seen = new Map<string, { status: number; table: string }>();
    const clashes: string[] = [];
    for (const [table, entries] of Object.entries(TABLES)) {
      for (const [code, status] of Object.entries(entries)) {
        const before = seen.get(code);
        if (before && before.status !== status) clashes.push(`${code}: ${before.table} ${before.status}, ${table} ${status}`);
        seen.set(code, { status, table });
      }
    }
    expect(clashes).toEqual([]);
  });

  it('a module table does not redefine a common code', () => {
    const redefined = Object.entries(TABLES)
      .filter(([table]) => table !== 'common' && table !== 'oauth')
      .flatMap(([table, entries]) => Object.keys(entries).filter((code) => code in COMMON_PROBLEM_STATUS).map((code) => `${table}: ${code}`));
    expect(redefined).toEqual([]);
  });

  it('the code a framework error gets maps back to that error’s status', () => {
    for (const [status, code] of Object.entries(HTTP_CODES)) expect([code, COMMON_PROBLEM_STATUS[code]]).toEqual([code, Number(status)]);
  });

  it('the documented token endpoint answers exactly the statuses of the OAuth table', () => {
    const documented = Object.keys(TOKEN_PATH.post.responses).filter((s) => /^[45]/.test(s)).sort();
    expect(documented).toEqual([...new Set(Object.values(OAUTH_PROBLEM_STATUS).map(String))].sort());
  });

  it('no status is chosen at a throw site: problems are made only through a table', () => {
    const allowed = ['common/problem/problem.ts', 'conformance/storingen/storingen.service.ts'];
    const offenders = sources(SRC)
      .filter((path) => /new ProblemException\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path).split('\\').join('/'))
      .filter((path) => !allowed.includes(path));
    expect(offenders).toEqual([]);
  });

  it('every code thrown anywhere is in the table of the constructor that throws it', () => {
    const wrong: string[] = [];
    let checked = 0;
    const call = new RegExp(`\\b(${Object.keys(FACTORIES).join('|')})\\(\\s*(?:'([^']+)'|(\\w+)\\.(\\w+))`, 'g');
    for (const path of sources(SRC)) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(call)) {
        const [, factory, literal, constant, member] = m;
        const code = literal ?? CONSTANTS[constant]?.[member];
        const where = `${relative(SRC, path)}: ${m[0]}`;
        if (code === undefined) {
          wrong.push(`${where} (code not resolved)`);
          continue;
        }
        checked++;
        if (!FACTORIES[factory].some((table) => code in TABLES[table])) wrong.push(`${where} (${code} is in none of ${FACTORIES[factory].join(', ')})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('a storing answers the status its maker chose, so its code is in no table', () => {
    for (const entries of Object.values(TABLES)) expect(entries).not.toHaveProperty(ConformanceCode.gesimuleerdeStoring);
  });
});
