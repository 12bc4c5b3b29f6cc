import type { GraphBatch } from '../ports/graph-store';
import type { WriteOp } from '../ports/graph-writes';
import type { LineProblem, LocatedLine } from '../records/record-lines';
import type { ExistingRecords } from './fetch-existing';
import { sameRecord } from './same-record';

export interface KindCounts {
  readonly sources: number;
  readonly entities: number;
  readonly relationships: number;
}

export interface ImportPlan {
  /** Sources, then entities, then relationships, so every op refers only to what precedes it. */
  readonly ops: WriteOp[];
  /** The ops that replace a record the store already holds (the others add one). */
  readonly replacing: ReadonlySet<WriteOp>;
  readonly added: KindCounts;
  readonly changed: KindCounts;
  readonly unchanged: number;
}

/** Only what is new or different from the store is written, so re-importing a file writes nothing. */
export function planImport(batch: GraphBatch, existing: ExistingRecords): ImportPlan {
  const ops: WriteOp[] = [];
  const replacing = new Set<WriteOp>();
  let unchanged = 0;
  const added = { sources: 0, entities: 0, relationships: 0 };
  const changed = { sources: 0, entities: 0, relationships: 0 };
  const put = (kind: keyof KindCounts, before: unknown, after: unknown, op: WriteOp): void => {
    if (before === undefined) added[kind]++;
    else if (sameRecord(before, after)) {
      unchanged++;
      return;
    } else {
      changed[kind]++;
      replacing.add(op);
    }
    ops.push(op);
  };
  for (const source of batch.sources) put('sources', existing.sources.get(source.id), source, { op: 'putSource', source });
  for (const entity of batch.entities) put('entities', existing.entities.get(entity.id), entity, { op: 'putEntity', entity });
  for (const relationship of batch.relationships) {
    put('relationships', existing.relationships.get(relationship.id), relationship, { op: 'putRelationship', relationship });
  }
  return { ops, replacing, added, changed, unchanged };
}

/**
 * An existing source keeps its text: the quotes of records already in the store were checked
 * against it, and replacing it could leave them quoting words the source no longer holds.
 */
export function sourceTextConflicts(
  lines: readonly LocatedLine[],
  texts: ReadonlyMap<string, string>,
  existing: ExistingRecords,
): LineProblem[] {
  const problems: LineProblem[] = [];
  for (const l of lines) {
    if (l.value.record !== 'source') continue;
    const stored = existing.sources.get(l.value.id);
    const text = texts.get(l.value.id);
    if (stored && text !== undefined && stored.text !== text) {
      problems.push({
        file: l.file,
        lineNo: l.lineNo,
        recordId: l.value.id,
        message:
          `source "${l.value.id}" already exists with a different text; existing quotes were checked against ` +
          'that text, so an import does not replace it (give the new text a new source id)',
      });
    }
  }
  return problems;
}
