import { DomainError, ErrorCode } from '../../domain/errors';
import { locateEvidence, type UnlocatedEvidence } from '../../domain/quote-span';
import type { EvidenceRecord } from '../../domain/records';
import type { WriteOp } from '../../ports/graph-writes';

/**
 * Data directories written before evidence had offsets (a version 1 snapshot, and journal lines
 * written after it) hold evidence without start/end. Loading gives it them, once: each quote's
 * first occurrence in its source's stored text, as new evidence gets them (domain/quote-span).
 * Opening then writes a new snapshot, which carries them.
 */

export type TextOf = (sourceId: string) => string | undefined;

/** The record with offsets on every evidence item; the same object when none lacked them. */
export function withEvidenceOffsets<T extends { readonly id: string; readonly evidence: readonly EvidenceRecord[] }>(
  record: T,
  textOf: TextOf,
  where: string,
): T {
  const evidence = record.evidence as readonly UnlocatedEvidence[];
  if (evidence.every((e) => e.start !== undefined && e.end !== undefined)) return record;
  return {
    ...record,
    evidence: evidence.map((e, i) => {
      const located = locateEvidence(e, textOf(e.sourceId));
      if (located === null) {
        throw new DomainError(
          ErrorCode.INVALID_DATA,
          `${where}: "${record.id}" evidence[${i}] quotes words that source "${e.sourceId}" does not hold, so its offsets ` +
            'cannot be set; the store will not open',
        );
      }
      return located;
    }),
  };
}

/** A journal entry's ops with offsets, a source put earlier in the same entry counting as stored. */
export function opsWithEvidenceOffsets(ops: readonly WriteOp[], storedText: TextOf, where: string): readonly WriteOp[] {
  const put = new Map<string, string>();
  const textOf: TextOf = (id) => put.get(id) ?? storedText(id);
  let changed = false;
  const upgraded = ops.map((op): WriteOp => {
    switch (op.op) {
      case 'putSource':
        put.set(op.source.id, op.source.text);
        return op;
      case 'putEntity': {
        const entity = withEvidenceOffsets(op.entity, textOf, where);
        changed ||= entity !== op.entity;
        return entity === op.entity ? op : { ...op, entity };
      }
      case 'putRelationship': {
        const relationship = withEvidenceOffsets(op.relationship, textOf, where);
        changed ||= relationship !== op.relationship;
        return relationship === op.relationship ? op : { ...op, relationship };
      }
      default:
        return op;
    }
  });
  return changed ? upgraded : ops;
}
