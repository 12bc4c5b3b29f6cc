import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../domain/enums';
import {
  AUDIT_REF_LABEL,
  CHANGE_LABEL,
  ENTITY_LABEL,
  KIND_LABELS,
  RELATIONSHIP_TYPE_NAMES,
  SCHEMA_VERSION_LABEL,
  SOURCE_LABEL,
  TOUCHED_TYPE,
} from '../adapters/neo4j/labels';

/** Every label and relationship type a bulk-loaded database holds, named from the adapter's maps (never from input). */
export const COUNTED_LABELS: readonly string[] = [
  ENTITY_LABEL,
  ...ENTITY_KINDS.map((k) => KIND_LABELS[k]),
  SOURCE_LABEL,
  CHANGE_LABEL,
  AUDIT_REF_LABEL,
  SCHEMA_VERSION_LABEL,
];
export const COUNTED_TYPES: readonly string[] = [...RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]), TOUCHED_TYPE];

/**
 * One row: the count of each label and type (from Neo4j's count store, no scan) and of all nodes
 * and relationships, so that anything not listed shows up as a difference in the totals.
 */
export const COUNT_GRAPH = `
  RETURN {${COUNTED_LABELS.map((l) => `${l}: COUNT { (:${l}) }`).join(', ')}} AS labels,
    {${COUNTED_TYPES.map((t) => `${t}: COUNT { ()-[:${t}]->() }`).join(', ')}} AS types,
    COUNT { () } AS nodes, COUNT { ()-->() } AS relationships`;

/**
 * The importer stores an empty list as no property at all, where the online writes store `[]`
 * (mapping.ts's `aliases` is the only list that may be empty): this gives those entities their
 * empty list, in transactions of bounded size.
 */
export const EMPTY_ALIASES = `
  MATCH (n:${ENTITY_LABEL}) WHERE n.aliases IS NULL
  CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 10000 ROWS`;
