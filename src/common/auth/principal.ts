import type { ClientRoleName, ScopeName } from './scopes';

/** Who is calling, resolved from the access token: the client and the one sandbox the token is for. */
export interface Principal {
  clientId: string;
  clientName: string;
  role: ClientRoleName;
  /** Organisatie-identificatienummer of the client (LAS vendor or DUO). */
  oin: string;
  scopes: ScopeName[];
  sandboxId: string;
  sandboxCode: string;
  /** Onderwijsbestuurcodes the client acts for in RIO (PIO-portaal equivalent). */
  bestuurcodes: string[];
}

export const isBeheer = (p: Principal) => p.role === 'BEHEER';
