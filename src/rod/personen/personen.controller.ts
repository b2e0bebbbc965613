import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRodProblems } from '../rod.errors';
import { ApiAfgekeurd } from '../rod-shared.dto';
import { BsnToekenningRequest, IdentificatieRequest, IdentificatieResponse, NieuwPersoonRequest, PersoonResponse } from './identificatie.dto';
import { PersonenService } from './personen.service';

@Controller('rod/v1')
export class PersonenController {
  constructor(private readonly personen: PersonenService) {}

  @Post('identificaties')
  @ApiTags('Identificatie')
  @HttpCode(200)
  @RequireScopes('rod.aanleveren')
  @ApiOperation({
    summary: 'Identificeren persoon: verify a BSN or onderwijsnummer, or get one',
    description:
      'Send persoonsgebondenNummer + geboortedatum + geslacht, or achternaam + geboortedatum + geslacht + adres. The answer is the BSN when the persoonsregister knows the person, ' +
      'else an onderwijsnummer, issued once per person (asking again gives the same number). Meldingen: 212 geboortedatum or geslacht differs, 213 onderwijsnummer while a BSN is known ' +
      '(the BSN is answered), 214 onderwijsnummer issued for a pupil living in the Netherlands (check and identify again). Afgekeurd (422): 210 unknown, 211 11-proef, 046 geslacht not M/V/O.',
  })
  @ApiOkResponse({ type: IdentificatieResponse })
  @ApiAfgekeurd('Afgekeurd: problem+json with `code: "afgekeurd"` and every foutmelding in `foutmeldingen`.', '/rod/v1/identificaties')
  @ApiIdempotent()
  identificeerPersoon(@CurrentPrincipal() p: Principal, @Body() body: IdentificatieRequest) {
    return this.personen.identify(p, body);
  }

  @Post('personen')
  @ApiTags('Personen')
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Beheer: add a generated person to the simulated persoonsregister (BRP stand-in)', description: 'A BSN is generated (11-proef valid) unless given.' })
  @ApiCreatedResponse({ type: PersoonResponse })
  @ApiRodProblems('persoon_bestaat', 'service_unavailable')
  @ApiIdempotent()
  createPersoon(@CurrentPrincipal() p: Principal, @Body() body: NieuwPersoonRequest) {
    return this.personen.createPersoon(p, body);
  }

  @Post('bsn-toekenningen')
  @ApiTags('Personen')
  @RequireScopes('beheer')
  @ApiOperation({
    summary: 'Beheer: a person known by onderwijsnummer gets a BSN',
    description: 'ROD links both numbers, sends `nl.duo.rod.persoonsgegevens-gewijzigd` to every school with an inschrijving of the person, and answers later messages with the onderwijsnummer with melding 213.',
  })
  @ApiCreatedResponse({ type: PersoonResponse })
  @ApiRodProblems('geen_onderwijsnummer', 'persoon_heeft_bsn', 'persoon_bestaat', 'service_unavailable')
  @ApiIdempotent()
  createBsnToekenning(@CurrentPrincipal() p: Principal, @Body() body: BsnToekenningRequest) {
    return this.personen.assignBsn(p, body);
  }
}
