import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AlsGetal } from '../../common/validation/getal';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';
import { BerichtOverLeerling, voorbeeldBedrijfsdocument, IsDatum, PersoonsgebondenNummer, TerugmeldingDto } from '../rod-shared.dto';
import { AANBIEDER_PATTERN, BRIN4_PATTERN, BRIN6_PATTERN, LOCATIE_PATTERN } from '../rio-port';
import { ADVIES_WAARDEN } from './advies.beoordeling';
import { REFERENTIENIVEAUS, TOETSEN } from './doorstroomtoets';

const TOETS_LIJST = TOETSEN.map((x) => `${x.code} (${x.omschrijving}, ${x.aanbieder}; ${x.vanaf} to ${x.tot ?? 'now'}; score ${x.schaal[0]}–${x.schaal[1]})`).join(', ');

/** The referentieniveaus the pupil reached on the toets (Wet referentieniveaus); each domein optional. */
export class ReferentieniveausDto {
  @ApiPropertyOptional({ description: `Lezen: ${REFERENTIENIVEAUS.lezen.join(', ')} (else 046).`, example: '2F', maxLength: 10 })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  lezen?: string;

  @ApiPropertyOptional({ description: `Taalverzorging: ${REFERENTIENIVEAUS.taalverzorging.join(', ')} (else 046).`, example: '2F', maxLength: 10 })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  taalverzorging?: string;

  @ApiPropertyOptional({ description: `Rekenen: ${REFERENTIENIVEAUS.rekenen.join(', ')} (else 046).`, example: '1S', maxLength: 10 })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  rekenen?: string;
}

/** The result of the eindtoets (until schooljaar 2022/23) or doorstroomtoets (from 2023/24) of the pupil in groep 8. */
export class DoorstroomtoetsDto {
  @ApiProperty({ description: `The toets (the simulator's list; DUO's is not public), valid on the afnamedatum (else 046): ${TOETS_LIJST}.`, example: 'ROUTE8_DOORSTROOMTOETS', maxLength: 60 })
  @IsString()
  @Length(1, 60)
  toets: string;

  @ApiProperty({ type: String, description: 'Day the toets was taken: within the schooljaar that ends in adviesjaar (270), while the pupil is in groep 8 at the school (271).', format: 'date', example: '2026-02-10' })
  @IsDatum()
  afnamedatum: string;

