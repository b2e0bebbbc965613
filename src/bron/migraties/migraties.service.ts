import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { BronProblem, bronProblem, migratieNietGevonden, migratieStatus } from '../bron.errors';
import { copyIn } from '../../common/database/copy';
import { BronLezer } from './lezer.port';
import { MigratieRunner } from './migratie-runner';
import { AfkeuringRij, BestandRij, MigratieRij, MigratiesRepository, NieuwBestand, TellingRij } from './migraties.repository';
import { STAGING_KOLOMMEN, StagingSchrijver } from './staging';
import { afkeuringenCsv, bestandResponse, migratieResponse, tellingResponse } from './migratie.mapper';
import type { AfkeuringenResponse, BestandUploadResponse, MigratieResponse, TellingResponse } from './migratie.dto';

/** A file to stage: its name as BRON made it, and its bytes, opened when its turn comes. */
export interface BronUpload {
  bestandsnaam: string;
  open: () => Readable;
}

/**
 * The staged text is ISO-8859-1 as the files are (every value comes from a file, or is digits and uuids): sent as such
 * and converted by the server, which is much cheaper than encoding it as UTF-8 here.
 */
const COPY_STAGING = `COPY bron_staging (${STAGING_KOLOMMEN.join(', ')}) FROM STDIN WITH (ENCODING 'LATIN1')`;

/**
 * The bytes of a source as they are read, each chunk shown to `zie` first (the hash and size of a file in the same
 * pass as its parse). An async generator the caller may go on draining after a reader stopped early.
 */
async function* gehasht(bron: AsyncIterable<Uint8Array | string>, zie: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const c of bron) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    zie(chunk);
    yield chunk;
  }
}

