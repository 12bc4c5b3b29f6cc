import type { GraphStore } from '../ports/graph-store';
import type { GraphWrites, StoredRecord, WriteExpectation, WriteOp } from '../ports/graph-writes';
import type { ReviewQueue } from '../ports/review-queue';

type Store = GraphStore & GraphWrites & Partial<ReviewQueue>;
type Recorded = 'getEntities' | 'getRelationships' | 'getSources' | 'relationshipsTouching' | 'getIngestions' | 'getProposals';

/**
 * The store as one edit sees it: every record the edit reads by id (found or not) is remembered,
 * so its write can carry them as expectations and fail with CONFLICT when another writer, maybe
 * in another API process, changed one of them in between. Recording at the store boundary, not
 * in each edit, means no read an edit bases its write on can be forgotten.
 */
export class RecordingStore {
  private readonly seen = new Map<string, WriteExpectation>();
  /** The store itself, with the reads by id recorded and everything else passed through. */
  readonly store: Store;

  constructor(inner: Store) {
    const recorded: Pick<Store, Recorded> = {
      getEntities: async (ids) => this.remember('entity', ids, await inner.getEntities(ids)),
      getRelationships: async (ids) => this.remember('relationship', ids, await inner.getRelationships(ids)),
      getSources: async (ids) => this.remember('source', ids, await inner.getSources(ids)),
      relationshipsTouching: async (ids) => {
        const found = await inner.relationshipsTouching(ids);
        this.remember('relationship', found.map((r) => r.id), found);
        return found;
      },
      // The review queue's reads, where the store has one (an editor's store may not).
      ...(inner.getIngestions && {
        getIngestions: async (ids: readonly string[]) => this.remember('ingestion', ids, await inner.getIngestions!(ids)),
      }),
      ...(inner.getProposals && {
        getProposals: async (ids: readonly string[]) => this.remember('proposal', ids, await inner.getProposals!(ids)),
      }),
    };
    this.store = new Proxy(inner, {
      get(target, property, receiver) {
        if (Object.hasOwn(recorded, property)) return recorded[property as keyof typeof recorded];
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** What the edit read, first reading of each record: what its write may assume. */
  expectations(): WriteExpectation[] {
    return [...this.seen.values()];
  }

  /**
   * Only the records `ops` write, as they were read: for a long read split into several writes
   * (an import), each write carries the expectations of its own records.
   */
  expectationsFor(ops: readonly WriteOp[]): WriteExpectation[] {
    const keys = new Set<string>();
    for (const op of ops) for (const key of keysOf(op)) keys.add(key);
    return [...keys].flatMap((key) => this.seen.get(key) ?? []);
  }

  private remember<T extends StoredRecord>(
    kind: WriteExpectation['kind'],
    ids: readonly string[],
    records: readonly (T | null)[],
  ): (T | null)[] {
    ids.forEach((id, i) => {
      const key = `${kind}:${id}`;
      if (!this.seen.has(key)) this.seen.set(key, { kind, id, record: records[i] ?? null } as WriteExpectation);
    });
    return [...records];
  }
}

function keysOf(op: WriteOp): string[] {
  switch (op.op) {
    case 'putSource':
      return [`source:${op.source.id}`];
    case 'putEntity':
      return [`entity:${op.entity.id}`];
    case 'deleteEntity':
      return [`entity:${op.id}`];
    // Not its ends: they need only exist, which the write check sees for itself (and an earlier
    // part of the same import may have created them since they were read).
    case 'putRelationship':
      return [`relationship:${op.relationship.id}`];
    case 'deleteRelationship':
      return [`relationship:${op.id}`];
    case 'putIngestion':
      return [`ingestion:${op.ingestion.id}`];
    case 'putProposal':
      return [`proposal:${op.proposal.id}`];
    default: {
      const never: never = op;
      throw new Error(`unknown write op ${JSON.stringify(never)}`);
    }
  }
}
