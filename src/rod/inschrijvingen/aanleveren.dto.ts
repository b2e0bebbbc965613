import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { BerichtOverLeerling, voorbeeldBedrijfsdocument, IsDatum, TerugmeldingDto } from '../rod-shared.dto';
import { AANBIEDER_PATTERN, BRIN6_PATTERN, LOCATIE_PATTERN } from '../rio-port';

const VOLGNUMMER = /^[A-Za-z0-9]{1,20}$/;

export class InschrijvingPeriodeBO {
  @ApiProperty({ type: String, description: 'First day of the periode. The first periode starts on datumInschrijving; a new periode on every change of groep or location.', format: 'date', example: '2025-08-18' })
  @IsDatum()
  datumBegin: string;

  @ApiProperty({ description: 'BRIN6: the BRIN4 of the inschrijving plus 2 digits.', example: '01AA00', pattern: '^\\d{2}[A-Z]{2}\\d{2}$' })
  @Matches(BRIN6_PATTERN, { message: 'vestigingscode must be a BRIN6: 2 digits, 2 capitals, 2 digits' })
  vestigingscode: string;

  @ApiProperty({ description: 'RIO onderwijsaanbiedercode (nnnAnnn).', example: '100A001', pattern: '^\\d{3}A\\d{3}$' })
  @Matches(AANBIEDER_PATTERN, { message: 'onderwijsaanbiedercode must be nnnAnnn' })
  onderwijsaanbiedercode: string;

  @ApiProperty({ description: 'RIO onderwijslocatiecode (nnnXnnn).', example: '100X001', pattern: '^\\d{3}X\\d{3}$' })
  @Matches(LOCATIE_PATTERN, { message: 'onderwijslocatiecode must be nnnXnnn' })
  onderwijslocatiecode: string;

  @ApiProperty({ description: 'Groep 1–8; another value gives foutmelding 046_waardenlijst_fout.', example: '1' })
  @IsString()
  @Length(1, 2)
  groep: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Leerjaar (kept as sent; its meaning for bo is unclear).', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  leerjaar?: number;

  @ApiPropertyOptional({ description: 'false: the school marks this periode as not funded (e.g. symbiose).', example: true })
  @IsOptional()
  @IsBoolean()
  indicatieBekostiging?: boolean;
}

export class Ontwikkelingsperspectief {
  @ApiProperty({ type: String, format: 'date', example: '2025-10-01' }) @IsDatum() datumBegin: string;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-07-31' }) @IsOptional() @IsDatum() datumEinde?: string;
}

export class Toelaatbaarheidsverklaring {
  @ApiProperty({ description: 'Beschikkingsnummer the samenwerkingsverband gave the TLV.', example: 'TLV2026001', pattern: '^[A-Za-z0-9-]{1,20}$' })
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'beschikkingsnummer must be 1–20 letters, digits or dashes' })
  beschikkingsnummer: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-08-01' }) @IsDatum() datumBegin: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Last day the TLV is valid, inclusive; none: open-ended.', example: '2028-07-31' }) @IsOptional() @IsDatum() datumEinde?: string;
}

/**
 * AanleverenInschrijvingBO: the full current state of one inschrijving (upsert keyed by instellingscode +
 * persoonsgebondenNummer + inschrijvingvolgnummer). An uitschrijving is this message with datumUitschrijving.
 */
export class AanleverenInschrijvingRequest extends BerichtOverLeerling {
  @ApiProperty({ description: 'Set by the LAS, unique per person and school: the key for updates and verwijderingen. 1–20 letters or digits.', example: '1' })
  @Matches(VOLGNUMMER, { message: 'inschrijvingvolgnummer must be 1 to 20 letters or digits' })
  inschrijvingvolgnummer: string;

  @ApiProperty({ type: String, description: 'First day the pupil attends.', format: 'date', example: '2025-08-18' })
  @IsDatum()
  datumInschrijving: string;

  @ApiPropertyOptional({ type: String, description: 'Last day at the school, inclusive. Send it to unenrol (uitschrijven).', format: 'date', example: '2026-07-31' })
  @IsOptional()
  @IsDatum()
  datumUitschrijving?: string;

  @ApiPropertyOptional({
    description:
      'NNCA, sent at every inschrijving (rod.md §4.2, §6.2): empty (`""`) when none applies — the same as null or absent — and `1` = niet-Nederlandse culturele achtergrond. ' +
      'Another value gives 046_waardenlijst_fout. Read back as null when none applies.',
    type: String,
    nullable: true,
    maxLength: 2,
    example: '1',
  })
  // Empty means "none applies": stored and compared as absent.
  @Transform(({ value }) => (value === '' ? null : value))
  @IsOptional()
  @IsString()
  @Length(1, 2)
  nNCA?: string | null;

