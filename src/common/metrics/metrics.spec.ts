import { Backlog, clearBacklogSource, metricsRegistry, setBacklogSource } from './metrics';

const backlog = (n: number) => async (): Promise<Backlog> => ({ outboxOngepositioneerd: n, afleveringen: { WACHTEND: n, DEAD_LETTER: 0 }, oudsteWachtendSeconden: 0 });
const outbox = async () => (await metricsRegistry.getSingleMetric('rodsim_outbox_unpositioned_events')!.get()).values[0]?.value;

describe('backlog source of the metrics', () => {
  it('an app stopping leaves the source of an app started after it (two apps in one process)', async () => {
    const eerste = backlog(3);
    const tweede = backlog(5);
    setBacklogSource(eerste);
    setBacklogSource(tweede);
    clearBacklogSource(eerste);
    expect(await outbox()).toBe(5);
    clearBacklogSource(tweede);
    setBacklogSource(backlog(7));
    expect(await outbox()).toBe(7);
  });
});