/** The migration's use cases: create, upload files, dry run, convert, read progress, counts and reject reports. */
@Injectable()
export class MigratiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: MigratiesRepository,
    private readonly lezer: BronLezer,
    private readonly runner: MigratieRunner,
  ) {}

  async create(principal: Principal): Promise<MigratieResponse> {
    const mig = await this.repo.create(this.db.manager, principal.sandboxId);
    return migratieResponse(mig, []);
  }

  async get(principal: Principal, id: string): Promise<MigratieResponse> {
    const mig = await this.find(this.db.manager, principal, id);
    return migratieResponse(mig, await this.repo.listBestanden(this.db.manager, id));
  }

  /** Status and per-phase progress only, without the files: cheap enough to poll while a conversion runs (the CLI's progress bar, the bench). */
  async getVoortgang(principal: Principal, id: string): Promise<Pick<MigratieResponse, 'id' | 'status' | 'fasen'>> {
    const mig = await this.find(this.db.manager, principal, id);
    return { id: mig.id, status: mig.status, fasen: mig.fasen };
  }

  async list(principal: Principal): Promise<MigratieResponse[]> {
    const migs = await this.repo.list(this.db.manager, principal.sandboxId);
    return Promise.all(migs.map(async (m) => migratieResponse(m, await this.repo.listBestanden(this.db.manager, m.id))));
  }

  /**
   * One file, streamed (the upload endpoint): a group of one, see `uploadenGroep`.
   */
  async upload(principal: Principal, id: string, bestandsnaam: string | undefined, bron: Readable): Promise<{ status: number; body: BestandUploadResponse }> {
    if (!bestandsnaam) {
      bron.resume();
      throw bronProblem(BronProblem.bestandsnaamOntbreekt, 'Give the file name in the query parameter bestandsnaam (e.g. 01AA001A.P01).');
    }
    try {
      const [r] = await this.uploadGroep(principal, id, [{ bestandsnaam, open: () => bron }]);
      return r;
    } finally {
      // A refusal before reading (migratie unknown, wrong status) leaves the request body unread.
      bron.resume();
    }
  }

  /**
   * Many files in one transaction and one COPY stream (the folder of the CLI, the bench): each file streamed, hashed as
   * read (SHA-256) and parsed record by record (the reader unpacks gzip), its rows COPYed into staging as they come. Then,
   * for the group at once: a file whose content (by hash) was staged before, or earlier in the group, is recognised
   * (200, its earlier row) and its rows taken back; a file the reader refused as a whole (control totals, truncation,
   * encoding, unknown record type) is kept with its problems and no staged rows while the others go on; the bookkeeping
   * rows of the new files are written in one statement. Answers per file, in order.
   */
  async uploadGroep(principal: Principal, id: string, bestanden: Iterable<BronUpload> | AsyncIterable<BronUpload>): Promise<{ status: number; body: BestandUploadResponse }[]> {
    const qr = this.db.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const mig = await this.find(qr.manager, principal, id, true);
      if (mig.status !== 'AANGEMAAKT' && mig.status !== 'PROEFDRAAI_KLAAR') throw migratieStatus(mig.status, 'uploading a file');
      const uit = await this.stage(qr.manager, id, principal.sandboxId, bestanden);
      if (uit.nieuw) {
        // New data: a dry run done before no longer covers everything.
        if (mig.status === 'PROEFDRAAI_KLAAR') await this.repo.setStatus(qr.manager, id, 'AANGEMAAKT');
        await qr.commitTransaction();
      } else await qr.rollbackTransaction();
      return uit.antwoorden;
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw error;
    } finally {
      await qr.release();
    }
  }

  /** The staging of a group of files in the caller's transaction (see `uploadenGroep`); `nieuw` counts the files stored. */
  private async stage(manager: EntityManager, id: string, sandboxId: string, bestanden: Iterable<BronUpload> | AsyncIterable<BronUpload>) {
    const client = (manager.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const gelezen: { b: NieuwBestand; van: number; gestaged: number }[] = [];
    const lezer = this.lezer;
    let nr = await this.repo.nextNummer(manager, id);
    const regels = async function* () {
      const schrijver = new StagingSchrijver(id);
      for await (const f of bestanden) {
        const hash = createHash('sha256');
        let grootte = 0;
        const bytes = gehasht(f.open(), (chunk) => {
          hash.update(chunk);
          grootte += chunk.length;
        });
        const bestandId = randomUUID();
        const u = schrijver.bestand(bestandId, nr);
        for await (const items of lezer.readPerStuk(bytes, f.bestandsnaam)) {
          schrijver.add(items);
          yield* schrijver.neem();
        }
        // Whatever the reader left unread still counts for the hash.
        for await (const _ of bytes) void _;
        const afgekeurd = u.fouten.length > 0;
        gelezen.push({
          van: nr,
          gestaged: u.inschrijvingen,
          b: {
            id: bestandId, bestandsnaam: f.bestandsnaam, inhoud_hash: hash.digest('hex'), grootte, instellingscode: u.voorloop?.brin4 ?? null,
            status: afgekeurd ? 'AFGEKEURD' : 'GELEZEN', fouten: u.fouten, aantal_regels: u.aantalRegels,
            aantal_leerlingen: afgekeurd ? 0 : u.leerlingen, aantal_inschrijvingen: afgekeurd ? 0 : u.inschrijvingen,
          },
        });
        nr += u.inschrijvingen;
      }
      yield* schrijver.neem(true);
    };
    await copyIn(client, COPY_STAGING, regels());

    // The first file of each content hash in the group is stored, unless a file with that hash was staged before: the
    // unique index on the hash decides in the insert itself, and the earlier files are read only when there are any.
    const eersteVan = new Map<string, number>();
    const kandidaten: NieuwBestand[] = [];
    gelezen.forEach((g, k) => {
      if (eersteVan.has(g.b.inhoud_hash)) return;
      eersteVan.set(g.b.inhoud_hash, k);
      kandidaten.push(g.b);
    });
    const opgeslagen = new Map((await this.repo.saveBestanden(manager, id, sandboxId, kandidaten)).map((r) => [r.id, r]));
    const overgeslagen = kandidaten.filter((b) => !opgeslagen.has(b.id)).map((b) => b.inhoud_hash);
    const eerder = new Map(overgeslagen.length ? (await this.repo.listBestandenMetHashes(manager, id, overgeslagen)).map((b) => [b.inhoud_hash.trim(), b]) : []);
    // Recognised (staged before, or earlier in this group) and refused files: their rows are taken back.
    const terug: { van: number; tot: number }[] = [];
    const antwoorden = gelezen.map((g, k) => {
      const nieuw = eersteVan.get(g.b.inhoud_hash) === k ? opgeslagen.get(g.b.id) : undefined;
      if ((!nieuw || g.b.status === 'AFGEKEURD') && g.gestaged) terug.push({ van: g.van, tot: g.van + g.gestaged - 1 });
      if (nieuw) return { status: 201, body: bestandResponse(nieuw, false) };
      const herkend = opgeslagen.get(gelezen[eersteVan.get(g.b.inhoud_hash)!].b.id) ?? eerder.get(g.b.inhoud_hash)!;
      return { status: 200, body: bestandResponse(herkend, true) };
    });
    await this.repo.clearStaging(manager, id, terug);
    if (opgeslagen.size) await this.repo.addGelezen(manager, id, [...opgeslagen.values()].reduce((n, b) => n + b.aantal_inschrijvingen, 0));
    return { nieuw: opgeslagen.size, antwoorden };
  }

  /**
   * Seed `bron-2021`: generated files (deterministic per seed value, record-level flaws only) staged in a new migratie,
   * in the seeding transaction: one COPY for all files.
   */
  async seedBestanden(manager: EntityManager, sandboxId: string, bestanden: Iterable<{ bestand: string; inhoud: Buffer }>): Promise<string> {
    const mig = await this.repo.create(manager, sandboxId);
    const uit = await this.stage(manager, mig.id, sandboxId, (function* () {
      for (const b of bestanden) yield { bestandsnaam: b.bestand, open: () => Readable.from([b.inhoud]) };
    })());
    if (uit.antwoorden.some((a) => a.body.fouten.length)) throw new Error('a seeded BRON file has file-level faults');
    return mig.id;
  }

  /** Starts a dry run: every staged inschrijving judged by ROD's rules, nothing written to ROD. */
  async proefdraai(principal: Principal, id: string): Promise<MigratieResponse> {
    return this.begin(principal, id, true);
  }

  /** Starts the conversion: every staged inschrijving judged and, when goedgekeurd, written into ROD. */
  async convert(principal: Principal, id: string): Promise<MigratieResponse> {
    return this.begin(principal, id, false);
  }

  private async begin(principal: Principal, id: string, proef: boolean): Promise<MigratieResponse> {
    const mig = await this.db.transaction(async (manager) => {
      const mig = await this.find(manager, principal, id, true);
      const bezig = proef ? 'PROEFDRAAI_BEZIG' : 'CONVERSIE_BEZIG';
      if (mig.status === bezig) return mig;
      if (mig.status !== 'AANGEMAAKT' && mig.status !== 'PROEFDRAAI_KLAAR') throw migratieStatus(mig.status, proef ? 'a dry run' : 'converting');
      if (proef) await this.repo.clearResultaten(manager, id, true);
      const fase = proef ? 'proefdraai' : 'conversie';
      await this.repo.setFase(manager, id, fase, { status: 'WACHTEND', verwerkt: 0, totaal: await this.repo.countStaging(manager, id) });
      await this.repo.setStatus(manager, id, bezig);
      return (await this.repo.get(manager, principal.sandboxId, id))!;
    });
    void this.runner.start(id);
    return migratieResponse(mig, await this.repo.listBestanden(this.db.manager, id));
  }

  /** Waits for a running dry run or conversion of this process (the CLI and tests). */
  async waitFor(id: string): Promise<void> {
    await this.runner.start(id);
  }

  async getTelling(principal: Principal, id: string, proefdraai: boolean): Promise<TellingResponse> {
    await this.find(this.db.manager, principal, id);
    const rijen: TellingRij[] = await this.repo.getTelling(this.db.manager, id, proefdraai);
    return tellingResponse(rijen, await this.repo.listBestanden(this.db.manager, id), proefdraai);
  }

  async listAfkeuringen(principal: Principal, id: string, instellingscode: string, proefdraai: boolean): Promise<AfkeuringenResponse> {
    await this.find(this.db.manager, principal, id);
    const rijen: AfkeuringRij[] = await this.repo.listAfkeuringen(this.db.manager, id, proefdraai, instellingscode);
    const bestanden = (await this.repo.listBestanden(this.db.manager, id)).filter((b) => b.instellingscode === instellingscode && b.status === 'AFGEKEURD');
    return afkeuringenLijst(instellingscode, proefdraai, rijen, bestanden);
  }

  async afkeuringenCsv(principal: Principal, id: string, instellingscode: string, proefdraai: boolean): Promise<string> {
    return afkeuringenCsv(await this.listAfkeuringen(principal, id, instellingscode, proefdraai));
  }

  private async find(manager: EntityManager, principal: Principal, id: string, slot = false): Promise<MigratieRij> {
    const mig = await this.repo.get(manager, principal.sandboxId, id, slot);
    if (!mig) throw migratieNietGevonden(id);
    return mig;
  }
}

function afkeuringenLijst(instellingscode: string, proefdraai: boolean, rijen: AfkeuringRij[], bestanden: BestandRij[]): AfkeuringenResponse {
  const afkeuringen = [
    ...bestanden.flatMap((b) => b.fouten.map((f) => ({ bestandsnaam: b.bestandsnaam, regel: f.regel, sleutel: null, code: f.code, tekst: f.tekst }))),
    ...rijen.flatMap((r) =>
      r.terugmeldingen
        .filter((t) => t.soort === 'FOUTMELDING')
        .map((t) => ({ bestandsnaam: r.bestandsnaam, regel: r.regel, sleutel: `${r.burgerservicenummer ?? r.onderwijsnummer}/${r.inschrijvingvolgnummer}`, code: t.code, tekst: t.tekst })),
    ),
  ];
  return { instellingscode, proefdraai, aantalInschrijvingen: rijen.length, aantalBestanden: bestanden.length, afkeuringen };
}
