import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { BerichtOverLeerling, voorbeeldBedrijfsdocument, IsDatum, PersoonsgebondenNummer, TerugmeldingDto } from '../rod-shared.dto';
import { SOORTEN_VERZUIM } from './verzuim.beoordeling';

export const MELDINGSNUMMER_PATTERN = /^VZ\d{10}$/;

/** Verzuimmelding (rod.md §3 #7): verzuim of a pupil, reported by the school through the LAS. */
export class VerzuimmeldingRequest extends BerichtOverLeerling {
  @ApiProperty({
    description: `Soort verzuim (proposed list): ${SOORTEN_VERZUIM.join(', ')}. ZESTIEN_UUR = 16 uur ongeoorloofd verzuim in 4 opeenvolgende lesweken (Leerplichtwet art. 21); ` +
      'LUXEVERZUIM = vakantie buiten de schoolvakanties zonder verlof; SIGNAALVERZUIM = zorgwekkend verzuim onder de 16 uur. Another value gives 046_waardenlijst_fout.',
    example: 'ZESTIEN_UUR',
    maxLength: 20,
  })
  @IsString()
  @Length(1, 20)
  soortVerzuim: string;

  @ApiProperty({ type: String, description: 'First day of the verzuim; the pupil must be enrolled at the school from this day (280).', format: 'date', example: '2025-10-06' })
  @IsDatum()
  datumBegin: string;

  @ApiPropertyOptional({ type: String, description: 'Last day of the verzuim, inclusive; absent: the one day datumBegin. Not before datumBegin (281).', format: 'date', example: '2025-10-31' })
  @IsOptional()
  @IsDatum()
  datumEinde?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Hours missed in the periode (kept as sent).', example: 18, minimum: 0, maximum: 2000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  aantalUren?: number;

  @ApiPropertyOptional({ description: 'Free text for the leerplichtambtenaar; no person numbers.', example: 'Ouders op de hoogte gesteld op 2 oktober.', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  toelichting?: string;
}
voorbeeldBedrijfsdocument(VerzuimmeldingRequest, '6b3e8d52-9f4c-4a7b-8d26-4c9fae3f1032', '2025-10-06T09:00:00Z');

export class MeldingsnummerParam {
  @ApiProperty({ description: 'The meldingsnummer ROD answered: VZ and 10 digits.', pattern: '^VZ\\d{10}$' })
  @Matches(MELDINGSNUMMER_PATTERN, { message: 'meldingsnummer must be VZ and 10 digits' })
  meldingsnummer: string;
}

class VerzuimHref {
  @ApiProperty({ example: '/rod/v1/verzuimmeldingen/VZ0000000001' }) href: string;
}

export class VerzuimLinks {
  @ApiProperty({ type: VerzuimHref }) verzuimmelding: VerzuimHref;
}

/** ROD's answer to an accepted verzuimmelding. */
export class VerzuimAntwoord {
  @ApiProperty({ enum: ['goedgekeurd', 'goedgekeurd met meldingen'], example: 'goedgekeurd' }) resultaat: string;
  @ApiProperty({ description: 'The number to look the melding up by (GET …/verzuimmeldingen/{meldingsnummer}).', example: 'VZ0000000001' }) meldingsnummer: string;
  @ApiProperty({ format: 'uuid' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, description: 'Sandbox time of receipt (UTC).', format: 'date-time' }) ontvangenOp: string;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ type: [TerugmeldingDto], description: 'Always empty here: an afgekeurd message is a 422 problem carrying its foutmeldingen.' }) foutmeldingen: TerugmeldingDto[];
  @ApiProperty({ type: VerzuimLinks }) _links: VerzuimLinks;
}

/** A stored verzuimmelding. */
export class VerzuimmeldingResponse {
  @ApiProperty({ example: 'VZ0000000001' }) meldingsnummer: string;
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ type: PersoonsgebondenNummer, example: { burgerservicenummer: '999990081' } }) persoonsgebondenNummer: PersoonsgebondenNummer;
  @ApiProperty({ example: 'ZESTIEN_UUR' }) soortVerzuim: string;
  @ApiProperty({ type: String, format: 'date' }) datumBegin: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) datumEinde: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) aantalUren: number | null;
  @ApiProperty({ type: String, nullable: true }) toelichting: string | null;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ format: 'uuid' }) identificatiecodeBedrijfsdocument: string;
  @ApiProperty({ type: String, format: 'date-time' }) ontvangenOp: string;
  @ApiProperty({ type: VerzuimLinks }) _links: VerzuimLinks;
}
