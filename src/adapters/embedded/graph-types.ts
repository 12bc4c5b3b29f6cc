import type { MultiDirectedGraph } from 'graphology';
import type { EntityRecord, RelationshipRecord } from '../../domain/records';
import type { SearchDoc } from '../../search/search-doc';

export interface NodeAttributes {
  readonly record: EntityRecord;
  /** Normalised once at write time, so a search only compares. */
  readonly searchDoc: SearchDoc;
}

export interface EdgeAttributes {
  readonly record: RelationshipRecord;
}

/** Nodes keyed by entity id, edges keyed by relationship id. */
export type Graph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
