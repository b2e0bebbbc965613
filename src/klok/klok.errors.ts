/** Problem codes of the clock API. */
export const KlokErrors = {
  andereSandbox: 'klok_andere_sandbox',
  gedeeldeSandbox: 'klok_gedeelde_sandbox',
  ongeldigeVerschuiving: 'klok_ongeldige_verschuiving',
} as const;
