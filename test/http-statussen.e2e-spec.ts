import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { bearer, tokenFor } from './support/auth';
import { expectProblem } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';

/** Sends raw bytes and answers what the server wrote back: status, headers and body. */
function raw(port: number, bytes: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(bytes);
  });
}

/**
 * Every 4xx the HTTP stack itself raises — Node's parser, Fastify, Nest — answers problem+json with the code of its own
 * status (api-conventions.md), never a bare framework body and never a status turned into another.
 */
describe('HTTP statuses of the stack are problem+json with their own code', () => {
  let t: TestApp;
  let port: number;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    token = await tokenFor(t, 'las-alfa');
  });
  afterAll(() => t.close());

  const problem = (res: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) => {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(JSON.parse(res.body)).toEqual(expect.objectContaining({ status, code, type: `urn:nl:rod-simulator:problem:${code}`, title: expect.any(String), detail: expect.any(String) }));
  };

  it('414 uri_too_long: a request line longer than the server reads', async () => {
    const res = await raw(port, `GET /rio/v1/onderwijslocaties?plaatsnaam=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    problem(res, 414, 'uri_too_long');
  });

  it('431 request_header_fields_too_large: headers longer than the server reads', async () => {
    const res = await raw(port, `GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Groot: ${'x'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
    problem(res, 431, 'request_header_fields_too_large');
  });

  it('400 bad_request: a request Node cannot parse', async () => {
    const res = await raw(port, 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\nConnection: close\r\n\r\n');
    problem(res, 400, 'bad_request');
  });

  it('413 payload_too_large and 415 unsupported_media_type from the body parser', async () => {
    const groot = await t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).set('Content-Type', 'application/json').send(`{"x":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    expectProblem(groot, 413, 'payload_too_large');
    expectProblem(await t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).set('Content-Type', 'text/plain').send('x'), 415, 'unsupported_media_type');
  });

  it('405 method_not_allowed with Allow', async () => {
    const res = await t.http().delete('/rio/v1/onderwijslocaties').set(bearer(token));
    expectProblem(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, POST');
  });
});
