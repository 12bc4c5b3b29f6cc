import { EntityKind, RelationshipType } from '../../domain/enums';

/**
 * The only source of labels and relationship types in Cypher. Cypher cannot take a label or a
 * type as a parameter, so they are spliced into query text; taking them from these exhaustive
 * maps (never from input) is what keeps that splicing safe.
 */

export const ENTITY_LABEL = 'Entity';
export const SOURCE_LABEL = 'Source';
/** Audit entries (ports/graph-writes ChangeRecord); not part of the knowledge graph itself. */
export const CHANGE_LABEL = 'Change';
/**
 * `(:Change)-[:TOUCHED]->(:AuditRef {id})`: one node per id an audit entry names, so the entries
 * about an id are found through an index rather than by scanning every entry's id list.
 */
export const AUDIT_REF_LABEL = 'AuditRef';
export const TOUCHED_TYPE = 'TOUCHED';
/** The review queue (ports/review-queue): one node per ingestion and per proposal, no relationships. */
export const INGESTION_LABEL = 'Ingestion';
export const PROPOSAL_LABEL = 'Proposal';
/** One node that every checked write locks first, so writers in several processes take turns. */
export const WRITE_LOCK_LABEL = 'WriteLock';
/** One node recording which schema version the database was last migrated to (./migrate). */
export const SCHEMA_VERSION_LABEL = 'SchemaVersion';

export const KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  [EntityKind.PERSON]: 'Person',
  [EntityKind.ORGANIZATION]: 'Organization',
  [EntityKind.EVENT]: 'Event',
  [EntityKind.LAW]: 'Law',
  [EntityKind.TOPIC]: 'Topic',
  [EntityKind.DOCUMENT]: 'Document',
};

export const RELATIONSHIP_TYPE_NAMES: Readonly<Record<RelationshipType, string>> = {
  [RelationshipType.CHAIRED]: 'CHAIRED',
  [RelationshipType.SPOKE_AT]: 'SPOKE_AT',
  [RelationshipType.ATTENDED]: 'ATTENDED',
  [RelationshipType.HOSTED]: 'HOSTED',
  [RelationshipType.OBSERVES]: 'OBSERVES',
  [RelationshipType.HOLDS_POSITION]: 'HOLDS_POSITION',
  [RelationshipType.MEMBER_OF]: 'MEMBER_OF',
  [RelationshipType.PART_OF]: 'PART_OF',
  [RelationshipType.ESTABLISHED]: 'ESTABLISHED',
  [RelationshipType.REFERENCED]: 'REFERENCED',
  [RelationshipType.PROPOSED]: 'PROPOSED',
  [RelationshipType.APPROVED]: 'APPROVED',
  [RelationshipType.DISCUSSED]: 'DISCUSSED',
};

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

// A belt to the braces above: a future edit that puts anything but a plain identifier here fails
// at module load instead of reaching a query.
for (const name of [ENTITY_LABEL, SOURCE_LABEL, CHANGE_LABEL, INGESTION_LABEL, PROPOSAL_LABEL, AUDIT_REF_LABEL, TOUCHED_TYPE, WRITE_LOCK_LABEL, SCHEMA_VERSION_LABEL, ...Object.values(KIND_LABELS), ...Object.values(RELATIONSHIP_TYPE_NAMES)]) {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe Cypher identifier: ${name}`);
}

const REVERSE_TYPES: ReadonlyMap<string, RelationshipType> = new Map(
  (Object.entries(RELATIONSHIP_TYPE_NAMES) as [RelationshipType, string][]).map(([t, n]) => [n, t]),
);

/** The stored relationship type back to the enum; null for a type this code does not know. */
export function relationshipTypeOf(name: string): RelationshipType | null {
  return REVERSE_TYPES.get(name) ?? null;
}
