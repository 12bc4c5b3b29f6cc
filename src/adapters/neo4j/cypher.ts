import { Direction, ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind } from '../../domain/enums';
import { ENTITY_LABEL, KIND_LABELS, RELATIONSHIP_TYPE_NAMES, SOURCE_LABEL } from './labels';

/**
 * Every Cypher statement the adapter runs. Values always travel as parameters; the only text
 * spliced in is labels and types from ./labels, and the per-kind / per-type variants are built
 * once, here, at module load.
 */

export const FULLTEXT_INDEX = 'entity_search';

const E = ENTITY_LABEL;
const S = SOURCE_LABEL;
const TYPES = RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]);

/** The shape every relationship read returns; see RelationshipRow in ./mapping. */
export const REL_ROW = (r: string): string =>
  `{type: type(${r}), fromId: startNode(${r}).id, toId: endNode(${r}).id, props: properties(${r})}`;

/**
 * Relationships found by id, whatever their type: relationship indexes are per type, so one index
 * seek per type over the id list, joined with UNION ALL (ids are unique across types). `types`
 * (not empty) narrows the search to some types.
 */
export const BY_IDS_ANY_TYPE = (returns: string, types: readonly string[] = TYPES): string =>
  types.map((t) => `MATCH ()-[r:${t}]->() WHERE r.id IN $ids RETURN ${returns}`).join('\n    UNION ALL\n    ');

export const GET_ENTITIES = `
  UNWIND $ids AS id
  MATCH (n:${E} {id: id})
  RETURN n {.*} AS props`;

export const GET_SOURCES = `
  UNWIND $ids AS id
  MATCH (s:${S} {id: id})
  RETURN s {.*} AS props`;

export const LIST_SOURCES = `
  MATCH (s:${S})
  RETURN s {.*} AS props
  ORDER BY s.id`;

export const GET_RELATIONSHIPS = `
  CALL () {
    ${BY_IDS_ANY_TYPE(`${REL_ROW('r')} AS row`)}
  }
  RETURN row`;

/** Light rows for ranking in TS; full records are fetched for the requested page only. */
export const SEARCH_CANDIDATES = `
  CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $lucene) YIELD node
  WHERE $kinds IS NULL OR node.kind IN $kinds
  RETURN node.id AS id, node.name AS name, node.aliases AS aliases
  LIMIT $cap`;

/**
 * The listing filters, with the embedded store's exact semantics: nameContains on the normalised
 * name (`nameForm`, stored beside `searchText`), and the date window by string order of partial
 * dates, where "2023-12" as dateTo includes "2023-12-14".
 */
const ENTITY_FILTER = `
  WHERE ($kinds IS NULL OR n.kind IN $kinds)
    AND ($country IS NULL OR n.country = $country)
    AND ($orgType IS NULL OR n.orgType = $orgType)
    AND ($nameContains IS NULL OR n.nameForm CONTAINS $nameContains)
    AND (($dateFrom IS NULL AND $dateTo IS NULL) OR (n.date IS NOT NULL
      AND ($dateFrom IS NULL OR n.date >= $dateFrom)
      AND ($dateTo IS NULL OR n.date <= $dateTo OR n.date STARTS WITH $dateTo)))`;

const listEntities = (orderBy: string): string => `
  MATCH (n:${E})${ENTITY_FILTER}
  WITH n ORDER BY ${orderBy}
  WITH collect(n) AS matches
  RETURN size(matches) AS totalCount, [x IN matches[$offset..($offset + $first)] | x {.*}] AS items`;

export const LIST_ENTITIES_BY_NAME = listEntities('n.name, n.id');

/** Cypher sorts nulls first in DESC; `n.date IS NULL` (false before true) moves them last. */
export const LIST_ENTITIES_BY_DATE_DESC = listEntities('n.date IS NULL, n.date DESC, n.name, n.id');

/** src/domain/date-window's firstDay / lastDay, on a Cypher expression. */
const firstDay = (d: string): string => `CASE size(${d}) WHEN 4 THEN ${d} + '-01-01' WHEN 7 THEN ${d} + '-01' ELSE ${d} END`;
const lastDay = (d: string): string => `CASE size(${d}) WHEN 4 THEN ${d} + '-12-31' WHEN 7 THEN ${d} + '-31' ELSE ${d} END`;

/**
 * The relationships of entity `n` in a direction that pass a RelationshipFilter, bound as `r<s>`
 * with the entity at the other end as `o<s>`; the filter's parameters (./params
 * relationshipFilterParams) are read as `$<p>name`. The suffix keeps the variables of nested
 * subqueries apart (a subquery may not redeclare a variable of its outer scope). The date window
 * is domain/date-window's intervalMatches: the interval is the relationship's own dates, else its
 * event's date; window bounds arrive already padded. An undirected expand meets a self-loop once,
 * as the port wants (the differential test has self-loops). `windowed` false leaves the date
 * window out of the text (for a filter without one: hasDateWindow).
 */
