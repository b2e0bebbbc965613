import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';
import { IsDatum, IsPgnKeuze, PersoonsgebondenNummer, TerugmeldingDto } from '../rod-shared.dto';
import { BRIN4_PATTERN } from '../rio-port';
import { Href } from './aanleveren.dto';

export class PeriodeResponse {
  @ApiProperty({ type: String, format: 'date', example: '2025-08-18' }) datumBegin: string;
  @ApiPropertyOptional({ type: String, description: 'Derived: the day before the next periode begins, or datumUitschrijving; null while open.', format: 'date', nullable: true, example: null })
  datumEinde: string | null;
  @ApiProperty({ example: '01AA00' }) vestigingscode: string;
  @ApiProperty({ example: '100A001' }) onderwijsaanbiedercode: string;
  @ApiProperty({ example: '100X001' }) onderwijslocatiecode: string;
  @ApiProperty({ example: '1' }) groep: string;
  @ApiPropertyOptional({ type: 'integer', nullable: true, example: null }) leerjaar: number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: true }) indicatieBekostiging: boolean | null;
}

export class OntwikkelingsperspectiefResponse {
  @ApiProperty({ type: String, format: 'date', example: '2025-10-01' }) datumBegin: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) datumEinde: string | null;
}

export class ToelaatbaarheidsverklaringResponse {
  @ApiProperty({ example: 'TLV2026001' }) beschikkingsnummer: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-08-01' }) datumBegin: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) datumEinde: string | null;
}

/** The so/vso part of an inschrijving (AanleverenInschrijvingSO). */
export class SpeciaalOnderwijsResponse {
  @ApiProperty({ enum: ['SO', 'VSO'], description: 'Schoolsoort as sent (1 = SO, 2 = VSO).', example: 'SO' }) schoolsoort: string;
  @ApiProperty({ type: 'integer', example: 3 }) cluster: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'MOEILIJK_LEREND' }) soortOnderwijs: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'REGULIER' }) soortVerblijf: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) arrangement: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) uitstroomprofiel: string | null;
}

export class PgnResponse {
  @ApiPropertyOptional({ example: '999990019' }) burgerservicenummer?: string;
  @ApiPropertyOptional({ example: '100000028' }) onderwijsnummer?: string;
}

export class InschrijvingLinks {
  @ApiProperty({ type: Href }) self: Href;
  @ApiProperty({ type: Href }) versies: Href;
}

/** The current state of an inschrijving in ROD. */
export class InschrijvingResponse {
  @ApiProperty({ format: 'uuid' }) inschrijvingId: string;
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ type: PgnResponse, description: "The pupil's BSN, or the onderwijsnummer while no BSN is known." }) persoonsgebondenNummer: PgnResponse;
  @ApiProperty({ example: '1' }) inschrijvingvolgnummer: string;
  @ApiProperty({ type: String, format: 'date', example: '2025-08-18' }) datumInschrijving: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) datumUitschrijving: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) nNCA: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Date the pupil settled in the Netherlands, as sent; null when not sent.', example: null })
  datumVestigingInNederland: string | null;
  @ApiProperty({ type: [PeriodeResponse], description: 'The periodes, of either contract (sent as inschrijvingPeriodeSO in the so/vso contract).' }) inschrijvingPeriodeBO: PeriodeResponse[];
  @ApiPropertyOptional({ type: SpeciaalOnderwijsResponse, nullable: true, description: 'The so/vso part (AanleverenInschrijvingSO); null for a bo/sbo inschrijving.' })
  speciaalOnderwijs: SpeciaalOnderwijsResponse | null;
  @ApiProperty({ type: [String], description: 'Pedagogisch-didactisch concept(en) as sent (sorted); empty when none.', example: [] }) pedagogischDidactischConcept: string[];
  @ApiProperty({ type: [String], description: 'Experimenten as sent (sorted); empty when none.', example: [] }) experiment: string[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'VVE programme; null when none.', example: null }) vveProgramma: string | null;
  @ApiProperty({ type: [OntwikkelingsperspectiefResponse] }) ontwikkelingsperspectief: OntwikkelingsperspectiefResponse[];
  @ApiProperty({ type: [ToelaatbaarheidsverklaringResponse] }) toelaatbaarheidsverklaring: ToelaatbaarheidsverklaringResponse[];
  @ApiProperty({ type: 'integer', example: 1 }) versie: number;
  @ApiProperty({ type: [TerugmeldingDto], description: 'Meldingen given to the current version.' }) meldingen: TerugmeldingDto[];
  @ApiProperty({ format: 'uuid' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Sandbox time the inschrijving first reached ROD.' }) eerstOntvangenOp: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Sandbox time of the current version.' }) ontvangenOp: string;
  @ApiProperty({ type: InschrijvingLinks }) _links: InschrijvingLinks;
}