  @ApiPropertyOptional({
    type: String,
    description:
      'Date the pupil settled in the Netherlands (datum vestiging in Nederland), for a pupil who came from abroad. A pupil settled less than two years ' +
      'before a nieuwkomers teldatum (1 January, 1 April, 1 July, 1 October) is a nieuwkomer on it and gets a second bekostigingsstatus, soortBekostiging NIEUWKOMERS (rod.md §8.1). ' +
      'Absent or null: not a nieuwkomer.',
    format: 'date',
    nullable: true,
    example: '2026-03-15',
  })
  @IsOptional()
  @IsDatum()
  datumVestigingInNederland?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Pedagogisch-didactisch concept(en), from RIO\'s PedagogischConcept list: AGORA, DALTON, FREINET, HBGO, INTERNATIONAL_PRIMARY_CURRICULUM, JENAPLAN, MONTESSORI, VRIJESCHOOL. ' +
      'A value unknown or not yet valid on datumInschrijving: 046.',
    example: ['DALTON'],
    maxItems: 10,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  pedagogischDidactischConcept?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Experimenten the pupil takes part in (ExperimentnaamPO; DUO\'s values are not public, these are the simulator\'s): TWEETALIG_PRIMAIR_ONDERWIJS (2014-08-01 until 2024-08-01), ' +
      'FLEXIBELE_ONDERWIJSTIJDEN (2015-08-01 until 2022-08-01), DOORLOPENDE_LEERLIJN_PO_VO (from 2018-08-01). A value unknown or not valid on datumInschrijving: 046.',
    example: ['DOORLOPENDE_LEERLIJN_PO_VO'],
    maxItems: 10,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  experiment?: string[];

  @ApiPropertyOptional({
    description:
      'VVE programme (voor- en vroegschoolse educatie; the simulator\'s list): KALEIDOSCOOP, PIRAMIDE, STARTBLOKKEN, KO_TOTAAL, UK_EN_PUK, IK_EN_KO (from 2010-08-01), OVERIG. ' +
      'Another value: 046; a first periode outside groep 1–2: melding 235.',
    example: 'PIRAMIDE',
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  vveProgramma?: string;

  @ApiProperty({ type: [InschrijvingPeriodeBO], description: '1–100 periodes.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InschrijvingPeriodeBO)
  inschrijvingPeriodeBO: InschrijvingPeriodeBO[];

  @ApiPropertyOptional({ type: [Ontwikkelingsperspectief], description: '0–100 ontwikkelingsperspectieven.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => Ontwikkelingsperspectief)
  ontwikkelingsperspectief?: Ontwikkelingsperspectief[];

  @ApiPropertyOptional({
    type: [Toelaatbaarheidsverklaring],
    description: 'Toelaatbaarheidsverklaringen (TLV) of the samenwerkingsverband: sbo is funded on a teldatum only with a TLV valid on it (else signal B05).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => Toelaatbaarheidsverklaring)
  toelaatbaarheidsverklaring?: Toelaatbaarheidsverklaring[];
}

/**
 * AanleverenInschrijvingSO (rod.md §3 #3, §4.3): the so/vso contract, for a school whose RIO Instellingssoort is SPEC. The bo
 * inschrijving's fields, its periodes as `inschrijvingPeriodeSO`, plus schoolsoort, cluster, soortOnderwijs, soortVerblijf,
 * arrangement and uitstroomprofiel. DUO's contract name and code values are not public: the values are the simulator's.
 */
export class AanleverenInschrijvingSoRequest extends OmitType(AanleverenInschrijvingRequest, ['inschrijvingPeriodeBO'] as const) {
  @ApiProperty({ type: [InschrijvingPeriodeBO], description: '1–100 periodes, as in the bo contract (groep 1–8).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InschrijvingPeriodeBO)
  inschrijvingPeriodeSO: InschrijvingPeriodeBO[];

  @ApiProperty({ description: 'Schoolsoort: `1` = so, `2` = vso. A move from so to vso at the same school is an uitschrijving plus a new inschrijving. Another value: 046.', example: '1', maxLength: 1 })
  @IsString()
  @Length(1, 1)
  schoolsoort: string;

  @ApiProperty({
    type: 'integer',
    description: 'Cluster 1 (visueel), 2 (auditief/communicatief), 3 (lichamelijk, verstandelijk, langdurig ziek) or 4 (gedrag). Cluster 3/4 requires a toelaatbaarheidsverklaring (291); another value: 046.',
    example: 3,
  })
  @IsInt()
  @Min(0)
  @Max(99)
  cluster: number;

  @ApiPropertyOptional({
    description:
      'Soort onderwijs, from RIO DoelgroeponderwijsSoVso: required for cluster 1/2 (292) and belonging to the cluster (293). ' +
      'Cluster 1: VISUEEL_GEHANDICAPT, VISUEEL_GEHANDICAPT_EN_ZEER_MOEILIJK_LEREND; cluster 2: DOOF, SLECHT_HOREND, ERNSTIGE_SPRAAK_MOEILIJKHEDEN, DOOF_EN_VISUEEL_GEHANDICAPT, DOOF_EN_ZEER_MOEILIJK_LEREND, SLECHT_HOREND_EN_ZEER_MOEILIJK_LEREND; ' +
      'cluster 3: LICHAMELIJK_GEHANDICAPT, LICHAMELIJK_GEHANDICAPT_EN_ZEER_MOEILIJK_LEREND, MOEILIJK_LEREND, LANGDURIG_ZIEK, EPILEPSIE; cluster 4: ZEER_MOEILIJK_OPVOEDBAAR, AUTISME, LEER_EN_OPVOEDINGSMOEILIJKHEDEN.',
    example: 'MOEILIJK_LEREND',
    maxLength: 60,
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  soortOnderwijs?: string;

  @ApiPropertyOptional({ description: 'Soort verblijf: REGULIER, or RESIDENTIELE_INSTELLING for a pupil living in a residentiële instelling. Another value: 046.', example: 'REGULIER', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  soortVerblijf?: string;

  @ApiPropertyOptional({ description: 'Arrangement LICHT, MEDIUM or INTENSIEF: only for cluster 1/2 and for soortOnderwijs EPILEPSIE (296). Another value: 046.', example: 'MEDIUM', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  arrangement?: string;

  @ApiPropertyOptional({ description: 'Uitstroomprofiel VERVOLGONDERWIJS, ARBEIDSMARKT or DAGBESTEDING: required for vso (294), not for so (295). Another value: 046.', example: 'ARBEIDSMARKT', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  uitstroomprofiel?: string;
}

/** AanleverenVerwijderingInschrijvingBO: delete an inschrijving sent by mistake. */
export class VerwijderingRequest extends BerichtOverLeerling {
  @ApiProperty({ example: '1' })
  @Matches(VOLGNUMMER, { message: 'inschrijvingvolgnummer must be 1 to 20 letters or digits' })
  inschrijvingvolgnummer: string;
}
voorbeeldBedrijfsdocument(VerwijderingRequest, '5a2d7c41-8e3b-4f6a-9c15-3b8e9d2e0f21', '2025-08-20T09:00:00Z');

export class Href {
  @ApiProperty({ example: '/rod/v1/inschrijvingen/7b3f0a52-2d1e-4c8a-9a51-0c6c1f7e2b11' }) href: string;
}

export class AntwoordLinks {
  @ApiPropertyOptional({ type: Href }) inschrijving?: Href;
  @ApiProperty({ type: Href }) versies: Href;
}

/** ROD's answer to an accepted (goedgekeurd) message. */
export class AanleverAntwoord {
  @ApiProperty({ enum: ['goedgekeurd', 'goedgekeurd met meldingen'], example: 'goedgekeurd met meldingen' }) resultaat: string;
  @ApiProperty({ format: 'uuid', description: 'Identifies the inschrijving in ROD (for GET …/inschrijvingen/{inschrijvingId}).' }) inschrijvingId: string;
  @ApiProperty({ type: 'integer', description: 'Version number now current (after a verwijdering: the version that records it).', example: 2 }) versie: number;
  @ApiProperty({ description: 'False when the content equals the current version: nothing changed.' }) gewijzigd: boolean;
  @ApiProperty({ format: 'uuid', example: '3f0c2b8e-6d1a-4c55-9f43-2b7e8a1d9c10' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, description: 'Sandbox time of receipt (UTC).', format: 'date-time' }) ontvangenOp: string;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ type: [TerugmeldingDto], description: 'Always empty here: an afgekeurd message is a 422 problem carrying its foutmeldingen.' }) foutmeldingen: TerugmeldingDto[];
  @ApiProperty({ type: AntwoordLinks }) _links: AntwoordLinks;
}
