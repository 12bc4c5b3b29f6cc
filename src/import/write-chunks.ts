import type { EvidenceRecord } from '../domain/records';
import type { WriteOp } from '../ports/graph-writes';
import { boundedRuns } from './bounded-runs';

/**
 * The most one import write may carry: `bytes` is the estimated transaction memory of its ops on
 * Neo4j (writeCost), `ops` also bounds the ids of its audit entry. Neo4j caps one transaction's
 * memory (db.memory.transaction.max: 128 MiB in neo4j/), and its commit needs up to as much again
 * as the transaction state it commits: on Neo4j 5.26, states of 60-80 MiB committed and 84-90 MiB
 * failed at commit. A third of the cap leaves room for both, and for an estimate that is off.
 */
export const WRITE_LIMIT = { ops: 10_000, bytes: 40 * 1024 * 1024 } as const;

const RUN_LIMIT = { count: WRITE_LIMIT.ops, cost: WRITE_LIMIT.bytes };

/**
 * What one op adds to the transaction state, in bytes, as measured on Neo4j 5.26 with the
 * project's schema (SHOW TRANSACTIONS' estimatedUsedHeapMemory after the writes, for batches of
 * each kind with short and long texts, few and many evidence items): a node or relationship with
 * its index entries costs kilobytes before its first character, and a character of an entity
 * (its evidence lists) some twice what one of a source text or a relationship does. Each op also
 * adds its id to the write's audit entry, with a node and a relationship of its own (AuditRef, TOUCHED).
 */
const COST = {
  source: { base: 3_000, perChar: 3 },
  entity: { base: 7_000, perEvidence: 700, perChar: 7 },
  relationship: { base: 2_500, perEvidence: 250, perChar: 3 },
  auditId: 2_600,
  other: 4_000,
} as const;

export function writeCost(op: WriteOp): number {
  switch (op.op) {
    case 'putSource': {
      const s = op.source;
      return COST.auditId + COST.source.base + COST.source.perChar * chars(s.id, s.title, s.publisher, s.publishedAt, s.url, s.text);
    }
    case 'putEntity': {
      const e = op.entity;
      const text = chars(e.id, e.name, e.description, e.orgType, e.country, e.date, ...e.aliases) + evidenceChars(e.evidence);
      return COST.auditId + COST.entity.base + COST.entity.perEvidence * e.evidence.length + COST.entity.perChar * text;
    }
    case 'putRelationship': {
      const r = op.relationship;
      const text = chars(r.id, r.role, r.onBehalfOfId, r.startDate, r.endDate, r.description) + evidenceChars(r.evidence);
      return COST.auditId + COST.relationship.base + COST.relationship.perEvidence * r.evidence.length + COST.relationship.perChar * text;
    }
    default:
      return COST.auditId + COST.other;
  }
}

/**
 * Consecutive runs of ops within WRITE_LIMIT; order is kept, so each chunk refers only to what
 * precedes it. An op over the limit on its own goes alone: the store then says which limit it passed.
 */
export function writeChunks(ops: readonly WriteOp[]): WriteOp[][] {
  return boundedRuns(ops, writeCost, RUN_LIMIT);
}

function chars(...values: readonly (string | null)[]): number {
  let n = 0;
  for (const v of values) n += v?.length ?? 0;
  return n;
}

function evidenceChars(evidence: readonly EvidenceRecord[]): number {
  let n = 0;
  for (const e of evidence) n += e.sourceId.length + e.quote.length;
  return n;
}