export class InschrijvingPage {
  @ApiProperty({ type: [InschrijvingResponse] }) items: InschrijvingResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class VersieResponse {
  @ApiProperty({ type: 'integer', example: 2 }) versie: number;
  @ApiProperty({ enum: ['AANLEVERING', 'VERWIJDERING'] }) soort: string;
  @ApiProperty({ description: 'The accepted content as sent (without the bedrijfsdocument header).', type: 'object', additionalProperties: true }) inhoud: Record<string, unknown>;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ format: 'uuid' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, format: 'date-time' }) datumTijdBedrijfsdocument: string;
  @ApiProperty({ description: 'Client id of the sender.', example: 'las-alfa' }) clientId: string;
  @ApiProperty({ description: 'OIN of the sender.', example: '00000003111111110000' }) oin: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Sandbox time of receipt.' }) ontvangenOp: string;
}

export class VersieList {
  @ApiProperty({ format: 'uuid' }) inschrijvingId: string;
  @ApiProperty({ type: [VersieResponse] }) items: VersieResponse[];
}

export class InschrijvingIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'inschrijvingId must be a UUID' })
  inschrijvingId: string;
}

/** Search by PGN in the body, never in the URL. */
export class InschrijvingZoekRequest {
  @ApiPropertyOptional({ type: PersoonsgebondenNummer, example: { burgerservicenummer: '999990056' } })
  @IsOptional()
  @IsPgnKeuze()
  @ValidateNested()
  @Type(() => PersoonsgebondenNummer)
  persoonsgebondenNummer?: PersoonsgebondenNummer;

  @ApiPropertyOptional({ example: '01AA' })
  @IsOptional()
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4' })
  instellingscode?: string;
}

export class InstellingParam {
  @ApiProperty({ description: 'BRIN4.', example: '01AA' })
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4: 2 digits and 2 capitals' })
  instellingscode: string;
}

export class RegistratieoverzichtQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, description: "Inschrijvingen active on this date; default the sandbox's today.", format: 'date', example: '2025-10-01' })
  @IsOptional()
  @IsDatum()
  peildatum?: string;
}

export class Registratieoverzicht {
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ type: String, format: 'date', example: '2025-10-01' }) peildatum: string;
  @ApiProperty({ type: [InschrijvingResponse], description: 'Inschrijvingen active on the peildatum, with all their periodes.' }) items: InschrijvingResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class SignalenQuery {
  @ApiProperty({ description: 'BRIN4 of the school (you need a machtiging for it).', example: '01AA', pattern: '^\\d{2}[A-Z]{2}$' })
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4: 2 digits and 2 capitals' })
  instellingscode: string;

  @ApiPropertyOptional({ type: String, description: "A day of the week whose kwaliteitscontrole you want (its Monday is the peildatum); default the sandbox's today.", format: 'date', example: '2025-09-08' })
  @IsOptional()
  @IsDatum()
  peildatum?: string;
}

export class KwaliteitscontroleSignaal {
  @ApiProperty({ enum: ['S01_dubbele_inschrijving', 'S02_onderwijsnummer_woonachtig_in_nederland'], example: 'S01_dubbele_inschrijving' }) code: string;
  @ApiProperty({ example: 'De leerling staat op de peildatum ook ingeschreven bij instelling 02AA.' }) omschrijving: string;
  @ApiProperty({ format: 'uuid' }) inschrijvingId: string;
  @ApiProperty({ example: '1' }) inschrijvingvolgnummer: string;
}

/** The signalen of one school from one weekly kwaliteitscontrole (rod.md §7.1, §9.6): the content of its event. */
export class KwaliteitscontroleSignalenAntwoord {
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ type: String, format: 'date', description: 'The Monday of the kwaliteitscontrole.', example: '2025-09-08' }) peildatum: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The id of the `nl.duo.rod.signalen-kwaliteitscontrole` event that carried these signalen; null when there were none.' })
  eventId: string | null;
  @ApiProperty({ type: [KwaliteitscontroleSignaal], description: 'Inschrijvingen that may be wrong though accepted; empty when the controle found nothing (or has not run yet).' }) signalen: KwaliteitscontroleSignaal[];
}
