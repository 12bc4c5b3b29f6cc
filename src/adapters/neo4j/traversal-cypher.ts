import { Direction, EntityKind } from '../../domain/enums';
import { REL_ROW } from './cypher';
import { ENTITY_LABEL, KIND_LABELS } from './labels';

/**
 * The traversal statements. As in ./cypher, values travel as parameters; the only text spliced in
 * is labels from ./labels and path lengths, and every variant is built here, once, at module load,
 * from integers and enum values: never from a request.
 */

const E = ENTITY_LABEL;
const EVENT = KIND_LABELS[EntityKind.EVENT];

/**
 * A variable-length bound cannot be a parameter, so there is one statement per length; requests
 * above it are a bug upstream (graphql/traversal/bounds.ts refuses them), not a user error.
 */
export const MAX_PATH_HOPS = 6;

const PATH_PATTERNS: Readonly<Record<Direction, (hops: number) => string>> = {
  [Direction.OUTGOING]: (hops) => `(a)-[*..${hops}]->(b)`,
  [Direction.INCOMING]: (hops) => `(a)<-[*..${hops}]-(b)`,
  [Direction.BOTH]: (hops) => `(a)-[*..${hops}]-(b)`,
};

/**
 * allShortestPaths finds the minimal length with a bidirectional breadth-first search; the type
 * filter is a per-relationship `all(...)`, which the search checks while expanding, so it never
 * falls back to enumerating longer paths. Paths are cut at $enumerated before ordering (the port's
 * PATHS_ENUMERATED), then ordered step by step: the key lists (next node id, relationship id) per
 * step, and Cypher orders lists element by element and strings by code point, as compareStrings.
 */
const shortestPaths = (direction: Direction, hops: number, typed: boolean): string => `
  MATCH (a:${E} {id: $fromId})
  MATCH (b:${E} {id: $toId})
  MATCH p = allShortestPaths(${PATH_PATTERNS[direction](hops)})${typed ? `
  WHERE all(r IN relationships(p) WHERE type(r) IN $types)` : ''}
  WITH p LIMIT $enumerated
  WITH nodes(p) AS ns, relationships(p) AS rs
  WITH ns, rs, [i IN range(0, size(rs) - 1) | [ns[i + 1].id, rs[i].id]] AS key
  ORDER BY key
  LIMIT $first
  RETURN [n IN ns | n.id] AS nodeIds, [r IN rs | ${REL_ROW('r')}] AS rows`;

export interface PathStatements {
  readonly typed: string;
  readonly untyped: string;
}

/** SHORTEST_PATHS[direction][hops - 1]. */
export const SHORTEST_PATHS: Readonly<Record<Direction, readonly PathStatements[]>> = Object.fromEntries(
  Object.values(Direction).map((d) => [
    d,
    Array.from({ length: MAX_PATH_HOPS }, (_, i) => ({ typed: shortestPaths(d, i + 1, true), untyped: shortestPaths(d, i + 1, false) })),
  ]),
) as Record<Direction, PathStatements[]>;

export const ENTITY_EXISTS = `
  OPTIONAL MATCH (n:${E} {id: $id})
  RETURN n IS NOT NULL AS found`;

/**
 * One breadth-first layer: whether the centre exists (so the first layer tells a missing centre
 * from a lonely one), and the distinct neighbours of $layer, either direction, of the allowed
 * types and kinds, the first $take by id. Nodes are made distinct before their properties are
 * read: around hubs most neighbours are reached many times. The subquery imports no variable,
 * because the planner would carry it into the distinct key (a list of the layer's nodes there
 * cost hundreds of MB). The caller removes the nodes it already kept; $take leaves room for each
 * of them and still shows whether the layer overflows the limit.
 */
export const NEIGHBOR_LAYER = `
  OPTIONAL MATCH (c:${E} {id: $centre})
  RETURN c IS NOT NULL AS found, COLLECT {
    UNWIND $layer AS id
    MATCH (:${E} {id: id})-[r]-(m)
    WHERE $types IS NULL OR type(r) IN $types
    WITH DISTINCT m
    WHERE $kinds IS NULL OR m.kind IN $kinds
    RETURN m.id AS neighbor ORDER BY neighbor LIMIT $take
  } AS ids`;

/**
 * The relationships among the kept nodes, by id, one past the cap so truncation shows. One record
 * each: streaming rows is faster than collecting a thousand maps into one list. The ends are known
 * from the walk, so neither node is read again.
 */
export const SUBGRAPH_RELATIONSHIPS = `
  UNWIND $ids AS id
  MATCH (:${E} {id: id})-[r]->(b)
  WITH id, r, b.id AS toId
  WHERE toId IN $ids
    AND ($types IS NULL OR type(r) IN $types)
  RETURN type(r) AS type, id AS fromId, toId, properties(r) AS props
  ORDER BY r.id
  LIMIT $cap`;

/**
 * The events `id` took part in, then everyone else who took part in them, both through $types.
 * Most shared first, then name, then id; each one's events newest first, undated last, then id.
 */
export const CO_PARTICIPANTS = `
  MATCH (c:${E} {id: $id})-[r]->(e:${EVENT})
  WHERE type(r) IN $types
  WITH DISTINCT c, e
  MATCH (e)<-[s]-(o)
  WHERE type(s) IN $types AND o <> c
  WITH o, collect(DISTINCT e) AS events
  WITH o, events, size(events) AS count
  ORDER BY count DESC, o.name, o.id
  LIMIT $first
  RETURN o.id AS entityId, count, COLLECT {
    UNWIND events AS e
    RETURN e.id ORDER BY e.date IS NULL, e.date DESC, e.id
  } AS eventIds`;

/**
 * Per id, its dated relationships either way (an undirected expand meets a self-loop once), one
 * record each, at most $cap per id. The date is the start date, else the event's at the other end;
 * the window test is the embedded one: a date passes `from` when it is not before it or is a
 * prefix of it ("2013" for "2013-05"), and `to` when it is not after it or starts with it.
 */
export const TIMELINES = `
  UNWIND $ids AS id
  MATCH (n:${E} {id: id})
  CALL (n) {
    MATCH (n)-[r]-(other)
    WITH r, coalesce(r.startDate, CASE WHEN other.kind = $eventKind THEN other.date END) AS date
    WHERE date IS NOT NULL
      AND ($from IS NULL OR date >= $from OR $from STARTS WITH date)
      AND ($to IS NULL OR date <= $to OR date STARTS WITH $to)
    RETURN r, date
    ORDER BY date, type(r), r.id
    LIMIT $cap
  }
  RETURN id, date, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId, properties(r) AS props`;
