import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';
import { IsDatum } from '../rod-shared.dto';
import { BRIN4_PATTERN, OIN_PATTERN } from '../rio-port';

export class MachtigingRequest {
  @ApiProperty({ description: 'OIN of the LAS vendor that may exchange data with ROD for the school.', example: '00000003222222220000', pattern: '^\\d{20}$' })
  @Matches(OIN_PATTERN, { message: 'oin must be 20 digits' })
  oin: string;

  @ApiProperty({ description: 'BRIN4 of the school.', example: '01AA', pattern: '^\\d{2}[A-Z]{2}$' })
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4: 2 digits and 2 capitals' })
  instellingscode: string;

  @ApiPropertyOptional({ type: String, description: "First day of the mandate; default the sandbox's today.", format: 'date', example: '2025-08-01' })
  @IsOptional()
  @IsDatum()
  geldigVanaf?: string;

  @ApiPropertyOptional({ type: String, description: 'Last day of the mandate; open when absent.', format: 'date', example: '2026-07-31' })
  @IsOptional()
  @IsDatum()
  geldigTot?: string;
}

export class MachtigingResponse {
  @ApiProperty({ format: 'uuid' }) machtigingId: string;
  @ApiProperty({ example: '00000003111111110000' }) oin: string;
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ type: String, format: 'date', example: '2025-08-01' }) geldigVanaf: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) geldigTot: string | null;
  @ApiProperty({ description: 'Client id of whoever granted it.', example: 'demo-beheer' }) verleendDoor: string;
}

export class MachtigingPage {
  @ApiProperty({ type: [MachtigingResponse] }) items: MachtigingResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class MachtigingListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only mandates for this BRIN4.', example: '01AA' })
  @IsOptional()
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4' })
  instellingscode?: string;

  @ApiPropertyOptional({ description: 'Only mandates of this vendor OIN.', example: '00000003111111110000' })
  @IsOptional()
  @Matches(OIN_PATTERN, { message: 'oin must be 20 digits' })
  oin?: string;
}

export class MachtigingIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'machtigingId must be a UUID' })
  machtigingId: string;
}
