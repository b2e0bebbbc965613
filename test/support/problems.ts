import type { Response } from 'supertest';

/** Asserts a problem+json response (RFC 9457) with the given status and code; returns the body. */
export function expectProblem(res: Response, status: number, code: string): Record<string, any> {
  if (res.status !== status || res.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({ type: expect.stringContaining(code), title: expect.any(String), status, detail: expect.any(String), instance: expect.any(String), code }),
  );
  return res.body;
}

/**
 * Asserts a 400 invalid_input listing exactly these (pointer or parameter, code) pairs, in any order: every expected
 * problem matches one listed error (on the fields it names), and no error is listed beyond them.
 */
export function expectInvalid(res: Response, problems: { pointer?: string; parameter?: string; header?: string; code?: string }[]) {
  const body = expectProblem(res, 400, 'invalid_input');
  const errors: Record<string, unknown>[] = body.errors ?? [];
  const rest = [...errors];
  const missing = problems.filter((p) => {
    const i = rest.findIndex((e) => Object.entries(p).every(([k, v]) => e[k] === v));
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
  if (missing.length || rest.length) {
    throw new Error(`expected exactly ${JSON.stringify(problems)}; missing ${JSON.stringify(missing)}, not expected ${JSON.stringify(rest)}`);
  }
  return body;
}

/** Expected problem bodies shared by the e2e specs. */
export const Expected = {
  unauthorized: { status: 401, code: 'unauthorized' },
  forbidden: { status: 403, code: 'forbidden' },
  insufficientScope: { status: 403, code: 'insufficient_scope' },
  notFound: { status: 404, code: 'not_found' },
} as const;
