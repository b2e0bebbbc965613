import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BRIN4 } from '../../rio';

export class MigratieIdParam {
  /** Id of the migratie. */
  @ApiProperty({ description: 'Id of the migratie.', format: 'uuid' })
  @IsUUID()
  migratieId: string;
}

export class UploadQuery {
  /** Name of the file as BRON made it: `<BRIN4><batch:3>A.P<aanleverpunt:2>`. */
  @ApiProperty({ description: 'Name of the file as BRON made it: `<BRIN4><batch:3>A.P<aanleverpunt:2>`, e.g. `01AA001A.P01`.', example: '01AA001A.P01', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  bestandsnaam: string;
}

export class RapportQuery {
  /** BRIN4 of the school. */
  @ApiProperty({ description: 'BRIN4 of the school.', example: '01AA' })
  @Matches(BRIN4)
  instellingscode: string;

  /** true: the report of the dry run; false (default): of the conversion. */
  @ApiPropertyOptional({ description: 'true: the report of the dry run; false (default): of the conversion.', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  proefdraai?: boolean;
}

export class TellingQuery {
  /** true: the counts of the dry run; false (default): of the conversion. */
  @ApiPropertyOptional({ description: 'true: the counts of the dry run; false (default): of the conversion.', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  proefdraai?: boolean;
}

export class FaseVoortgang {
  /** WACHTEND, BEZIG or KLAAR. */
  @ApiProperty({ enum: ['WACHTEND', 'BEZIG', 'KLAAR'] }) status: string;
  /** Rows done in this phase. */
  @ApiProperty({ description: 'Rows done in this phase (for bekostiging: statuses computed).' }) verwerkt: number;
  /** Rows the phase has to do. */
  @ApiProperty({ description: 'Rows the phase has to do.' }) totaal: number;
  @ApiPropertyOptional({ format: 'date-time' }) gestartOp?: string;
  @ApiPropertyOptional({ format: 'date-time' }) klaarOp?: string;
}

export class Fasen {
  /** Reading the files into staging (one row per inschrijving). */
  @ApiPropertyOptional({ type: FaseVoortgang, description: 'Reading the files into staging (one row per inschrijving).' }) lezen?: FaseVoortgang;
  /** The dry run: ROD judges every staged inschrijving, nothing is written. */
  @ApiPropertyOptional({ type: FaseVoortgang, description: 'The dry run: ROD judges every staged inschrijving, nothing is written.' }) proefdraai?: FaseVoortgang;
  /** The conversion: judged and written into ROD. */
  @ApiPropertyOptional({ type: FaseVoortgang, description: 'The conversion: judged and written into ROD.' }) conversie?: FaseVoortgang;
  /** The bekostigingsstatus recompute after the conversion (reported on its own). */
  @ApiPropertyOptional({ type: FaseVoortgang, description: 'The bekostigingsstatus recompute after the conversion (reported on its own).' }) bekostiging?: FaseVoortgang;
}

export class BestandFout {
  @ApiProperty({ description: 'Why the file is refused as a whole.', example: 'CONTROLETOTAAL_ONJUIST' }) code: string;
  @ApiProperty({ description: '1-based line number, null for the file as a whole (its name).', nullable: true, type: Number }) regel: number | null;
  @ApiProperty() tekst: string;
}

export class BestandResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '01AA001A.P01' }) bestandsnaam: string;
  /** SHA-256 of the file as sent: the same file is recognised whatever its name. */
  @ApiProperty({ description: 'SHA-256 of the file as sent: the same file is recognised whatever its name.' }) inhoudHash: string;
  @ApiProperty({ description: 'Decompressed size in bytes.' }) grootte: number;
  @ApiProperty({ description: 'BRIN4 of the voorloop record.', nullable: true, type: String }) instellingscode: string | null;
  /** GELEZEN (staged) or AFGEKEURD (refused as a whole, nothing staged). */
  @ApiProperty({ enum: ['GELEZEN', 'AFGEKEURD'] }) status: string;
  @ApiProperty({ type: [BestandFout] }) fouten: BestandFout[];
  @ApiProperty() aantalRegels: number;
  @ApiProperty() aantalLeerlingen: number;
  @ApiProperty() aantalInschrijvingen: number;
}

export class BestandUploadResponse extends BestandResponse {
  /** true: this content was uploaded before (same hash); nothing was staged again. */
  @ApiProperty({ description: 'true: this content was uploaded before (same hash); nothing was staged again.' }) herkend: boolean;
}

export class MigratieLinks {
  @ApiProperty({ type: Object, example: { href: '/bron/v1/migraties/…' } }) self: { href: string };
  @ApiProperty({ type: Object }) telling: { href: string };
}

export class MigratieResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  /** AANGEMAAKT → PROEFDRAAI_BEZIG → PROEFDRAAI_KLAAR → CONVERSIE_BEZIG → GECONVERTEERD. */
  @ApiProperty({ enum: ['AANGEMAAKT', 'PROEFDRAAI_BEZIG', 'PROEFDRAAI_KLAAR', 'CONVERSIE_BEZIG', 'GECONVERTEERD'] }) status: string;
  @ApiProperty({ type: Fasen }) fasen: Fasen;
  @ApiProperty({ type: [BestandResponse] }) bestanden: BestandResponse[];
  @ApiProperty({ format: 'date-time' }) aangemaaktOp: string;
  @ApiProperty({ format: 'date-time' }) bijgewerktOp: string;
  @ApiProperty({ type: MigratieLinks }) _links: MigratieLinks;
}

export class MigratieList {
  @ApiProperty({ type: [MigratieResponse] }) migraties: MigratieResponse[];
}

export class Telling {
  /** Inschrijvingen read from the files (staged). */
  @ApiProperty({ description: 'Inschrijvingen read from the files (staged).' }) gelezen: number;
  @ApiProperty({ description: 'Goedgekeurd by ROD (converted; in a dry run: would be).' }) goedgekeurd: number;
  @ApiProperty({ description: 'Afgekeurd, with the foutcodes in the school report.' }) afgekeurd: number;
  @ApiProperty({ description: 'Not judged yet (while running). gelezen = goedgekeurd + afgekeurd + open.' }) open: number;
}

export class BestandTelling extends Telling {
  @ApiProperty({ format: 'uuid' }) bestandId: string;
  @ApiProperty() bestandsnaam: string;
}

export class SchoolTelling extends Telling {
  @ApiProperty({ example: '01AA' }) instellingscode: string;
}

export class AfgekeurdBestand {
  @ApiProperty() bestandsnaam: string;
  @ApiProperty({ nullable: true, type: String }) instellingscode: string | null;
  @ApiProperty({ type: [BestandFout] }) fouten: BestandFout[];
}

export class TellingResponse {
  @ApiProperty() proefdraai: boolean;
  @ApiProperty({ type: Telling }) totaal: Telling;
  @ApiProperty({ type: [BestandTelling] }) perBestand: BestandTelling[];
  @ApiProperty({ type: [SchoolTelling] }) perSchool: SchoolTelling[];
  /** Files refused as a whole: nothing of them was read. */
  @ApiProperty({ type: [AfgekeurdBestand], description: 'Files refused as a whole: nothing of them was read.' }) afgekeurdeBestanden: AfgekeurdBestand[];
}

export class Afkeuring {
  @ApiProperty({ example: '01AA001A.P01' }) bestandsnaam: string;
  /** Line of the inschrijving record (or of the file problem). */
  @ApiProperty({ description: 'Line of the inschrijving record (or of the file problem).', nullable: true, type: Number }) regel: number | null;
  /** PGN/inschrijvingvolgnummer; null for a problem of a whole file. */
  @ApiProperty({ description: 'PGN/inschrijvingvolgnummer; null for a problem of a whole file.', nullable: true, type: String }) sleutel: string | null;
  /** ROD's foutcode (as /rod/v1 gives it), 900 for a key twice in the BRON files, or the file problem. */
  @ApiProperty({ description: "ROD's foutcode (as /rod/v1 gives it), 900 for a key twice in the BRON files, or the file problem.", example: '230_datum_inschrijving_voor_4e_verjaardag' }) code: string;
  @ApiProperty() tekst: string;
}

export class AfkeuringenResponse {
  @ApiProperty() instellingscode: string;
  @ApiProperty() proefdraai: boolean;
  @ApiProperty({ description: 'Afgekeurde inschrijvingen (each may have several foutcodes).' }) aantalInschrijvingen: number;
  @ApiProperty({ description: 'Files of the school refused as a whole.' }) aantalBestanden: number;
  @ApiProperty({ type: [Afkeuring] }) afkeuringen: Afkeuring[];
}
