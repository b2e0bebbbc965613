import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process (prom-client), served at GET /metrics. Labels never hold a sandbox, client, id or
 * person number: routes are the route patterns (`/rod/v1/inschrijvingen/:inschrijvingId`), never the requested path.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'rodsim_' });

export const httpRequests = new Counter({
  name: 'rodsim_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'rodsim_http_request_duration_seconds',
  help: 'Time from receiving a request to its answer, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const recomputeDuration = new Histogram({
  name: 'rodsim_bekostiging_recompute_duration_seconds',
  help: 'Duration of one bekostiging recompute, by its range (persoonlijst, vestigingen, personen chunk, sandbox) and outcome (ok, error).',
  labelNames: ['bereik', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

export const writeGroupSize = new Histogram({
  name: 'rodsim_write_group_size',
  help: 'Submissions committed together in one group transaction (group commit), per group.',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128],
  registers: [metricsRegistry],
});

/** What is waiting to go out, read from the database at scrape time (shared by every instance on it). */
export interface Backlog {
  /** Outbox events committed but not yet given a feed position. */
  outboxOngepositioneerd: number;
  /** Webhook deliveries by status (WACHTEND = still to deliver or retry, DEAD_LETTER). */
  afleveringen: Record<string, number>;
  /** Age in seconds of the oldest delivery still waiting, 0 when none. */
  oudsteWachtendSeconden: number;
}

let backlogSource: (() => Promise<Backlog>) | null = null;

/** The berichten module tells where the backlog is read; the last app started in the process wins. */
export function setBacklogSource(source: () => Promise<Backlog>) {
  backlogSource = source;
}

/** An app stopping withdraws its source, unless another app started after it (and still runs) set its own. */
export function clearBacklogSource(source: () => Promise<Backlog>) {
  if (backlogSource === source) backlogSource = null;
}

new Gauge({
  name: 'rodsim_outbox_unpositioned_events',
  help: 'Outbox events committed but not yet given a feed position (the sequencer backlog).',
  registers: [metricsRegistry],
  async collect() {
    const b = backlogSource ? await backlogSource().catch(() => null) : null;
    if (b) this.set(b.outboxOngepositioneerd);
  },
});

new Gauge({
  name: 'rodsim_webhook_deliveries',
  help: 'Webhook deliveries by status: WACHTEND is the backlog still to deliver or retry.',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  async collect() {
    const b = backlogSource ? await backlogSource().catch(() => null) : null;
    if (!b) return;
    for (const status of ['WACHTEND', 'DEAD_LETTER']) this.set({ status }, b.afleveringen[status] ?? 0);
  },
});

new Gauge({
  name: 'rodsim_webhook_oldest_waiting_seconds',
  help: 'Age of the oldest webhook delivery still waiting (0 when none).',
  registers: [metricsRegistry],
  async collect() {
    const b = backlogSource ? await backlogSource().catch(() => null) : null;
    if (b) this.set(b.oudsteWachtendSeconden);
  },
});
