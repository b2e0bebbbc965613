/** OAuth scopes per API. A token carries the scopes its client holds (or the subset it asked for). */
export const Scope = {
  beheer: 'beheer',
  rioLezen: 'rio.lezen',
  rioBeheren: 'rio.beheren',
  rodLezen: 'rod.lezen',
  rodAanleveren: 'rod.aanleveren',
  rodBerichten: 'rod.berichten',
  klok: 'klok',
} as const;
export type ScopeName = (typeof Scope)[keyof typeof Scope];

export const SCOPE_DESCRIPTIONS: Record<ScopeName, string> = {
  beheer: 'DUO-beheer: clients, sandboxes, besturen and erkenningen, mandates, migrations',
  'rio.lezen': 'Read RIO (besturen, erkenningen, aanbieders, locaties, aangeboden opleidingen)',
  'rio.beheren': 'Maintain RIO objects of the besturen the client acts for (PIO-portaal equivalent)',
  'rod.lezen': 'Read ROD inschrijvingen and overviews of mandated schools',
  'rod.aanleveren': 'Send identificaties, inschrijvingen and verwijderingen to ROD',
  'rod.berichten': 'Receive what ROD pushes: feed and webhook subscriptions',
  klok: "Read and move the clock of the client's own sandbox",
};

export const ALL_SCOPES = Object.values(Scope) as ScopeName[];

export const ClientRole = { beheer: 'BEHEER', leverancier: 'LEVERANCIER' } as const;
export type ClientRoleName = (typeof ClientRole)[keyof typeof ClientRole];

/** Scopes a client of a role may hold at most, and gets by default. */
export const ROLE_SCOPES: Record<ClientRoleName, ScopeName[]> = {
  BEHEER: ALL_SCOPES,
  LEVERANCIER: ['rio.lezen', 'rio.beheren', 'rod.lezen', 'rod.aanleveren', 'rod.berichten', 'klok'],
};
