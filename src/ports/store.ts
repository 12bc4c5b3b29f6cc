import type { GraphStore } from './graph-store';
import type { GraphWrites } from './graph-writes';
import type { ReviewQueue } from './review-queue';
import type { GraphTraversals } from './traversals';
import type { PlannedReads } from './read-plan';
import type { Bounded } from './deadline';

/**
 * Figures an adapter knows about itself, read when /metrics is scraped. Each adapter fills in
 * the ones that apply to it; a field it leaves out is not exported.
 */
export interface StoreStats {
  /** Neo4j: sessions open now, each holding a pooled connection (the driver exposes no pool figures). */
  readonly sessionsOpen?: number;
  /** Embedded, on disk: bytes in the journal since the last snapshot. */
  readonly journalBytes?: number;
  /** Embedded, on disk: size of the snapshot file. */
  readonly snapshotBytes?: number;
  /** Embedded, on disk: when the snapshot was last written (the journal folded into it), ms since the epoch. */
  readonly lastCompactionMs?: number;
}

/** Optional on every store: a wrapper or a test store may leave it out. */
export interface StoreStatsSource {
  stats?(): StoreStats;
}

/** What the API needs from a store: reads, traversals, writes and the review queue, from one adapter. */
export type Store = GraphStore & PlannedReads & GraphTraversals & GraphWrites & ReviewQueue & StoreStatsSource & Bounded<Store>;
