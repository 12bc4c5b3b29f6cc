import type { EntityRecord } from '../domain/records';

/** Fields of an entity an update may set; undefined leaves a field alone, null clears it. */
export interface EntityChanges {
  readonly name?: string | null;
  readonly aliases?: readonly string[] | null;
  readonly orgType?: EntityRecord['orgType'];
  readonly country?: string | null;
  readonly date?: string | null;
  readonly description?: string | null;
}

/** Fields of a relationship an update may set; its type and ends are what it is, so they stay. */
export interface RelationshipChanges {
  readonly role?: string | null;
  readonly onBehalfOfId?: string | null;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly description?: string | null;
}

export interface CreatedEntity {
  readonly entity: EntityRecord;
  /** Existing entities of the same kind that already bear one of its names. */
  readonly possibleDuplicates: readonly EntityRecord[];
}

export interface DeletedEntity {
  readonly entity: EntityRecord;
  readonly removedRelationshipIds: readonly string[];
}

export type EvidenceTarget = { readonly kind: 'entity'; readonly id: string } | { readonly kind: 'relationship'; readonly id: string };
