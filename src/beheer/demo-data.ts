/**
 * The documented demo clients that exist on first start, so a new user can get a token
 * straight from the README. Generated identities; the secrets are public on purpose.
 */
export const DEMO_CLIENTS = [
  {
    clientId: 'demo-beheer',
    naam: 'Demo DUO-beheer',
    role: 'BEHEER' as const,
    oin: '00000099800866472000',
    secret: 'demo-beheer-geheim',
    bestuurcodes: [] as string[],
  },
  {
    clientId: 'las-alfa',
    naam: 'Demo LAS Alfa',
    role: 'LEVERANCIER' as const,
    oin: '00000003111111110000',
    secret: 'las-alfa-geheim',
    bestuurcodes: ['100B001'],
  },
  {
    clientId: 'las-beta',
    naam: 'Demo LAS Beta',
    role: 'LEVERANCIER' as const,
    oin: '00000003222222220000',
    secret: 'las-beta-geheim',
    bestuurcodes: ['100B002'],
  },
];
