import { RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/enums';
import { BY_IDS_ANY_TYPE } from './cypher';
import { ENTITY_LABEL, RELATIONSHIP_TYPE_NAMES } from './labels';

/**
 * The relationship writes of upsert (see ./upsert). A relationship is found by id whatever its
 * type, then created, updated in place, or deleted and created again when its type or ends
 * changed. Creating rather than merging is what makes a bulk load fast: MERGE takes locks and
 * re-reads every relationship it writes.
 */

const E = ENTITY_LABEL;

const perType = (statement: (type: string) => string): Readonly<Record<RelationshipType, string>> =>
  Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, statement(RELATIONSHIP_TYPE_NAMES[t])])) as Record<RelationshipType, string>;

/** The stored type and ends of each of $ids that exists. */
export const EXISTING_RELATIONSHIPS = `
  CALL () {
    ${BY_IDS_ANY_TYPE('r')}
  }
  RETURN r.id AS id, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId`;

export const DELETE_RELATIONSHIPS = `
  CALL () {
    ${BY_IDS_ANY_TYPE('r')}
  }
  DELETE r`;

/** Counts what it created: a row whose ends are missing matches nothing and creates nothing. */
export const CREATE_RELATIONSHIPS = perType(
  (type) => `
  UNWIND $rows AS row
  MATCH (a:${E} {id: row.fromId})
  MATCH (b:${E} {id: row.toId})
  CREATE (a)-[r:${type}]->(b)
  SET r = row.props
  RETURN count(r) AS created`,
);

export const UPDATE_RELATIONSHIPS = perType(
  (type) => `
  UNWIND $rows AS row
  MATCH ()-[r:${type} {id: row.id}]->()
  SET r = row.props`,
);

/** For the error message only: the rows that name an entity the store does not hold. */
export const UNLINKED_ROWS = `
  UNWIND $rows AS row
  WITH row
  WHERE NOT EXISTS { MATCH (:${E} {id: row.fromId}) } OR NOT EXISTS { MATCH (:${E} {id: row.toId}) }
  RETURN row.id AS id, row.fromId AS fromId, row.toId AS toId`;
