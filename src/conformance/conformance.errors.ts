/** Problem codes of the conformance API; each has one HTTP status. */
export const ConformanceCode = {
  gesimuleerdeStoring: 'gesimuleerde_storing',
  alleenBeheer: 'alleen_beheer',
  nietVanJou: 'storing_niet_van_jou',
  runAfgerond: 'run_afgerond',
} as const;
