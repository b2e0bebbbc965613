import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BronGeneratorOpties, genereerBronBestanden, parseFoutkansen } from './bron-generator';

const GEBRUIK = 'usage: npm run bron:generate -- --pupils <n> --seed <n> --out <dir> [--flaws <rate | CATEGORIE=rate,…>] [--rio-seed <n>] [--rio-scale national|small] [--date yyyy-mm-dd] [--gzip]';

function opties(argv: string[]): BronGeneratorOpties & { out: string } {
  const waarden = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`${GEBRUIK}\nunexpected argument ${a}`);
    if (a === '--gzip') waarden.set('gzip', 'true');
    else if (i + 1 < argv.length) waarden.set(a.slice(2), argv[++i]);
    else throw new Error(`${GEBRUIK}\n${a} needs a value`);
  }
  const getal = (naam: string, standaard?: number) => {
    const w = waarden.get(naam);
    if (w === undefined) {
      if (standaard === undefined) throw new Error(`${GEBRUIK}\n--${naam} is required`);
      return standaard;
    }
    if (!/^[0-9]+$/.test(w)) throw new Error(`--${naam}: ${w} is not a whole number`);
    return Number(w);
  };
  const out = waarden.get('out');
  if (!out) throw new Error(`${GEBRUIK}\n--out is required`);
  const schaal = waarden.get('rio-scale') ?? 'national';
  if (schaal !== 'national' && schaal !== 'small') throw new Error('--rio-scale: national or small');
  const datum = waarden.get('date') ?? '2021-12-06';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(datum)) throw new Error('--date: yyyy-mm-dd');
  for (const k of waarden.keys()) if (!['pupils', 'seed', 'out', 'flaws', 'rio-seed', 'rio-scale', 'date', 'gzip'].includes(k)) throw new Error(`${GEBRUIK}\nunknown option --${k}`);
  return {
    out,
    leerlingen: getal('pupils'),
    seed: getal('seed'),
    rioSeed: getal('rio-seed', 1),
    rioSchaal: schaal,
    datum,
    foutkansen: waarden.has('flaws') ? parseFoutkansen(waarden.get('flaws')!) : {},
    gzip: waarden.get('gzip') === 'true',
  };
}

/** `npm run bron:generate`: writes the files and `manifest.json` into --out, then prints a summary. */
export async function main(argv: string[]): Promise<void> {
  const o = opties(argv);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  mkdirSync(o.out, { recursive: true });
  let piekRss = process.memoryUsage().rss;
  const gen = genereerBronBestanden(o);
  let r = gen.next();
  for (; !r.done; r = gen.next()) {
    writeFileSync(join(o.out, r.value.bestand), r.value.inhoud);
    piekRss = Math.max(piekRss, process.memoryUsage().rss);
  }
  const manifest = r.value;
  writeFileSync(join(o.out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  const cpu = process.cpuUsage(cpu0);
  const t = manifest.totaal;
  console.log(
    JSON.stringify({
      out: o.out,
      bestanden: t.bestanden,
      personen: t.personen,
      inschrijvingen: t.inschrijvingen,
      periodes: t.periodes,
      regels: t.regels,
      mb: Math.round(t.bytes / 1e5) / 10,
      fouten: manifest.foutenPerCategorie,
      seconden: Number((process.hrtime.bigint() - t0) / 1000000n) / 1000,
      cpuSeconden: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      piekRssMb: Math.round(piekRss / 1048576),
    }),
  );
}
