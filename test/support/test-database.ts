import { Client } from 'pg';

/** The server-level URL (same server, maintenance database) derived from DATABASE_URL. */
export function serverUrl(database = 'postgres'): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseUrl(name: string): string {
  return serverUrl(name);
}

export async function withServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl(maintenanceDb()) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The database named in DATABASE_URL is used only to connect; tests create their own. */
function maintenanceDb(): string {
  return decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1)) || 'postgres';
}

export const TEMPLATE_ENV = 'RODSIM_TEST_TEMPLATE';
export const RUN_ENV = 'RODSIM_TEST_RUN';