  @ApiProperty({ type: 'integer', description: "Score on the toets's own scale (272_toetsscore_buiten_schaal outside it).", example: 212, minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  score: number;

  @ApiProperty({ description: `The toetsadvies, an AdviesVO value: ${ADVIES_WAARDEN.join(', ')} (else 046). Higher than advies1: the school reconsiders the advies (273 until advies2 is sent).`, example: 'VWO', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  toetsadvies: string;

  @ApiPropertyOptional({ type: ReferentieniveausDto, description: 'The referentieniveaus reached, per domein.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferentieniveausDto)
  referentieniveaus?: ReferentieniveausDto;
}

/** One advies group (DUO: Advies1 / Advies2 {Advies, Adviesdatum}). */
export class AdviesGroepDto {
  @ApiProperty({ description: `AdviesVO value: ${ADVIES_WAARDEN.join(', ')}. Another value gives foutmelding 046_waardenlijst_fout.`, example: 'HAVO', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  advies: string;

  @ApiProperty({ type: String, description: 'Date of the advies: within the schooljaar that ends in adviesjaar (270), while the pupil is in groep 8 at the school (271).', format: 'date', example: '2026-01-20' })
  @IsDatum()
  adviesdatum: string;
}

/** AanleverenAdviesVO (contract DUO_PO_AdviesVO_V1, PvE §7.9.1): the schooladvies at the end of groep 8. */
export class AanleverenAdviesVoRequest extends BerichtOverLeerling {
  @ApiProperty({ description: 'BRIN6 of the vestiging (the BRIN4 plus 2 digits).', example: '01AA00', pattern: '^\\d{2}[A-Z]{2}\\d{2}$' })
  @Matches(BRIN6_PATTERN, { message: 'vestigingscode must be a BRIN6: 2 digits, 2 capitals, 2 digits' })
  vestigingscode: string;

  @ApiProperty({ description: 'Set by the LAS: 1 to 20 letters or digits; one advies per pupil, school and adviesjaar (a new message replaces it).', example: 'A1', pattern: '^[A-Za-z0-9]{1,20}$' })
  @Matches(/^[A-Za-z0-9]{1,20}$/, { message: 'adviesvolgnummer must be 1 to 20 letters or digits' })
  adviesvolgnummer: string;

  @ApiProperty({ type: 'integer', description: 'Calendar year in which the schooljaar ends (schooljaar 2025-2026: 2026).', example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  adviesjaar: number;

  @ApiPropertyOptional({ description: 'RIO onderwijsaanbiedercode (nnnAnnn); required from adviesjaar 2024 (030_onderwijsaanbieder_ontbreekt).', example: '100A001', pattern: '^\\d{3}A\\d{3}$' })
  @IsOptional()
  @Matches(AANBIEDER_PATTERN, { message: 'onderwijsaanbiedercode must be nnnAnnn' })
  onderwijsaanbiedercode?: string;

  @ApiPropertyOptional({ description: 'RIO onderwijslocatiecode (nnnXnnn); required from adviesjaar 2024 (031_onderwijslocatie_ontbreekt).', example: '100X001', pattern: '^\\d{3}X\\d{3}$' })
  @IsOptional()
  @Matches(LOCATIE_PATTERN, { message: 'onderwijslocatiecode must be nnnXnnn' })
  onderwijslocatiecode?: string;

  @ApiPropertyOptional({ type: AdviesGroepDto, description: 'Voorlopig advies (DUO: Advies1). Send advies1, advies2 or both (else 103_advies_ontbreekt).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdviesGroepDto)
  advies1?: AdviesGroepDto;

  @ApiPropertyOptional({ type: AdviesGroepDto, description: 'Definitief advies after heroverweging (DUO: Advies2); not lower than advies1 (102_advies_lager_dan_voorlopig_advies).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdviesGroepDto)
  advies2?: AdviesGroepDto;

  @ApiPropertyOptional({
    type: DoorstroomtoetsDto,
    description:
      'The eindtoets / doorstroomtoets result (rod.md §3 #8). With advies1: a higher toetsadvies asks for a heroverweging (melding 273 until advies2 is sent); ' +
      'an advies2 raised above advies1 while the toetsadvies is not higher is melding 274.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DoorstroomtoetsDto)
  doorstroomtoets?: DoorstroomtoetsDto;
}
voorbeeldBedrijfsdocument(AanleverenAdviesVoRequest, '7c4f9e63-a05d-4b8c-9e37-5dafbf402143', '2026-01-20T09:00:00Z');
// The example pupil is persona schooladvies: in groep 8 of 01AA throughout schooljaar 2025-2026 in the small seed.
ApiProperty({ type: PersoonsgebondenNummer, example: { burgerservicenummer: '999990123' }, description: 'Exactly one of burgerservicenummer and onderwijsnummer, as identified.' })(AanleverenAdviesVoRequest.prototype, 'persoonsgebondenNummer');

export class AdviesIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'adviesId must be a UUID' })
  adviesId: string;
}

class AdviesHref {
  @ApiProperty({ example: '/rod/v1/adviezen-vo/7b3f0a52-2d1e-4c8a-9a51-0c6c1f7e2b11' }) href: string;
}

export class AdviesLinks {
  @ApiProperty({ type: AdviesHref }) advies: AdviesHref;
  @ApiProperty({ type: AdviesHref }) versies: AdviesHref;
}

/** ROD's answer to an accepted AanleverenAdviesVO. */
export class AdviesAntwoord {
  @ApiProperty({ enum: ['goedgekeurd', 'goedgekeurd met meldingen'], example: 'goedgekeurd' }) resultaat: string;
  @ApiProperty({ format: 'uuid', description: 'Identifies the advies in ROD (GET …/adviezen-vo/{adviesId}).' }) adviesId: string;
  @ApiProperty({ type: 'integer', description: 'Version now current.', example: 1 }) versie: number;
  @ApiProperty({ description: 'False when the content equals the current version: nothing changed.' }) gewijzigd: boolean;
  @ApiProperty({ format: 'uuid' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, description: 'Sandbox time of receipt (UTC).', format: 'date-time' }) ontvangenOp: string;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ type: [TerugmeldingDto], description: 'Always empty here: an afgekeurd message is a 422 problem carrying its foutmeldingen.' }) foutmeldingen: TerugmeldingDto[];
  @ApiProperty({ type: AdviesLinks }) _links: AdviesLinks;
}

/** The current schooladvies of a pupil at a school for one adviesjaar. */
export class AdviesResponse {
  @ApiProperty({ format: 'uuid' }) adviesId: string;
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ example: '01AA00' }) vestigingscode: string;
  @ApiProperty({ example: 'A1' }) adviesvolgnummer: string;
  @ApiProperty({ type: 'integer', example: 2026 }) adviesjaar: number;
  @ApiProperty({ type: String, nullable: true, example: '100A001' }) onderwijsaanbiedercode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '100X001' }) onderwijslocatiecode: string | null;
  @ApiProperty({ type: AdviesGroepDto, nullable: true }) advies1: AdviesGroepDto | null;
  @ApiProperty({ type: AdviesGroepDto, nullable: true }) advies2: AdviesGroepDto | null;
  @ApiProperty({ type: DoorstroomtoetsDto, nullable: true, description: 'The toets result as sent (referentieniveaus: the domeinen sent); null without one.' }) doorstroomtoets: DoorstroomtoetsDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['NIET_NODIG', 'OPEN', 'ADVIES_VERHOOGD', 'ADVIES_GEHANDHAAFD'],
    description: 'After the toets: NIET_NODIG (toetsadvies not above advies1), OPEN (above it, no advies2 yet: 273), ADVIES_VERHOOGD or ADVIES_GEHANDHAAFD (advies2 after heroverweging); null without a toets or advies1.',
  })
  heroverweging: string | null;
  @ApiProperty({ type: 'integer', example: 1 }) versie: number;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ type: String, format: 'date-time' }) ontvangenOp: string;
  @ApiProperty({ type: AdviesLinks }) _links: AdviesLinks;
}

export class AdviesVersie {
  @ApiProperty({ type: 'integer', example: 1 }) versie: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The advies as sent (without its bedrijfsdocument).' }) inhoud: Record<string, unknown>;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ format: 'uuid' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, format: 'date-time' }) datumTijdBedrijfsdocument: string;
  @ApiProperty({ example: '00000003111111110000' }) oin: string;
  @ApiProperty({ type: String, format: 'date-time' }) ontvangenOp: string;
}

export class AdviesVersieList {
  @ApiProperty({ type: [AdviesVersie], description: 'Oldest first.' }) items: AdviesVersie[];
}

/** The schooladviezen of a school, optionally of one adviesjaar. */
export class AdviezenQuery extends PageQuery {
  @ApiProperty({ description: 'BRIN4 of the school (you need a machtiging for it).', example: '01AA', pattern: '^\\d{2}[A-Z]{2}$' })
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4: 2 digits and 2 capitals' })
  instellingscode: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Only this adviesjaar (the calendar year in which the schooljaar ends).', example: 2026, minimum: 2000, maximum: 2100 })
  @IsOptional()
  @AlsGetal()
  @IsInt()
  @Min(2000)
  @Max(2100)
  adviesjaar?: number;
}

export class AdviesPage {
  @ApiProperty({ type: [AdviesResponse], description: 'The current advies per pupil and adviesjaar, newest adviesjaar first.' }) items: AdviesResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}
