import { RELATIONSHIP_TYPES } from '../../domain/enums';
import { BY_IDS_ANY_TYPE, REL_ROW } from './cypher';
import { AUDIT_REF_LABEL, CHANGE_LABEL, ENTITY_LABEL, RELATIONSHIP_TYPE_NAMES, TOUCHED_TYPE, WRITE_LOCK_LABEL } from './labels';

/**
 * The Cypher of the write port (see ./writes): the reads that check a batch, the deletes and audit
 * entries that apply it, and the audit and reference queries. Puts reuse the upsert statements.
 */

const E = ENTITY_LABEL;
const C = CHANGE_LABEL;
const TYPES = RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]);

/** A light relationship row: enough to tell what it refers to. */
const REFS = (r: string): string =>
  `${r}.id AS id, startNode(${r}).id AS fromId, endNode(${r}).id AS toId, ${r}.onBehalfOfId AS onBehalfOfId`;

/**
 * Relationships with an end in $ids (one expand per entity) or onBehalfOfId in $ids (one index
 * seek per type, see ./schema); UNION makes a relationship found both ways, or a self-loop, count once.
 */
const TOUCHING = `
    UNWIND $ids AS id
    MATCH (:${E} {id: id})-[r:${TYPES.join('|')}]-()
    RETURN r
    UNION
    ${TYPES.map((t) => `MATCH ()-[r:${t}]->() WHERE r.onBehalfOfId IN $ids RETURN r`).join('\n    UNION\n    ')}`;

/**
 * The first statement of every checked write: writing to the one lock node takes its exclusive
 * lock until the transaction ends, so a second writer (in this process or another) waits here and
 * then checks against what the first one committed. Reads are read-committed, so without it two
 * writers could both pass their checks against the state before either wrote.
 */
export const TAKE_WRITE_LOCK = `
  MERGE (l:${WRITE_LOCK_LABEL} {id: 'writes'})
  SET l.writes = coalesce(l.writes, 0) + 1`;

export const EXISTING_ENTITY_IDS = `
  UNWIND $ids AS id
  MATCH (n:${E} {id: id})
  RETURN n.id AS id`;

export const EXISTING_CHANGE_IDS = `
  UNWIND $ids AS id
  MATCH (c:${C} {id: id})
  RETURN c.id AS id`;

export const RELATIONSHIP_REFS = `
  CALL () {
    ${BY_IDS_ANY_TYPE('r')}
  }
  RETURN ${REFS('r')}`;

/** Uncapped: a delete's refusal names how many relationships still refer to the entity. */
export const TOUCHING_REFS = `
  CALL () {${TOUCHING}
  }
  RETURN ${REFS('r')}`;

export const RELATIONSHIPS_TOUCHING = `
  CALL () {${TOUCHING}
  }
  WITH r ORDER BY r.id LIMIT $cap
  RETURN ${REL_ROW('r')} AS row`;

/**
 * Plain DELETE, not DETACH: the check already refused entities with relationships, so one still
 * attached here was added by a concurrent write, and failing beats silently deleting it.
 */
export const DELETE_ENTITIES = `
  UNWIND $ids AS id
  MATCH (n:${E} {id: id})
  DELETE n`;

/** Rows of {props, refs}: refs are the entry's distinct ids, each linked through an AuditRef. */
export const CREATE_CHANGES = `
  UNWIND $rows AS row
  CREATE (c:${C})
  SET c = row.props
  WITH c, row
  UNWIND row.refs AS ref
  MERGE (r:${AUDIT_REF_LABEL} {id: ref})
  CREATE (c)-[:${TOUCHED_TYPE}]->(r)`;

/**
 * Links entries written before AuditRef existed, in batches; a no-op once all are linked, so
 * migrate() runs it every time.
 */
export const LINK_UNREFERENCED_CHANGES = `
  MATCH (c:${C})
  WHERE size(c.ids) > 0 AND NOT (c)-[:${TOUCHED_TYPE}]->()
  CALL (c) {
    UNWIND c.ids AS ref
    WITH DISTINCT c, ref
    MERGE (r:${AUDIT_REF_LABEL} {id: ref})
    CREATE (c)-[:${TOUCHED_TYPE}]->(r)
  } IN TRANSACTIONS OF 1000 ROWS`;

const PAGE_OF_CHANGES = `
  WITH c ORDER BY c.id
  WITH collect(c) AS matches
  RETURN size(matches) AS totalCount, [x IN matches[$offset..($offset + $first)] | x {.*}] AS items`;

/** audit-log.ts's query: `since` compares ISO strings, as the embedded store does. */
export const CHANGES = `
  MATCH (c:${C})
  ${PAGE_OF_CHANGES}`;

/**
 * With `since`, a range on the change_at index (a `$since IS NULL OR` guard would read every
 * change): the gazetteer cache asks this before each document it extracts.
 */
export const CHANGES_SINCE = `
  MATCH (c:${C})
  WHERE c.at >= $since
  ${PAGE_OF_CHANGES}`;

/** The same for one id, found through its AuditRef. */
export const CHANGES_ABOUT = `
  MATCH (:${AUDIT_REF_LABEL} {id: $entityId})<-[:${TOUCHED_TYPE}]-(c:${C})
  WHERE $since IS NULL OR c.at >= $since
  ${PAGE_OF_CHANGES}`;
