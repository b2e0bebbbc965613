import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ALL_SCOPES, ClientRole, ClientRoleName, ScopeName } from '../../common/auth/scopes';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';

export const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,99}$/;
const ROLES = Object.values(ClientRole);

/** An EC P-256 public key (of a throw-away key pair) for the examples. */
const EXAMPLE_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQmzrMUmHv+ShYYbznGb9bwSFaqgf\n0VAM8xoMdYxkggigGr95UWlvReiFazQVbIOwVGoG9fkKlO+f6m+xXi/7qw==\n-----END PUBLIC KEY-----\n';

export class CreateClientRequest {
  @ApiPropertyOptional({ description: 'Client id; generated when absent. Lowercase letters, digits and hyphens, 3-100.', example: 'las-gamma' })
  @IsOptional()
  @Matches(CLIENT_ID_PATTERN, { message: 'clientId must be 3-100 lowercase letters, digits or hyphens' })
  clientId?: string;

  @ApiProperty({ description: 'Name of the vendor or administrator.', example: 'Leverancier Gamma' })
  @IsString()
  @Length(1, 200)
  naam: string;

  @ApiProperty({ description: 'LEVERANCIER for a LAS vendor, BEHEER for a DUO-style administrator.', enum: ROLES, example: 'LEVERANCIER' })
  @IsIn(ROLES)
  role: ClientRoleName;

  @ApiProperty({ description: 'Organisatie-identificatienummer (OIN), 20 digits.', example: '00000003555555550000' })
  @Matches(/^\d{20}$/, { message: 'oin must be 20 digits' })
  oin: string;

  @ApiPropertyOptional({ description: 'Sandboxes the client may request tokens for (default: the default sandbox).', type: [String], example: ['default'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  sandboxes?: string[];

  @ApiPropertyOptional({ description: 'Scopes the client holds; default all scopes of its role.', type: [String], enum: ALL_SCOPES, example: ['rod.lezen', 'rod.aanleveren', 'rod.berichten'] })
  @IsOptional()
  @IsArray()
  @IsIn(ALL_SCOPES, { each: true })
  scopes?: ScopeName[];

  @ApiPropertyOptional({ description: 'Onderwijsbestuurcodes (nnnBnnn) the client acts for in RIO.', type: [String], example: ['100B001'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(99)
  @Matches(/^\d{3}B\d{3}$/, { each: true, message: 'each bestuurcode must match nnnBnnn' })
  bestuurcodes?: string[];

  @ApiPropertyOptional({ description: 'PEM public key (RSA or EC P-256) for private_key_jwt client authentication.', example: EXAMPLE_PUBLIC_KEY })
  @IsOptional()
  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'publicKeyPem must be a PEM public key' })
  publicKeyPem?: string;
}

export class UpdateClientRequest {
  @ApiPropertyOptional({ example: 'Leverancier Gamma B.V.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  naam?: string;

  @ApiPropertyOptional({ type: [String], example: ['default'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  sandboxes?: string[];

  @ApiPropertyOptional({ type: [String], enum: ALL_SCOPES, example: ['rod.lezen', 'rod.aanleveren', 'rod.berichten'] })
  @IsOptional()
  @IsArray()
  @IsIn(ALL_SCOPES, { each: true })
  scopes?: ScopeName[];

  @ApiPropertyOptional({ type: [String], example: ['100B001'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(99)
  @Matches(/^\d{3}B\d{3}$/, { each: true, message: 'each bestuurcode must match nnnBnnn' })
  bestuurcodes?: string[];

  @ApiPropertyOptional({ description: 'A disabled client gets no tokens and its tokens stop working.', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'PEM public key, or null to remove it.', nullable: true, type: String, example: EXAMPLE_PUBLIC_KEY })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'publicKeyPem must be a PEM public key' })
  publicKeyPem?: string | null;
}

export class ClientResponse {
  @ApiProperty({ example: 'las-alfa' }) clientId: string;
  @ApiProperty({ example: 'Demo LAS Alfa' }) naam: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ example: '00000003123456780000' }) oin: string;
  @ApiProperty({ type: [String], enum: ALL_SCOPES }) scopes: string[];
  @ApiProperty({ type: [String], example: ['100B001'] }) bestuurcodes: string[];
  @ApiProperty({ type: [String], example: ['default'] }) sandboxes: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Client authentication methods available to this client.', type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  tokenEndpointAuthMethods: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) secretRotatedAt: string | null;
}

export class ClientSecretResponse {
  @ApiProperty({ example: 'las-gamma' }) clientId: string;
  @ApiProperty({ description: 'The new secret. Shown once; only a hash is stored.' }) clientSecret: string;
  @ApiProperty({ type: String, format: 'date-time' }) secretRotatedAt: string;
}

export class ClientCreatedResponse extends ClientResponse {
  @ApiProperty({ description: 'The client secret. Shown once; only a hash is stored.' }) clientSecret: string;
}

export class ClientPage {
  @ApiProperty({ type: [ClientResponse] }) items: ClientResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class ClientListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only clients of this role.', enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: ClientRoleName;
}

export class ClientIdParam {
  @ApiProperty({ description: 'Client id (the example is the client the POST /clients example creates).', example: 'las-gamma' })
  @Matches(CLIENT_ID_PATTERN, { message: 'clientId must be 3-100 lowercase letters, digits or hyphens' })
  clientId: string;
}
