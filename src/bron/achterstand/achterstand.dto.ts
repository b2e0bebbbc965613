import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { BRIN4, BRIN6 } from '../../rio';

export class LasPgn {
  @ApiPropertyOptional({ example: '111222333' })
  @IsOptional()
  @Matches(/^\d{9}$/)
  burgerservicenummer?: string;

  @ApiPropertyOptional({ example: '100000004' })
  @IsOptional()
  @Matches(/^\d{9}$/)
  onderwijsnummer?: string;
}

export class LasPeriode {
  @ApiProperty({ format: 'date', example: '2021-08-30' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  datumBegin: string;

  @ApiProperty({ example: '01AA00' })
  @Matches(BRIN6)
  vestigingscode: string;

  @ApiProperty({ example: '3' })
  @IsString()
  @MaxLength(2)
  groep: string;

  /** Sent as to ROD; not compared (the BRON file has none). */
  @ApiPropertyOptional({ example: '100A001', description: 'As sent to ROD; not compared (a BRON file has none).' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  onderwijsaanbiedercode?: string;

  @ApiPropertyOptional({ example: '100X001', description: 'As sent to ROD; not compared (a BRON file has none).' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  onderwijslocatiecode?: string;
}

/** One inschrijving as the LAS holds it (the shape of AanleverenInschrijvingBO; other fields are ignored). */
export class LasInschrijving {
  @ApiProperty({ type: LasPgn, example: { burgerservicenummer: '999990056' } })
  @ValidateNested()
  @Type(() => LasPgn)
  persoonsgebondenNummer: LasPgn;

  @ApiProperty({ example: '1', maxLength: 20 })
  @IsString()
  @MaxLength(20)
  inschrijvingvolgnummer: string;

  @ApiProperty({ format: 'date', example: '2021-08-30' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  datumInschrijving: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  datumUitschrijving?: string | null;

  @ApiProperty({ type: [LasPeriode] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LasPeriode)
  inschrijvingPeriodeBO: LasPeriode[];
}

export class AchterstandRequest {
  /** BRIN4 of the school (your organisation needs a machtiging for it). */
  @ApiProperty({ example: '01AA', description: 'BRIN4 of the school (your organisation needs a machtiging for it).' })
  @Matches(BRIN4)
  instellingscode: string;

  /** Every inschrijving of the school in the LAS now. */
  @ApiProperty({ type: [LasInschrijving], description: 'Every inschrijving of the school in the LAS now.' })
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => LasInschrijving)
  inschrijvingen: LasInschrijving[];
}

export class AchterstandBestandQuery {
  @ApiProperty({ example: '01AA', description: 'BRIN4 of the school (your organisation needs a machtiging for it).' })
  @Matches(BRIN4)
  instellingscode: string;

  /** The file's name (`<BRIN4><batch:3>A.P<aanleverpunt:2>`); default batch 001, aanleverpunt 01. */
  @ApiPropertyOptional({ example: '01AA001A.P01', description: "The file's name (`<BRIN4><batch:3>A.P<aanleverpunt:2>`); default batch 001, aanleverpunt 01." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bestandsnaam?: string;
}

export class PgnResultaat {
  @ApiPropertyOptional() burgerservicenummer?: string;
  @ApiPropertyOptional() onderwijsnummer?: string;
}

export class AchterstandLeerling {
  @ApiProperty({ type: PgnResultaat }) persoonsgebondenNummer: PgnResultaat;
  @ApiProperty() inschrijvingvolgnummer: string;
  /**
   * OPNIEUW_AANLEVEREN: send it again (changed during the freeze, or never sent); NIET_IN_LAS: in ROD but not in the LAS
   * (uitgeschreven or removed there: send the uitschrijving, or a verwijdering); GELIJK: nothing to do.
   */
  @ApiProperty({
    enum: ['OPNIEUW_AANLEVEREN', 'NIET_IN_LAS', 'GELIJK'],
    description: 'OPNIEUW_AANLEVEREN: send it again (changed during the freeze, or never sent); NIET_IN_LAS: in ROD but not in the LAS (uitgeschreven or removed there: send the uitschrijving, or a verwijdering); GELIJK: nothing to do.',
  })
  categorie: string;
  /** GEWIJZIGD or NIET_IN_ROD for OPNIEUW_AANLEVEREN. */
  @ApiPropertyOptional({ enum: ['GEWIJZIGD', 'NIET_IN_ROD'] }) reden?: string;
  /** The fields that differ (for GEWIJZIGD). */
  @ApiProperty({ type: [String], example: ['datumUitschrijving'] }) verschillen: string[];
}

export class AchterstandTelling {
  @ApiProperty() opnieuwAanleveren: number;
  @ApiProperty() nietInLas: number;
  @ApiProperty() gelijk: number;
}

export class AchterstandResponse {
  @ApiProperty() instellingscode: string;
  @ApiProperty({ format: 'date-time', description: 'Sandbox time of the comparison.' }) vergelekenOp: string;
  @ApiProperty({ type: AchterstandTelling }) telling: AchterstandTelling;
  @ApiProperty({ type: [AchterstandLeerling] }) leerlingen: AchterstandLeerling[];
}
