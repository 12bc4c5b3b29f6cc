import type { ChangeRecord } from '../domain/change';
import type { RelationshipRecord, SourceRecord, EntityRecord } from '../domain/records';
import type { IngestionRecord, ProposalRecord } from '../domain/review';
import type { PageOf, PageRequest } from './graph-store';

/**
 * One step of a write. Puts insert or replace by id (a relationship whose ends changed moves);
 * deleting an entity that still has relationships, or putting a relationship whose ends or
 * onBehalfOf do not exist, fails the whole write with BAD_USER_INPUT.
 */
export type WriteOp =
  | { readonly op: 'putSource'; readonly source: SourceRecord }
  | { readonly op: 'putEntity'; readonly entity: EntityRecord }
  | { readonly op: 'deleteEntity'; readonly id: string }
  | { readonly op: 'putRelationship'; readonly relationship: RelationshipRecord }
  | { readonly op: 'deleteRelationship'; readonly id: string }
  /** The review queue (ports/review-queue): a proposal's ingestion must exist or be put earlier in the write. */
  | { readonly op: 'putIngestion'; readonly ingestion: IngestionRecord }
  | { readonly op: 'putProposal'; readonly proposal: ProposalRecord };

/**
 * What a write assumes of the stored state: a record as its writer read it, or null for an id the
 * writer found free. When one no longer holds at the moment of writing (another writer, maybe in
 * another process, came first), the write fails whole with CONFLICT, so no edit silently
 * overwrites a change it never saw.
 */
export type WriteExpectation =
  | { readonly kind: 'entity'; readonly id: string; readonly record: EntityRecord | null }
  | { readonly kind: 'relationship'; readonly id: string; readonly record: RelationshipRecord | null }
  | { readonly kind: 'source'; readonly id: string; readonly record: SourceRecord | null }
  | { readonly kind: 'ingestion'; readonly id: string; readonly record: IngestionRecord | null }
  | { readonly kind: 'proposal'; readonly id: string; readonly record: ProposalRecord | null };

export interface ChangeQuery extends PageRequest {
  /** Changes whose ids include this one. */
  readonly entityId?: string | null;
  /** ISO timestamp; changes at or after it. */
  readonly since?: string | null;
}

/** Most relationships a merge or cascade may touch in one write. */
export const MAX_RELATIONSHIPS_PER_WRITE = 10_000;

/**
 * The write port. `write` is the only way data changes after loading: all its ops and audit
 * entries take effect together or not at all, and it resolves only once the change is durable
 * (on disk for the embedded store, committed for Neo4j).
 */
export interface GraphWrites {
  /** Writers of one store, even in several processes, are checked and applied one at a time. */
  write(ops: readonly WriteOp[], changes: readonly ChangeRecord[], expected?: readonly WriteExpectation[]): Promise<void>;
  /** Audit entries, oldest first. */
  changes(query: ChangeQuery): Promise<PageOf<ChangeRecord>>;
  /**
   * Every relationship that touches one of `ids` as an end or as onBehalfOf, ordered by id, at
   * most MAX_RELATIONSHIPS_PER_WRITE + 1 (so a caller can tell it was cut).
   */
  relationshipsTouching(ids: readonly string[]): Promise<RelationshipRecord[]>;
}

/** Any record an expectation can be about. */
export type StoredRecord = EntityRecord | RelationshipRecord | SourceRecord | IngestionRecord | ProposalRecord;

/** What the check needs to know of a relationship. */
export interface RelationshipRefs {
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  readonly onBehalfOfId: string | null;
}

/** The stored state a write is checked against, as each adapter can answer it. */
export interface StoredView {
  entityExists(id: string): boolean;
  relationship(id: string): RelationshipRefs | null;
  /** Stored relationships touching the entity (end or onBehalfOf); only asked for deleted entities. */
  relationshipIdsTouching(entityId: string): Iterable<string>;
  changeLogged(id: string): boolean;
  /** The stored record of each expectation's kind and id (only asked for those). */
  stored(kind: WriteExpectation['kind'], id: string): StoredRecord | null;
  /** Asked only for the ingestions of put proposals. */
  ingestionExists(id: string): boolean;
}

/**
 * The rules every write must pass before anything of it is applied (src/editing/write-check.ts):
 * the ops simulated in order over `view`, and the expectations compared. Throws the refusal.
 */
export type WriteCheck = (
  view: StoredView,
  ops: readonly WriteOp[],
  changes: readonly ChangeRecord[],
  expected?: readonly WriteExpectation[],
) => void;
