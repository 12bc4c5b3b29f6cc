import type { StoredView } from '../../ports/graph-writes';
import type { GraphState } from './graph-state';

/** The in-memory state as the shared write check (WriteCheck) reads it. */
export function storedView(state: GraphState): StoredView {
  return {
    entityExists: (id) => state.graph.hasNode(id),
    relationship: (id) => state.relationship(id),
    relationshipIdsTouching: (entityId) => state.relationshipIdsTouching(entityId),
    changeLogged: (id) => state.audit.has(id),
    stored: (kind, id) => (kind === 'entity' ? state.entity(id) : kind === 'relationship' ? state.relationship(id) : (state.sources.get(id) ?? null)),
  };
}
