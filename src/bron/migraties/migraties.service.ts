import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ProblemException } from '../../common/problem/problem';
import { BronProblem, migratieNietGevonden, migratieStatus } from '../bron.errors';
import { copyIn } from './copy-tekst';
import { BronLezer } from './lezer.port';
import { MigratieRunner } from './migratie-runner';
import { AfkeuringRij, BestandRij, MigratieRij, MigratiesRepository, TellingRij } from './migraties.repository';
import { STAGING_KOLOMMEN, StagingUitkomst, stagingRegels } from './staging';
import { afkeuringenCsv, bestandResponse, migratieResponse, tellingResponse } from './migratie.mapper';
import type { AfkeuringenResponse, BestandUploadResponse, MigratieResponse, TellingResponse } from './migratie.dto';

const COPY_STAGING = `COPY bron_staging (${STAGING_KOLOMMEN.join(', ')}) FROM STDIN`;

/** The migration's use cases: create, upload files, dry run, convert, read progress, counts and reject reports. */
@Injectable()
export class MigratiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: MigratiesRepository,
    private readonly lezer: BronLezer,
    private readonly runner: MigratieRunner,
  ) {}

  async maak(p: Principal): Promise<MigratieResponse> {
    const mig = await this.repo.maak(this.db.manager, p.sandboxId);
    return migratieResponse(mig, []);
  }

  async lees(p: Principal, id: string): Promise<MigratieResponse> {
    const mig = await this.vind(this.db.manager, p, id);
    return migratieResponse(mig, await this.repo.bestanden(this.db.manager, id));
  }

  async lijst(p: Principal): Promise<MigratieResponse[]> {
    const migs = await this.repo.lijst(this.db.manager, p.sandboxId);
    return Promise.all(migs.map(async (m) => migratieResponse(m, await this.repo.bestanden(this.db.manager, m.id))));
  }

  /**
   * One file, streamed: hashed as sent (SHA-256), read record by record (the reader unpacks gzip) and COPYed into staging in one
   * transaction. The same content again (by hash) is recognised and staged once. A file the reader refuses as a whole
   * (control totals, truncation, encoding, unknown record type) is kept with its problems and no staged rows.
   */
  async uploaden(p: Principal, id: string, bestandsnaam: string | undefined, bron: Readable): Promise<{ status: number; body: BestandUploadResponse }> {
    if (!bestandsnaam) {
      bron.resume();
      throw new ProblemException(400, BronProblem.bestandsnaamOntbreekt, 'Give the file name in the query parameter bestandsnaam (e.g. 01AA001A.P01).');
    }
    const qr = this.db.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const mig = await this.vind(qr.manager, p, id, true).catch((e: unknown) => {
        bron.resume();
        throw e;
      });
      if (mig.status !== 'AANGEMAAKT' && mig.status !== 'PROEFDRAAI_KLAAR') {
        bron.resume();
        throw migratieStatus(mig.status, 'uploading a file');
      }
      const bestandId = randomUUID();
      const eersteNr = await this.repo.volgendNr(qr.manager, id);
      const hash = createHash('sha256');
      let grootte = 0;
      const bytes = bron.pipe(
        new Transform({
          transform(chunk: Buffer, _enc, cb) {
            hash.update(chunk);
            grootte += chunk.length;
            cb(null, chunk);
          },
        }),
      );
      const uitkomst: StagingUitkomst = { voorloop: null, fouten: [], aantalRegels: 0, leerlingen: 0, inschrijvingen: 0 };
      await qr.query('SAVEPOINT staging');
      const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
      await copyIn(client, COPY_STAGING, stagingRegels(this.lezer.lees(bytes, bestandsnaam), id, bestandId, eersteNr, uitkomst));
      // Whatever the reader left unread still counts for the hash.
      for await (const _ of bytes) void _;
      const inhoudHash = hash.digest('hex');
      const bestaand = await this.repo.bestandMetHash(qr.manager, id, inhoudHash);
      if (bestaand) {
        await qr.rollbackTransaction();
        return { status: 200, body: bestandResponse(bestaand, true) };
      }
      if (uitkomst.fouten.length) await qr.query('ROLLBACK TO SAVEPOINT staging');
      const afgekeurd = uitkomst.fouten.length > 0;
      const b = await this.repo.bewaarBestand(qr.manager, {
        id: bestandId, migratie_id: id, sandbox_id: p.sandboxId, bestandsnaam, inhoud_hash: inhoudHash, grootte,
        instellingscode: uitkomst.voorloop?.brin4 ?? null, status: afgekeurd ? 'AFGEKEURD' : 'GELEZEN', fouten: uitkomst.fouten,
        aantal_regels: uitkomst.aantalRegels, aantal_leerlingen: afgekeurd ? 0 : uitkomst.leerlingen, aantal_inschrijvingen: afgekeurd ? 0 : uitkomst.inschrijvingen,
      });
      // New data: a dry run done before no longer covers everything.
      await this.repo.telGelezen(qr.manager, id, afgekeurd ? 0 : uitkomst.inschrijvingen);
      if (mig.status === 'PROEFDRAAI_KLAAR') await this.repo.zetStatus(qr.manager, id, 'AANGEMAAKT');
      await qr.commitTransaction();
      return { status: 201, body: bestandResponse(b, false) };
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
  }

  /**
   * Seed `bron-2021`: generated files (deterministic per seed value, record-level flaws only) staged in a new migratie,
   * in the seeding transaction: one COPY for all files.
   */
  async seedBestanden(m: EntityManager, sandboxId: string, bestanden: Iterable<{ bestand: string; inhoud: Buffer }>): Promise<string> {
    const mig = await this.repo.maak(m, sandboxId);
    const client = (m.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const rijen: { id: string; naam: string; hash: string; grootte: number; uitkomst: StagingUitkomst }[] = [];
    const lezer = this.lezer;
    let nr = 1;
    const regels = async function* () {
      for (const b of bestanden) {
        const r = { id: randomUUID(), naam: b.bestand, hash: createHash('sha256').update(b.inhoud).digest('hex'), grootte: b.inhoud.length, uitkomst: { voorloop: null, fouten: [], aantalRegels: 0, leerlingen: 0, inschrijvingen: 0 } as StagingUitkomst };
        rijen.push(r);
        yield* stagingRegels(lezer.lees(Readable.from([b.inhoud]), b.bestand), mig.id, r.id, nr, r.uitkomst);
        nr += r.uitkomst.inschrijvingen;
      }
    };
    await copyIn(client, COPY_STAGING, regels());
    if (rijen.some((r) => r.uitkomst.fouten.length)) throw new Error('a seeded BRON file has file-level faults');
    await m.query(
      `INSERT INTO bron_bestand (id, migratie_id, sandbox_id, bestandsnaam, inhoud_hash, grootte, instellingscode, status, aantal_regels, aantal_leerlingen, aantal_inschrijvingen)
       SELECT x.id, $1, $2, x.naam, x.hash, x.grootte, x.brin4, 'GELEZEN', x.regels, x.leerlingen, x.inschrijvingen
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::int[], $9::int[], $10::int[]) AS x(id, naam, hash, grootte, brin4, regels, leerlingen, inschrijvingen)`,
      [
        mig.id, sandboxId, rijen.map((r) => r.id), rijen.map((r) => r.naam), rijen.map((r) => r.hash), rijen.map((r) => r.grootte), rijen.map((r) => r.uitkomst.voorloop?.brin4 ?? null),
        rijen.map((r) => r.uitkomst.aantalRegels), rijen.map((r) => r.uitkomst.leerlingen), rijen.map((r) => r.uitkomst.inschrijvingen),
      ],
    );
    await this.repo.telGelezen(m, mig.id, nr - 1);
    return mig.id;
  }

  /** Starts a dry run: every staged inschrijving judged by ROD's rules, nothing written to ROD. */
  async proefdraai(p: Principal, id: string): Promise<MigratieResponse> {
    return this.begin(p, id, true);
  }

  /** Starts the conversion: every staged inschrijving judged and, when goedgekeurd, written into ROD. */
  async converteer(p: Principal, id: string): Promise<MigratieResponse> {
    return this.begin(p, id, false);
  }

  private async begin(p: Principal, id: string, proef: boolean): Promise<MigratieResponse> {
    const mig = await this.db.transaction(async (m) => {
      const mig = await this.vind(m, p, id, true);
      const bezig = proef ? 'PROEFDRAAI_BEZIG' : 'CONVERSIE_BEZIG';
      if (mig.status === bezig) return mig;
      if (mig.status !== 'AANGEMAAKT' && mig.status !== 'PROEFDRAAI_KLAAR') throw migratieStatus(mig.status, proef ? 'a dry run' : 'converting');
      if (proef) await this.repo.wisResultaten(m, id, true);
      const fase = proef ? 'proefdraai' : 'conversie';
      await this.repo.zetFase(m, id, fase, { status: 'WACHTEND', verwerkt: 0, totaal: await this.repo.aantalStaging(m, id) });
      await this.repo.zetStatus(m, id, bezig);
      return (await this.repo.lees(m, p.sandboxId, id))!;
    });
    void this.runner.start(id);
    return migratieResponse(mig, await this.repo.bestanden(this.db.manager, id));
  }

  /** Waits for a running dry run or conversion of this process (the CLI and tests). */
  async wacht(id: string): Promise<void> {
    await this.runner.start(id);
  }

  async telling(p: Principal, id: string, proefdraai: boolean): Promise<TellingResponse> {
    await this.vind(this.db.manager, p, id);
    const rijen: TellingRij[] = await this.repo.telling(this.db.manager, id, proefdraai);
    return tellingResponse(rijen, await this.repo.bestanden(this.db.manager, id), proefdraai);
  }

  async afkeuringen(p: Principal, id: string, instellingscode: string, proefdraai: boolean): Promise<AfkeuringenResponse> {
    await this.vind(this.db.manager, p, id);
    const rijen: AfkeuringRij[] = await this.repo.afkeuringen(this.db.manager, id, proefdraai, instellingscode);
    const bestanden = (await this.repo.bestanden(this.db.manager, id)).filter((b) => b.instellingscode === instellingscode && b.status === 'AFGEKEURD');
    return afkeuringenLijst(instellingscode, proefdraai, rijen, bestanden);
  }

  async afkeuringenCsv(p: Principal, id: string, instellingscode: string, proefdraai: boolean): Promise<string> {
    return afkeuringenCsv(await this.afkeuringen(p, id, instellingscode, proefdraai));
  }

  private async vind(m: EntityManager, p: Principal, id: string, slot = false): Promise<MigratieRij> {
    const mig = await this.repo.lees(m, p.sandboxId, id, slot);
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
