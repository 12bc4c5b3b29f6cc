import type { GraphStore } from '../src/ports/graph-store';
import type { GraphTraversals } from '../src/ports/traversals';

/** What the bench needs of a store: reads and traversals, not the write port. */
export type TraversalStore = GraphStore & GraphTraversals;
