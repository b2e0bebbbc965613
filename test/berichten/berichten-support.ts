import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { EventOutbox } from '../../src/common/events/outbox';
import type { TestApp } from '../support/test-app';

export interface Ontvangen {
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, any>;
}

/** What the receiver answers to a request: a status code, or 'hang' (never answers, the sender times out). */
export type Gedrag = (req: Ontvangen, n: number) => number | 'hang';

/** A real HTTP receiver on 127.0.0.1 and a free port, recording every request. */
export async function startOntvanger(gedrag: Gedrag = () => 200) {
  const ontvangen: Ontvangen[] = [];
  let huidig = gedrag;
  const hangend: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const o = { headers: req.headers, body, json: JSON.parse(body) };
      ontvangen.push(o);
      const antwoord = huidig(o, ontvangen.length);
      if (antwoord === 'hang') {
        hangend.push(() => res.destroy());
        return;
      }
      res.writeHead(antwoord, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    ontvangen,
    zetGedrag: (g: Gedrag) => (huidig = g),
    close: async () => {
      hangend.forEach((f) => f());
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Polls `check` (running `step` first) until it holds or the deadline passes; fails with the last value. */
export async function wachtTot<T>(check: () => Promise<T | false | null | undefined> | T | false | null | undefined, step?: () => Promise<unknown>, deadlineMs = 15_000): Promise<T> {
  const einde = Date.now() + deadlineMs;
  for (;;) {
    if (step) await step();
    const v = await check();
    if (v) return v;
    if (Date.now() > einde) throw new Error('condition not met before the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function sandboxId(t: TestApp, code = 'default'): Promise<string> {
  const [{ id }] = await t.db.query('SELECT id FROM sandbox WHERE code = $1', [code]);
  return id;
}

let n = 0;
/** Appends test events for a school through the outbox, one transaction each; returns the event ids. */
export async function schrijfEvents(t: TestApp, sandbox: string, instellingscode: string, aantal: number, orderingKey = `leerling-${++n}`, db: DataSource = t.db): Promise<string[]> {
  const outbox = t.app.get(EventOutbox);
  const ids: string[] = [];
  for (let i = 0; i < aantal; i++) {
    ids.push(
      await db.transaction((m) =>
        outbox.append(m, sandbox, {
          type: 'nl.duo.rod.kennisgeving-in-uitschrijving',
          subject: `inschrijving/test-${n}-${i}`,
          instellingscode,
          orderingKey,
          data: { volgnummer: i, orderingKey },
        }),
      ),
    );
  }
  return ids;
}
