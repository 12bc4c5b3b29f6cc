import type { StoredView } from '../../ports/graph-writes';
import type { GraphState } from './graph-state';

/** The in-memory state as the shared write check (WriteCheck) reads it. */
export function storedView(state: GraphState): StoredView {
  return {
    entityExists: (id) => state.graph.hasNode(id),
    relationship: (id) => state.relationship(id),
    relationshipIdsTouching: (entityId) => state.relationshipIdsTouching(entityId),
    changeLogged: (id) => state.audit.has(id),
    stored: (kind, id) => {
      switch (kind) {
        case 'entity':
          return state.entity(id);
        case 'relationship':
          return state.relationship(id);
        case 'source':
          return state.sources.get(id) ?? null;
        case 'ingestion':
          return state.review.ingestions.get(id) ?? null;
        case 'proposal':
          return state.review.proposals.get(id) ?? null;
        default: {
          const never: never = kind;
          throw new Error(`unknown record kind ${String(never)}`);
        }
      }
    },
    ingestionExists: (id) => state.review.ingestions.has(id),
  };
}
