import type { RelationshipType } from '../domain/enums';
import type { EntityRecord, RelationshipRecord } from '../domain/records';
import type { PageOf, PageRequest, RelationshipFilter } from './graph-store';

/**
 * What a query will read below some entities, so that a store can fetch it in the same round trip
 * as the entities themselves. The API builds one from a selection set (graphql/lookahead): a
 * request for an event, its participants and their relationships then costs one round trip
 * instead of one per nesting level, and the resolvers still read everything through the loaders,
 * which the answer primes. Each part asks exactly what the port method of the same name answers,
 * so a plan never changes an answer, only when it is fetched.
 */
export interface ReadPlan {
  /** participationsOf(entity, types), and when `ends` is given the participants and the bodies they acted for. */
  readonly participations: PlannedParticipations | null;
  /** relationshipsOf(entity, filter, page), and when `ends` is given the entities at the other end (and onBehalfOf). */
  readonly relationships: PlannedRelationships | null;
}

export interface PlannedParticipations {
  readonly types: readonly RelationshipType[];
  /** What to read below the participants; null: not even their records. */
  readonly ends: ReadPlan | null;
}

export interface PlannedRelationships {
  readonly filter: RelationshipFilter;
  readonly page: PageRequest;
  /** What to read below the entities at the other end; null: not even their records. */
  readonly ends: ReadPlan | null;
}

/** Optional fields of the records; id, kind, name (entities) and id, type, ends (relationships) always come. */
export type EntityField = 'aliases' | 'description' | 'orgType' | 'country' | 'date' | 'evidence';
export type RelationshipField = 'role' | 'onBehalfOfId' | 'startDate' | 'endDate' | 'description' | 'evidence';

/**
 * Which optional fields a planned read fills; the others come back empty (null, []). Evidence and
 * descriptions are most of a record's bytes, and a page that shows names and roles need not carry
 * them: the API asks for fewer only when it knows no resolver of the request will read the rest.
 */
export interface RecordFields {
  readonly entity: readonly EntityField[];
  /** Without 'onBehalfOfId', the bodies acted for are not read either. */
  readonly relationship: readonly RelationshipField[];
  /** Whether relationship pages are counted; when not, their totalCount is NOT_COUNTED. */
  readonly counts: boolean;
}

/** The totalCount of a page read without counting; never shown, since nothing asked for it. */
export const NOT_COUNTED = -1;

export const ALL_RECORD_FIELDS: RecordFields = Object.freeze<RecordFields>({
  entity: ['aliases', 'description', 'orgType', 'country', 'date', 'evidence'],
  relationship: ['role', 'onBehalfOfId', 'startDate', 'endDate', 'description', 'evidence'],
  counts: true,
});

const EMPTY_ENTITY_FIELDS: Pick<EntityRecord, EntityField> = {
  aliases: [],
  description: null,
  orgType: null,
  country: null,
  date: null,
  evidence: [],
};

const EMPTY_RELATIONSHIP_FIELDS: Pick<RelationshipRecord, RelationshipField> = {
  role: null,
  onBehalfOfId: null,
  startDate: null,
  endDate: null,
  description: null,
  evidence: [],
};

/** The record as a read of only `fields` gives it. */
export function projectEntity(e: EntityRecord, fields: readonly EntityField[]): EntityRecord {
  const out: Record<string, unknown> = { ...e, ...EMPTY_ENTITY_FIELDS };
  for (const f of fields) out[f] = e[f];
  return out as unknown as EntityRecord;
}

export function projectRelationship(r: RelationshipRecord, fields: readonly RelationshipField[]): RelationshipRecord {
  const out: Record<string, unknown> = { ...r, ...EMPTY_RELATIONSHIP_FIELDS };
  for (const f of fields) out[f] = r[f];
  return out as unknown as RelationshipRecord;
}

/** Read the entities' records and nothing below them. */
export const RECORDS_ONLY: ReadPlan = Object.freeze({ participations: null, relationships: null });

/** How many levels below the entities asked for a plan may reach; deeper reads go level by level. */
export const MAX_PLAN_DEPTH = 3;

/** Everything one planned read found, for the loaders to keep. */
export interface PlannedRead {
  /** Per id asked, in order: its entity, or null. */
  readonly roots: (EntityRecord | null)[];
  /** The entities read at the ends, at any level (roots not repeated). */
  readonly entities: readonly EntityRecord[];
  readonly participations: readonly PlannedParticipationsResult[];
  readonly relationshipPages: readonly PlannedRelationshipsResult[];
}

export interface PlannedParticipationsResult {
  readonly eventId: string;
  readonly types: readonly RelationshipType[];
  readonly rows: RelationshipRecord[];
}

export interface PlannedRelationshipsResult {
  readonly id: string;
  readonly filter: RelationshipFilter;
  readonly page: PageRequest;
  readonly result: PageOf<RelationshipRecord>;
}

/** The port: implemented by both adapters. */
export interface PlannedReads {
  /**
   * getEntities, plus what `plan` names below them, in one round trip: every participation list
   * and relationship page in the answer equals what participationsOf and relationshipsOf answer
   * for the same arguments, with only `fields` filled (all by default) in every record it holds.
   */
  readPlanned(ids: readonly string[], plan: ReadPlan, fields?: RecordFields): Promise<PlannedRead>;
}

/** How deep a plan reaches: 0 for RECORDS_ONLY. */
export function planDepth(plan: ReadPlan | null): number {
  if (plan === null) return 0;
  const below = (ends: ReadPlan | null): number => 1 + (ends === null ? 0 : planDepth(ends));
  return Math.max(
    plan.participations ? below(plan.participations.ends) : 0,
    plan.relationships ? below(plan.relationships.ends) : 0,
  );
}
