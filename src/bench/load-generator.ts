import { Agent, request } from 'node:http';

/**
 * The load generator of the benchmarks, run as its own process (as a LAS would be): it receives planned
 * requests over IPC, sends them with `concurrency` keep-alive connections, and answers with each request's
 * status and latency. node:http rather than fetch: fetch costs the generator several times more CPU per request.
 */
export interface GeneratorRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
export interface GeneratorResult {
  latencies: number[];
  statuses: number[];
  seconds: number;
  /** CPU time (user + system) the generator itself used while sending, ms: on a small machine it competes with the app. */
  cpuMs: number;
}

function send(agent: Agent, r: GeneratorRequest): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL(r.url);
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: r.method, agent, headers: body ? { ...r.headers, 'content-length': String(body.length) } : r.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

export async function run(requests: GeneratorRequest[], concurrency: number): Promise<GeneratorResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = new Array<number>(requests.length);
  const statuses = new Array<number>(requests.length);
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const i = next++;
        const s0 = process.hrtime.bigint();
        statuses[i] = await send(agent, requests[i]);
        latencies[i] = Number(process.hrtime.bigint() - s0) / 1e6;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return { latencies, statuses, seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

if (process.send) {
  process.once('message', (m: { requests: GeneratorRequest[]; concurrency: number }) => {
    void run(m.requests, m.concurrency).then((r) => process.send!(r, () => process.exit(0)));
  });
}
