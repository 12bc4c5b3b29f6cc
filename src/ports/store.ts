import type { GraphStore } from './graph-store';
import type { GraphWrites } from './graph-writes';
import type { ReviewQueue } from './review-queue';
import type { GraphTraversals } from './traversals';

/** What the API needs from a store: reads, traversals, writes and the review queue, from one adapter. */
export type Store = GraphStore & GraphTraversals & GraphWrites & ReviewQueue;
