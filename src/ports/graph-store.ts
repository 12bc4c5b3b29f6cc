import type { Direction, EntityKind, OrgType, RelationshipType } from '../domain/enums';
import type { DateWindow } from '../domain/date-window';
import type { CitationRecord, EntityRecord, RecordBatch, RelationshipRecord, SourceRecord } from '../domain/records';

/** Offset paging; cursors are an API concern and are encoded above the port. */
export interface PageRequest {
  readonly first: number;
  readonly offset: number;
}

export interface PageOf<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
}

export interface RelationshipFilter extends DateWindow {
  /** Empty or absent: every type. */
  readonly types?: readonly RelationshipType[] | null;
  readonly direction: Direction;
  /** Kinds of the entity at the other end; empty or absent: any. */
  readonly otherKinds?: readonly EntityKind[] | null;
}

export interface SearchRequest extends PageRequest {
  /** Raw user text; each adapter normalises it with src/search so both match alike. */
  readonly text: string;
  readonly kinds?: readonly EntityKind[] | null;
}

export enum EntityOrder {
  NAME = 'NAME',
  /** Newest first; undated last. */
  DATE_DESC = 'DATE_DESC',
}

export interface EntityListRequest extends PageRequest {
  readonly kinds?: readonly EntityKind[] | null;
  readonly country?: string | null;
  readonly orgType?: OrgType | null;
  /** Substring of the normalised name (src/search normalizeName), on both sides. */
  readonly nameContains?: string | null;
  /**
   * Date window on `date` by string order of partial dates: kept when date >= dateFrom and
   * (date <= dateTo or date starts with dateTo), so "2023-12" includes "2023-12-14". Undated
   * entities drop out when either bound is given.
   */
  readonly dateFrom?: string | null;
  readonly dateTo?: string | null;
  readonly orderBy: EntityOrder;
}

/** What `upsert` takes. */
export type GraphBatch = RecordBatch;

/**
 * The store port. Batch-first: every lookup takes many keys and answers one result per key, in key
 * order (null for a miss), so a DataLoader can sit directly on top and one GraphQL nesting level
 * costs one round trip. Results are ordered deterministically so every adapter answers alike:
 * relationships by (type, id); participants by role order, then participant name, then id;
 * citations by domain/compare's compareCitations.
 */
export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]>;
  getRelationships(ids: readonly string[]): Promise<(RelationshipRecord | null)[]>;
  getSources(ids: readonly string[]): Promise<(SourceRecord | null)[]>;
  listSources(): Promise<SourceRecord[]>;
  search(request: SearchRequest): Promise<PageOf<EntityRecord>>;
  listEntities(request: EntityListRequest): Promise<PageOf<EntityRecord>>;
  /** One page of relationships per entity id, all under the same filter. */
  relationshipsOf(
    ids: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
  ): Promise<PageOf<RelationshipRecord>[]>;
  /** Per event id, the participation relationships (see domain/participation) of those types. */
  participationsOf(
    eventIds: readonly string[],
    types: readonly RelationshipType[],
  ): Promise<RelationshipRecord[][]>;
  /**
   * Per source id, the first `first` evidence items of entities and relationships that quote it,
   * in compareCitations order; [] for a source nothing quotes, or none stored. Served by an index
   * (never a scan of every record), so its cost follows the source's own citations.
   */
  citationsOf(sourceIds: readonly string[], first: number): Promise<CitationRecord[][]>;
  /** Per source id, how many evidence items quote it (all of them, not one page's). */
  citationCounts(sourceIds: readonly string[]): Promise<number[]>;
  /** Inserts or replaces by id; idempotent. */
  upsert(batch: GraphBatch): Promise<void>;
  /** Resolves when the store answers; rejects with STORE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
