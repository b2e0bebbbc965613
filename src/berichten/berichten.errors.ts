/** Problem codes of the berichten API (feed and webhook subscriptions). */
export const BerichtenErrors = {
  abonnementOnbekend: 'webhook_abonnement_onbekend',
  afleveringOnbekend: 'webhook_aflevering_onbekend',
  teVeelAbonnementen: 'webhook_te_veel_abonnementen',
  cursorOnbekend: 'cursor_onbekend',
  doelNietToegestaan: 'webhook_doel_niet_toegestaan',
} as const;

/** Event types ROD pushes (CloudEvents `type`, reverse DNS). */
export const EVENT_TYPES = [
  'nl.duo.rod.bekostigingsstatus-gewijzigd',
  'nl.duo.rod.kennisgeving-in-uitschrijving',
  'nl.duo.rod.persoonsgegevens-gewijzigd',
  'nl.duo.rod.melding',
  'nl.duo.rod.overzicht-vaststelling-tellingen',
  'nl.duo.rod.signalen-kwaliteitscontrole',
] as const;
