/** Problem codes of the clock API. */
export const KlokErrors = {
  andereSandbox: 'klok_andere_sandbox',
  ongeldigeVerschuiving: 'klok_ongeldige_verschuiving',
} as const;
