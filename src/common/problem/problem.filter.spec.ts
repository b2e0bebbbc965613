import * as nest from '@nestjs/common';
import { Socket } from 'node:net';
import { clientErrors } from '../http/http.hooks';
import { COMMON_PROBLEM_STATUS } from './common.errors';
import { HTTP_CODES, toProblem } from './problem.filter';

describe('toProblem: the framework\'s 4xx keep their status', () => {
  const builtIns = Object.entries(nest).filter(([name, c]) => name.endsWith('Exception') && typeof c === 'function' && c.prototype instanceof nest.HttpException) as [string, new () => nest.HttpException][];

  it('every built-in 4xx exception of Nest answers its own status with a code of that status (ImATeapot aside)', () => {
    const answers = builtIns
      .map(([name, E]) => [name, new E()] as const)
      .filter(([, e]) => e.getStatus() >= 400 && e.getStatus() < 500 && e.getStatus() !== 418)
      .map(([name, e]) => {
        const p = toProblem(e, '/x');
        return { name, status: e.getStatus(), answered: p.status, code: p.body.code };
      });
    expect(answers.length).toBeGreaterThanOrEqual(14);
    for (const a of answers) expect({ name: a.name, status: a.answered, code: COMMON_PROBLEM_STATUS[a.code as keyof typeof COMMON_PROBLEM_STATUS] }).toEqual({ name: a.name, status: a.status, code: a.status });
  });

  it('HTTP_CODES maps each status to a code of that very status', () => {
    for (const [status, code] of Object.entries(HTTP_CODES)) expect([code, COMMON_PROBLEM_STATUS[code]]).toEqual([code, Number(status)]);
  });

  it('a Fastify or Node error with a 4xx status keeps it: 414, 431, 408', () => {
    for (const [statusCode, code] of [[414, 'uri_too_long'], [431, 'request_header_fields_too_large'], [408, 'request_timeout'], [413, 'payload_too_large']] as const) {
      const p = toProblem(Object.assign(new Error('x'), { statusCode, code: 'FST_SOMETHING' }), '/x');
      expect([p.status, p.body.code]).toEqual([statusCode, code]);
    }
    expect(toProblem(Object.assign(new Error('x'), { statusCode: 418 }), '/x').status).toBe(400);
  });
});

describe('clientErrors: what Node refuses before Fastify, as problem+json', () => {
  const answer = (err: Error & { code?: string; rawPacket?: Buffer }) => {
    const socket = new Socket();
    let written = '';
    socket.end = ((chunk: string) => {
      written = chunk;
      return socket;
    }) as typeof socket.end;
    clientErrors(err, socket);
    const [head, body] = written.split('\r\n\r\n');
    return { statusLine: head.split('\r\n')[0], contentType: /Content-Type: (.*)/.exec(head)?.[1], body: JSON.parse(body) };
  };

  it('408 request_timeout when the request does not arrive in time', () => {
    const a = answer(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }));
    expect(a).toEqual({ statusLine: 'HTTP/1.1 408 Request Timeout', contentType: 'application/problem+json', body: expect.objectContaining({ status: 408, code: 'request_timeout', instance: '/' }) });
  });

  it('414 for an overlong request line, 431 for overlong headers, 400 for what is not HTTP', () => {
    const overflow = (raw: string) => answer(Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from(raw) }));
    expect(overflow(`GET /rod/v1/x?q=${'x'.repeat(9000)}`).body).toEqual(expect.objectContaining({ status: 414, code: 'uri_too_long', instance: '/rod/v1/x' }));
    expect(overflow(`GET /rod/v1/x HTTP/1.1\r\nX: ${'x'.repeat(17000)}`).body).toEqual(expect.objectContaining({ status: 431, code: 'request_header_fields_too_large' }));
    expect(answer(Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD', rawPacket: Buffer.from('\x00\x01') })).body).toEqual(expect.objectContaining({ status: 400, code: 'bad_request' }));
  });
});