export function relationshipMatch(direction: Direction, n: string, s: string, p: string, windowed = true): string {
  const [r, o, start] = [`r${s}`, `o${s}`, `start${s}`];
  const pattern = {
    [Direction.OUTGOING]: `(${n})-[${r}]->(${o})`,
    [Direction.INCOMING]: `(${n})<-[${r}]-(${o})`,
    [Direction.BOTH]: `(${n})-[${r}]-(${o})`,
  }[direction];
  const match = `MATCH ${pattern}
    WHERE ($${p}types IS NULL OR type(${r}) IN $${p}types)
      AND ($${p}otherKinds IS NULL OR ${o}.kind IN $${p}otherKinds)`;
  // Without a window, the dates are not read at all: three property reads per relationship saved.
  if (!windowed) return match;
  return `${match}
    WITH ${r}, ${o}, coalesce(${r}.startDate, CASE WHEN ${o}.kind = $${p}eventKind THEN ${o}.date END) AS ${start}
    WITH ${r}, ${o}, ${start}, ${firstDay(start)} AS lo${s},
      CASE WHEN ${r}.endDate IS NOT NULL THEN ${lastDay(`${r}.endDate`)} WHEN ${r}.startDate IS NOT NULL THEN null ELSE ${lastDay(start)} END AS hi${s}
    WHERE NOT $${p}windowed OR (${start} IS NOT NULL
      AND ($${p}activeLast IS NULL OR (lo${s} <= $${p}activeLast AND (hi${s} IS NULL OR hi${s} >= $${p}activeFirst)))
      AND ($${p}toLast IS NULL OR lo${s} <= $${p}toLast)
      AND ($${p}fromFirst IS NULL OR hi${s} IS NULL OR hi${s} >= $${p}fromFirst))`;
}

/** The order the port gives relationships in, on relationshipMatch's variables. */
export const RELATIONSHIP_ORDER = (s: string): string => `type(r${s}), r${s}.id`;

/**
 * Per entity id: the relationships in the direction that pass the filter, ordered by (type, id)
 * as the port requires, counted, then sliced, in one round trip.
 */
const relationshipsOf = (d: Direction, windowed: boolean): string => `
  UNWIND $ids AS id
  MATCH (n:${E} {id: id})
  WITH id, COLLECT {
    ${relationshipMatch(d, 'n', '', '', windowed)}
    RETURN r ORDER BY ${RELATIONSHIP_ORDER('')}
  } AS rels
  RETURN id, size(rels) AS totalCount, [r IN rels[$offset..($offset + $first)] | ${REL_ROW('r')}] AS items`;

/** By direction, then with a date window or without one (`all`). */
export const RELATIONSHIPS_OF: Readonly<Record<Direction, { readonly windowed: string; readonly all: string }>> = Object.fromEntries(
  Object.values(Direction).map((d) => [d, { windowed: relationshipsOf(d, true), all: relationshipsOf(d, false) }]),
) as Record<Direction, { windowed: string; all: string }>;

/** Relationships of the participation types into event `e`, as `r<s>` from participant `p<s>` (see relationshipMatch). */
export const participationMatch = (e: string, s: string, p: string): string =>
  `MATCH (p${s})-[r${s}]->(${e})
    WHERE type(r${s}) IN $${p}types`;

/** Ordered by role rank ($rank: type -> rank, $unranked for others), participant name, then id. */
export const PARTICIPATION_ORDER = (s: string, p: string): string =>
  `coalesce($${p}rank[type(r${s})], $${p}unranked), p${s}.name, r${s}.id`;

export const PARTICIPATIONS_OF = `
  UNWIND $ids AS id
  MATCH (e:${E} {id: id})
  RETURN id, COLLECT {
    ${participationMatch('e', '', '')}
    RETURN ${REL_ROW('r')} AS row
    ORDER BY ${PARTICIPATION_ORDER('', '')}
  } AS rows`;

export const UPSERT_SOURCES = `
  UNWIND $rows AS row
  MERGE (s:${S} {id: row.id})
  SET s = row`;

/**
 * Per kind: merge on id under :Entity, replace every property (a null in the row removes it),
 * and swap the kind label, so a record whose kind changed does not keep its old label.
 */
export const UPSERT_ENTITIES: Readonly<Record<EntityKind, string>> = Object.fromEntries(
  ENTITY_KINDS.map((kind) => {
    const others = ENTITY_KINDS.filter((k) => k !== kind).map((k) => `:${KIND_LABELS[k]}`).join('');
    return [
      kind,
      `
  UNWIND $rows AS row
  MERGE (n:${E} {id: row.id})
  SET n = row
  REMOVE n${others}
  SET n:${KIND_LABELS[kind]}`,
    ];
  }),
) as Record<EntityKind, string>;

export const PING = 'RETURN 1 AS ok';
