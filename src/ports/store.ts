import type { GraphStore } from './graph-store';
import type { GraphWrites } from './graph-writes';
import type { GraphTraversals } from './traversals';

/** What the API needs from a store: reads, traversals and writes, from one adapter. */
export type Store = GraphStore & GraphTraversals & GraphWrites;
