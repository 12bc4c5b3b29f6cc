import { Gauge } from 'prom-client';
import type { Store, StoreStats } from '../ports/store';
import type { Metrics } from './metrics';

type Field = keyof StoreStats;

const GAUGES: ReadonlyArray<{ field: Field; name: string; help: string; scale: number }> = [
  {
    field: 'sessionsOpen',
    name: 'rightsgraph_neo4j_sessions_open',
    help: 'Neo4j sessions open now, each holding a pooled connection (neo4j-driver exposes no pool figures; its pool holds at most 100).',
    scale: 1,
  },
  {
    field: 'journalBytes',
    name: 'rightsgraph_embedded_journal_bytes',
    help: 'Bytes in the embedded store\'s journal since its last snapshot; folded into a new snapshot once past 64 MiB and the snapshot\'s size.',
    scale: 1,
  },
  {
    field: 'snapshotBytes',
    name: 'rightsgraph_embedded_snapshot_bytes',
    help: 'Size of the embedded store\'s snapshot file.',
    scale: 1,
  },
  {
    field: 'lastCompactionMs',
    name: 'rightsgraph_embedded_last_compaction_timestamp_seconds',
    help: 'When the embedded store last wrote its snapshot (folded the journal into it), in seconds since the epoch.',
    scale: 1 / 1000,
  },
];

/**
 * Gauges for what the store reports about itself (Store.stats), read when /metrics is scraped so
 * nothing is spent between scrapes. Only the figures this store reports get a gauge.
 */
export function watchStoreStats(metrics: Metrics, store: Store): void {
  const stats = store.stats?.bind(store);
  if (!stats) return;
  const reported = stats();
  for (const { field, name, help, scale } of GAUGES) {
    if (reported[field] === undefined) continue;
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      collect() {
        const value = stats()[field];
        if (value !== undefined) this.set(value * scale);
      },
    });
  }
}
