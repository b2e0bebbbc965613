import type { EntityManager } from 'typeorm';
import { metricsRegistry } from '../common/metrics/metrics';
import { BekostigingService } from './bekostiging.service';

type Waarde = { labels: Record<string, string | number>; value: number; metricName?: string };
const tellingen = async (): Promise<Waarde[]> =>
  ((await metricsRegistry.getSingleMetric('rodsim_bekostiging_recompute_duration_seconds')!.get()).values as Waarde[]).filter((v) => v.metricName?.endsWith('_count'));

describe('rodsim_bekostiging_recompute_duration_seconds', () => {
  const service = new BekostigingService(null as never, null as never, null as never, null as never, null as never);
  /** A manager whose first statement (the sandbox lock) answers and whose recompute then gives `uitkomst`. */
  const manager = (uitkomst: () => Promise<unknown>) => {
    let n = 0;
    return { query: () => (n++ === 0 ? Promise.resolve([]) : uitkomst()) } as unknown as EntityManager;
  };
  const aantal = async (outcome: string) => (await tellingen()).find((v) => v.labels.bereik === 'vestigingen' && v.labels.outcome === outcome)?.value ?? 0;

  it('records a recompute that throws, with outcome error, and one that succeeds with outcome ok', async () => {
    const [fout, ok] = [await aantal('error'), await aantal('ok')];
    const stuk = manager(() => Promise.reject(new Error('canceling statement due to statement timeout')));
    await expect(service.recompute(stuk, 's', 'vestigingen', ['01AA00'], '2025-09-01', new Date('2025-09-01T10:00:00Z'), 'MUTATIE')).rejects.toThrow('statement timeout');
    expect(await aantal('error')).toBe(fout + 1);
    const goed = manager(() => Promise.resolve([{ statussen: 1, events: 0 }]));
    await expect(service.recompute(goed, 's', 'vestigingen', ['01AA00'], '2025-09-01', new Date('2025-09-01T10:00:00Z'), 'MUTATIE')).resolves.toEqual({ statussen: 1, events: 0 });
    expect(await aantal('ok')).toBe(ok + 1);
  });
});
