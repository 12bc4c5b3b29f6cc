import type { MultiDirectedGraph } from 'graphology';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';

/**
 * Nodes keyed by entity id, edges keyed by relationship id. The records themselves are the
 * attributes (graphology keeps the object it is given): no wrapper per node or edge, which at a
 * million relationships is the difference between loading in seconds and in tens of seconds.
 * Records are immutable; nothing here calls graphology's attribute setters.
 */
export type Graph = MultiDirectedGraph<EntityRecord & Record<string, unknown>, RelationshipRecord & Record<string, unknown>>;
