import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { JsonLogger } from '../common/logging/json-logger';
import { loadConfig } from '../config/app-config';
import { createApp } from '../bootstrap';
import { MigratiesService } from './migraties/migraties.service';
import type { MigratieResponse } from './migraties/migratie.dto';

const GEBRUIK = 'usage: npm run bron:migreer -- --map <dir> [--sandbox <code>] [--proefdraai] [--migratie <id>]   (DATABASE_URL must be set)';

interface Opties {
  map: string | null;
  sandbox: string;
  proefdraai: boolean;
  migratie: string | null;
}

function opties(argv: string[]): Opties {
  const o: Opties = { map: null, sandbox: 'default', proefdraai: false, migratie: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--proefdraai') o.proefdraai = true;
    else if (a === '--map' || a === '--sandbox' || a === '--migratie') {
      const w = argv[++i];
      if (!w) throw new Error(`${GEBRUIK}\n${a} needs a value`);
      if (a === '--map') o.map = w;
      else if (a === '--sandbox') o.sandbox = w;
      else o.migratie = w;
    } else throw new Error(`${GEBRUIK}\nunknown argument ${a}`);
  }
  if (!o.map && !o.migratie) throw new Error(`${GEBRUIK}\n--map or --migratie is required`);
  return o;
}

/** Files are staged in groups (one transaction and one COPY each) of at most this many files or bytes. */
const GROEP_BESTANDEN = 500;
const GROEP_BYTES = 64 * 1024 * 1024;

function* groepen(bestanden: { naam: string; grootte: number }[]): Generator<string[]> {
  let groep: string[] = [];
  let bytes = 0;
  for (const b of bestanden) {
    if (groep.length && (groep.length >= GROEP_BESTANDEN || bytes + b.grootte > GROEP_BYTES)) {
      yield groep;
      groep = [];
      bytes = 0;
    }
    groep.push(b.naam);
    bytes += b.grootte;
  }
  if (groep.length) yield groep;
}

/** A progress bar on stderr for the running phase. */
function balk(m: Pick<MigratieResponse, 'status' | 'fasen'>): string {
  const naam = m.status === 'PROEFDRAAI_BEZIG' ? 'proefdraai' : 'conversie';
  const f = (m.fasen as Record<string, { verwerkt: number; totaal: number } | undefined>)[naam];
  const b = m.fasen.bekostiging;
  if (naam === 'conversie' && b && b.totaal === 0) return `bekostiging …`;
  if (!f) return naam;
  const deel = f.totaal ? f.verwerkt / f.totaal : 0;
  const n = Math.round(deel * 30);
  return `${naam.padEnd(11)} [${'#'.repeat(n)}${'.'.repeat(30 - n)}] ${f.verwerkt}/${f.totaal} (${Math.floor(deel * 100)}%)`;
}

/**
 * `npm run bron:migreer`: a migratie from a folder of BRON files in one go — create (or resume with --migratie), upload
 * every file (in groups), optionally a dry run, then the conversion — with a progress bar. Killed at any moment, the same command
 * with --migratie <id> resumes: files already uploaded are recognised by their hash, a running conversion goes on where it was.
 */
export async function main(argv: string[]): Promise<void> {
  const o = opties(argv);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`${GEBRUIK}\nDATABASE_URL is not set`);
  const app = await createApp(loadConfig({ DATABASE_URL: url, WORKERS_ENABLED: 'false', LOG_LEVEL: 'warn', DB_POOL_SIZE: '4' }), new JsonLogger('warn'));
  try {
    const db = app.get(DataSource);
    const [s]: { id: string; code: string }[] = await db.query('SELECT id, code FROM sandbox WHERE code = $1', [o.sandbox]);
    if (!s) throw new Error(`no sandbox ${o.sandbox}`);
    const p: Principal = { clientId: 'bron-migreer', clientName: 'bron:migreer', role: 'BEHEER', oin: '00000001800866472000', scopes: ['beheer'], sandboxId: s.id, sandboxCode: s.code, bestuurcodes: [] };
    const service = app.get(MigratiesService);
    let m = o.migratie ? await service.get(p, o.migratie) : await service.create(p);
    console.log(`migratie ${m.id} (${m.status})`);
    if (o.map && (m.status === 'AANGEMAAKT' || m.status === 'PROEFDRAAI_KLAAR')) {
      const namen = readdirSync(o.map).filter((n) => /\.P\d{2}(\.gz)?$/.test(n) && statSync(join(o.map!, n)).isFile()).sort();
      for (const groep of groepen(namen.map((naam) => ({ naam, grootte: statSync(join(o.map!, naam)).size })))) {
        const r = await service.uploadGroep(p, m.id, groep.map((naam) => ({ bestandsnaam: naam.replace(/\.gz$/, ''), open: () => createReadStream(join(o.map!, naam)) })));
        r.forEach(({ body: b }, i) =>
          console.log(`${groep[i]}: ${b.herkend ? 'al gelezen' : b.status}, ${b.aantalInschrijvingen} inschrijvingen${b.fouten.length ? `, ${b.fouten.map((f) => `${f.code}${f.regel ? ` (regel ${f.regel})` : ''}`).join(', ')}` : ''}`),
        );
      }
    }
    const volg = async (start: () => Promise<MigratieResponse>, klaar: string) => {
      m = await start();
      const timer = setInterval(() => void service.getVoortgang(p, m.id).then((x) => process.stderr.write(`\r${balk(x)}   `)), 500);
      try {
        await service.waitFor(m.id);
      } finally {
        clearInterval(timer);
      }
      m = await service.get(p, m.id);
      process.stderr.write(`\r${balk(m)}\n`);
      if (m.status !== klaar) throw new Error(`migratie ${m.id} stopped in ${m.status}`);
    };
    if (o.proefdraai && (m.status === 'AANGEMAAKT' || m.status === 'PROEFDRAAI_BEZIG')) await volg(() => service.proefdraai(p, m.id), 'PROEFDRAAI_KLAAR');
    if (m.status !== 'GECONVERTEERD') await volg(() => service.convert(p, m.id), 'GECONVERTEERD');
    const t = await service.getTelling(p, m.id, false);
    console.log(`gelezen ${t.totaal.gelezen} = geconverteerd ${t.totaal.goedgekeurd} + afgekeurd ${t.totaal.afgekeurd}; ${t.afgekeurdeBestanden.length} bestanden afgekeurd`);
    console.log(JSON.stringify({ migratie: m.id, fasen: m.fasen }));
  } finally {
    await app.close();
  }
}
