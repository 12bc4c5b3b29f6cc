import type { ManagedTransaction } from 'neo4j-driver';
import type { ChangeRecord } from '../../domain/change';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import type { IngestionRecord, ProposalRecord } from '../../domain/review';
import { MAX_RELATIONSHIPS_PER_WRITE, type WriteCheck, type WriteExpectation, type WriteOp } from '../../ports/graph-writes';
import { changeToRow } from './audit';
import { unlessWorthRetrying } from './errors';
import { int, run, type Neo4jRunner } from './driver';
import { relationshipFromRow, type RelationshipRow } from './mapping';
import { writeBatch } from './upsert';
import { DELETE_RELATIONSHIPS } from './upsert-cypher';
import { putReview } from './review';
import { readStoredView } from './stored-view';
import * as W from './write-cypher';

interface PutStep {
  readonly kind: 'put';
  readonly sources: SourceRecord[];
  readonly entities: EntityRecord[];
  readonly relationships: RelationshipRecord[];
  readonly ingestions: IngestionRecord[];
  readonly proposals: ProposalRecord[];
}

interface DeleteStep {
  readonly kind: 'deleteEntity' | 'deleteRelationship';
  readonly ids: string[];
}

/** Consecutive ops of one kind, applied with one set of statements. */
type Step = PutStep | DeleteStep;

/**
 * One transaction: take the write lock (W.TAKE_WRITE_LOCK), check the batch and its expectations
 * against the stored state, apply its ops in order, log its changes. A refusal is a DomainError
 * thrown inside the transaction, which rolls it back; the driver retries only its own transient
 * errors (not a statement's memory refusal, thrown as STORE_LIMIT at once), and the runner passes
 * DomainErrors through.
 */
export async function writeOps(
  runner: Neo4jRunner,
  check: WriteCheck,
  ops: readonly WriteOp[],
  changes: readonly ChangeRecord[],
  expected: readonly WriteExpectation[],
): Promise<void> {
  if (ops.length === 0 && changes.length === 0 && expected.length === 0) return;
  await runner.write('write', async (tx) => {
    try {
      await run(tx, W.TAKE_WRITE_LOCK);
      check(await readStoredView(tx, ops, changes, expected), ops, changes, expected);
      for (const step of steps(ops)) await apply(tx, step);
      if (changes.length > 0) await run(tx, W.CREATE_CHANGES, { rows: changes.map(changeToRow) });
    } catch (e) {
      throw unlessWorthRetrying(e);
    }
  });
}

export async function relationshipsTouching(runner: Neo4jRunner, ids: readonly string[]): Promise<RelationshipRecord[]> {
  if (ids.length === 0) return [];
  const records = await runner.read('relationshipsTouching', (tx) =>
    run(tx, W.RELATIONSHIPS_TOUCHING, { ids: [...new Set(ids)], cap: int(MAX_RELATIONSHIPS_PER_WRITE + 1) }),
  );
  return records.map((r) => relationshipFromRow(r.get('row') as RelationshipRow));
}

async function apply(tx: ManagedTransaction, step: Step): Promise<void> {
  switch (step.kind) {
    case 'put':
      // upsert's order (sources, entities, relationships) is safe within a run of puts: the check
      // has shown every relationship's entities exist by the time it is put.
      await writeBatch(tx, step);
      return putReview(tx, step.ingestions, step.proposals);
    case 'deleteEntity':
      await run(tx, W.DELETE_ENTITIES, { ids: step.ids });
      return;
    case 'deleteRelationship':
      await run(tx, DELETE_RELATIONSHIPS, { ids: step.ids });
      return;
    default: {
      const never: never = step;
      throw new Error(`unknown write step ${JSON.stringify(never)}`);
    }
  }
}

/** Groups consecutive ops of one kind; order between groups is kept, so a delete then a put of one id stays so. */
function steps(ops: readonly WriteOp[]): Step[] {
  const out: Step[] = [];
  const put = (): PutStep => {
    const last = out[out.length - 1];
    if (last?.kind === 'put') return last;
    const step: PutStep = { kind: 'put', sources: [], entities: [], relationships: [], ingestions: [], proposals: [] };
    out.push(step);
    return step;
  };
  const remove = (kind: DeleteStep['kind'], id: string): void => {
    const last = out[out.length - 1];
    if (last !== undefined && last.kind !== 'put' && last.kind === kind) last.ids.push(id);
    else out.push({ kind, ids: [id] });
  };
  for (const op of ops) {
    switch (op.op) {
      case 'putSource':
        put().sources.push(op.source);
        break;
      case 'putEntity':
        put().entities.push(op.entity);
        break;
      case 'putRelationship':
        put().relationships.push(op.relationship);
        break;
      case 'putIngestion':
        put().ingestions.push(op.ingestion);
        break;
      case 'putProposal':
        put().proposals.push(op.proposal);
        break;
      case 'deleteEntity':
      case 'deleteRelationship':
        remove(op.op, op.id);
        break;
      default: {
        const never: never = op;
        throw new Error(`unknown write op ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}
