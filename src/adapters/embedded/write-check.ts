import type { ChangeRecord } from '../../domain/change';
import type { WriteExpectation, WriteOp } from '../../ports/graph-writes';
import { checkWrite as check } from '../../editing/write-check';
import type { GraphState } from './graph-state';

/** The shared write check (../write-simulation) over the in-memory state. */
export function checkWrite(
  state: GraphState,
  ops: readonly WriteOp[],
  changes: readonly ChangeRecord[],
  expected: readonly WriteExpectation[] = [],
): void {
  check(
    {
      entityExists: (id) => state.graph.hasNode(id),
      relationship: (id) => state.relationship(id),
      relationshipIdsTouching: (entityId) => state.relationshipIdsTouching(entityId),
      changeLogged: (id) => state.audit.has(id),
      stored: (kind, id) => (kind === 'entity' ? state.entity(id) : kind === 'relationship' ? state.relationship(id) : (state.sources.get(id) ?? null)),
    },
    ops,
    changes,
    expected,
  );
}
