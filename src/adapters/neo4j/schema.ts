import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../../domain/enums';
import {
  CITATION_ANALYZER,
  CREATE_ENTITY_CITATION_INDEX,
  CREATE_RELATIONSHIP_CITATION_INDEX,
  ENTITY_CITATION_INDEX,
  RELATIONSHIP_CITATION_INDEX,
} from './citation-cypher';
import { FULLTEXT_INDEX } from './cypher';
import {
  AUDIT_REF_LABEL,
  CHANGE_LABEL,
  ENTITY_LABEL,
  INGESTION_LABEL,
  KIND_LABELS,
  PROPOSAL_LABEL,
  RELATIONSHIP_TYPE_NAMES,
  SCHEMA_VERSION_LABEL,
  SOURCE_LABEL,
  WRITE_LOCK_LABEL,
} from './labels';

/**
 * The schema statements migrate() runs, one transaction each. All are `IF NOT EXISTS`, so running
 * them again is a no-op; names derive from the label maps, so a new kind or type gets its own.
 */

const snake = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

const uniqueNodeId = (label: string): string =>
  `CREATE CONSTRAINT ${snake(label)}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`;

/** Relationship uniqueness constraints exist since 5.7 and, unlike key constraints, in Community. */
const uniqueRelationshipId = (type: string): string =>
  `CREATE CONSTRAINT ${type.toLowerCase()}_id_unique IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`;

/** onBehalfOfId is a property, not an end: without this, finding what refers to an entity scans every relationship. */
const onBehalfOfIndex = (type: string): string =>
  `CREATE INDEX ${type.toLowerCase()}_on_behalf_of IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.onBehalfOfId)`;

const entityRangeIndex = (property: string): string =>
  `CREATE INDEX entity_${snake(property)} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.${property})`;

/**
 * searchText holds tokens already normalised by src/search, so the index must only split on
 * spaces: any other analyzer would stem, fold or drop stopwords and break the prefix equivalence
 * with the scorer. Not eventually consistent, so a search right after upsert sees the write.
 */
export const FULLTEXT_ANALYZER = 'whitespace';

export const CREATE_FULLTEXT_INDEX = `
  CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS
  FOR (n:${ENTITY_LABEL}) ON EACH [n.searchText]
  OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}', \`fulltext.eventually_consistent\`: false}}`;

/** A full-text index as this code makes it; migrate() rebuilds one found with another analyzer, labels or types. */
export interface FulltextIndexSpec {
  readonly name: string;
  readonly analyzer: string;
  readonly labelsOrTypes: readonly string[];
  readonly create: string;
}

export const FULLTEXT_INDEXES: readonly FulltextIndexSpec[] = [
  { name: FULLTEXT_INDEX, analyzer: FULLTEXT_ANALYZER, labelsOrTypes: [ENTITY_LABEL], create: CREATE_FULLTEXT_INDEX },
  { name: ENTITY_CITATION_INDEX, analyzer: CITATION_ANALYZER, labelsOrTypes: [ENTITY_LABEL], create: CREATE_ENTITY_CITATION_INDEX },
  {
    name: RELATIONSHIP_CITATION_INDEX,
    analyzer: CITATION_ANALYZER,
    labelsOrTypes: RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]),
    create: CREATE_RELATIONSHIP_CITATION_INDEX,
  },
];

export const SHOW_FULLTEXT_INDEXES = `
  SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, options
  RETURN name, labelsOrTypes, options.indexConfig['fulltext.analyzer'] AS analyzer`;

export const DROP_INDEX = 'DROP INDEX $name IF EXISTS';

export const SCHEMA_STATEMENTS: readonly string[] = [
  uniqueNodeId(ENTITY_LABEL),
  ...ENTITY_KINDS.map((k) => uniqueNodeId(KIND_LABELS[k])),
  uniqueNodeId(SOURCE_LABEL),
  ...RELATIONSHIP_TYPES.map((t) => uniqueRelationshipId(RELATIONSHIP_TYPE_NAMES[t])),
  ...['kind', 'name', 'date', 'country', 'orgType'].map(entityRangeIndex),
  // nameContains is a CONTAINS on nameForm, which only a text index serves.
  `CREATE TEXT INDEX entity_name_form IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.nameForm)`,
  CREATE_FULLTEXT_INDEX,
  // A source's citations (./citation-cypher).
  CREATE_ENTITY_CITATION_INDEX,
  CREATE_RELATIONSHIP_CITATION_INDEX,
  ...RELATIONSHIP_TYPES.map((t) => onBehalfOfIndex(RELATIONSHIP_TYPE_NAMES[t])),
  uniqueNodeId(CHANGE_LABEL),
  // Without it, two first writes could each MERGE a lock node of their own.
  uniqueNodeId(WRITE_LOCK_LABEL),
  // The `since` filter.
  `CREATE INDEX change_at IF NOT EXISTS FOR (c:${CHANGE_LABEL}) ON (c.at)`,
  // The `entityId` filter (range indexes do not serve membership in the entries' id lists).
  uniqueNodeId(AUDIT_REF_LABEL),
  // The review queue (./review-cypher): filing finds a repeated text by its hash, listings filter
  // on status and sort by time, an ingestion's proposals are found by its id.
  uniqueNodeId(INGESTION_LABEL),
  uniqueNodeId(PROPOSAL_LABEL),
  `CREATE INDEX ingestion_text_hash IF NOT EXISTS FOR (i:${INGESTION_LABEL}) ON (i.textHash)`,
  `CREATE INDEX ingestion_status IF NOT EXISTS FOR (i:${INGESTION_LABEL}) ON (i.status)`,
  `CREATE INDEX ingestion_created_at IF NOT EXISTS FOR (i:${INGESTION_LABEL}) ON (i.createdAt)`,
  `CREATE INDEX proposal_ingestion_id IF NOT EXISTS FOR (p:${PROPOSAL_LABEL}) ON (p.ingestionId)`,
];

export const AWAIT_INDEXES = 'CALL db.awaitIndexes($timeoutSeconds)';

/**
 * The schema this code expects. Raise it whenever SCHEMA_STATEMENTS or a data migration in
 * ./migrate changes, so databases migrated by older code are migrated again on their next start;
 * at the current version a start costs one read instead of a schema pass and an audit scan.
 * 3: evidence offsets (evidenceStarts, evidenceEnds) filled in for older records (./evidence-offsets).
 * 4: the full-text indexes over evidenceSourceIds that a source's citations are found through
 * (./citation-cypher); they index the stored property itself, so no data needs filling in.
 * 5: the review queue's constraints and indexes (Ingestion, Proposal); no data to fill in.
 */
export const SCHEMA_VERSION = 5;

export const READ_SCHEMA_VERSION = `MATCH (v:${SCHEMA_VERSION_LABEL} {id: 'schema'}) RETURN v.version AS version`;

export const WRITE_SCHEMA_VERSION = `
  MERGE (v:${SCHEMA_VERSION_LABEL} {id: 'schema'})
  SET v.version = $version, v.migratedAt = $at`;
