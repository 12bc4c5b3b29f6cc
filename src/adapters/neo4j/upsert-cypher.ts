import { RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/enums';
import { BY_IDS_ANY_TYPE } from './cypher';
import { ENTITY_LABEL, RELATIONSHIP_TYPE_NAMES } from './labels';
import { RELATIONSHIP_PROPERTY_KEYS } from './mapping';

/**
 * The relationship writes of upsert (see ./upsert). A relationship is found by id whatever its
 * type, then created, updated in place, or deleted and created again when its type or ends
 * changed. Creating rather than merging is what makes a bulk load fast: MERGE takes locks and
 * re-reads every relationship it writes.
 */

const E = ENTITY_LABEL;

const perType = (statement: (type: string) => string): Readonly<Record<RelationshipType, string>> =>
  Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, statement(RELATIONSHIP_TYPE_NAMES[t])])) as Record<RelationshipType, string>;

/**
 * How many relationships of each type are stored, as {TYPE: count}. Each count comes from the
 * count store (no scan), so this is cheap; it lets the id check skip types that hold nothing.
 */
export const RELATIONSHIP_TYPE_COUNTS = `
  RETURN {${RELATIONSHIP_TYPES.map((t) => `${t}: COUNT { ()-[:${RELATIONSHIP_TYPE_NAMES[t]}]->() }`).join(', ')}} AS counts`;

const existing = new Map<string, string>();

/**
 * The stored type and ends of each of $ids that exists, looking only in `types` (one index seek
 * per id per type is most of a load's checking cost). Memoised: at most one text per set of types.
 */
export function existingRelationships(types: readonly RelationshipType[]): string {
  const key = types.join(',');
  let statement = existing.get(key);
  if (statement === undefined) {
    statement = `
  CALL () {
    ${BY_IDS_ANY_TYPE('r', types.map((t) => RELATIONSHIP_TYPE_NAMES[t]))}
  }
  RETURN r.id AS id, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId`;
    existing.set(key, statement);
  }
  return statement;
}

export const DELETE_RELATIONSHIPS = `
  CALL () {
    ${BY_IDS_ANY_TYPE('r')}
  }
  DELETE r`;

/**
 * Creates relationships sent as groups that share an end node: `$groups` is a list of
 * {toId, fromIds, props: {<key>: [values]}}, the properties as one list per key (column-wise:
 * the driver then encodes each key once per group instead of once per row, ~2.5x less to send).
 * Grouping by `toId` (most relationships point at an event) looks each end node up once per
 * group instead of once per row. A null value sets no property, as `SET r = map` does. Counts
 * what it created: a row whose ends are missing matches nothing and creates nothing. `type` is a
 * name from ./labels (or the bench's probe type, bench/neo4j-load-floor.ts), never input.
 */
export const createGroupedRelationships = (type: string): string => `
  UNWIND $groups AS g
  MATCH (b:${E} {id: g.toId})
  UNWIND range(0, size(g.fromIds) - 1) AS i
  MATCH (a:${E} {id: g.fromIds[i]})
  CREATE (a)-[r:${type} {${RELATIONSHIP_PROPERTY_KEYS.map((k) => `${k}: g.props.${k}[i]`).join(', ')}}]->(b)
  RETURN count(r) AS created`;

/** createGroupedRelationships for every type, built once. */
export const CREATE_RELATIONSHIPS = perType(createGroupedRelationships);

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
