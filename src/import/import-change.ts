import { ChangeOperation, Role, type ChangeRecord } from '../domain/change';
import type { WriteOp } from '../ports/graph-writes';
import { changeRecord } from '../editing/change-log';
import type { KindCounts } from './import-plan';

export interface ImportChangeContext {
  readonly at: Date;
  readonly actor: string;
  /** The file's name, without its folder. */
  readonly file: string;
  /** `2/5` when the import was split into several writes. */
  readonly part: string | null;
}

/**
 * The audit entry of one import write: every id written, with counts rather than whole records
 * before and after, so a large import does not copy itself (source texts included) into the log.
 */
export function importChange(ops: readonly WriteOp[], replacing: ReadonlySet<WriteOp>, context: ImportChangeContext): ChangeRecord {
  const ids: string[] = [];
  const added = { sources: 0, entities: 0, relationships: 0 };
  const replaced = { sources: 0, entities: 0, relationships: 0 };
  for (const op of ops) {
    const [kind, id] = target(op);
    ids.push(id);
    (replacing.has(op) ? replaced : added)[kind]++;
  }
  const { at, actor, file, part } = context;
  // Only the actor's name is recorded; the role is not part of an audit entry.
  return changeRecord({ name: actor, role: Role.ADMIN }, at, {
    operation: ChangeOperation.IMPORT,
    ids,
    before: { replaced },
    after: { file, ...(part ? { part } : {}), added, replaced },
  });
}

/** The kind and id an import op writes. */
export function target(op: WriteOp): [keyof KindCounts, string] {
  switch (op.op) {
    case 'putSource':
      return ['sources', op.source.id];
    case 'putEntity':
      return ['entities', op.entity.id];
    case 'putRelationship':
      return ['relationships', op.relationship.id];
    case 'deleteEntity':
    case 'deleteRelationship':
      throw new Error(`an import never deletes (${op.op} ${op.id})`);
    case 'putIngestion':
    case 'putProposal':
      throw new Error(`an import never files for review (${op.op})`);
    default: {
      const never: never = op;
      throw new Error(`unknown write op ${JSON.stringify(never)}`);
    }
  }
}
