import { PARTICIPATION_TYPES, ROLE_ORDER } from '../src/domain/participation';
import type { WorkloadId } from './peers-workloads';

/**
 * The hand-written peer: one Cypher statement per workload, written the way a careful engineer
 * would for this data model, answering the JSON our API gives for the same question (so the
 * comparison's normaliser is ours for both). Each returns one row with one column, `answer`.
 */

const PARTICIPATION = Object.keys(PARTICIPATION_TYPES).join('|');

/** Participation type -> our Participant.role, and its place in our display order. */
export const HAND_PARAMS = {
  roles: PARTICIPATION_TYPES as Record<string, string>,
  rank: Object.fromEntries(Object.entries(PARTICIPATION_TYPES).map(([type, role]) => [type, ROLE_ORDER.indexOf(role)])),
};

export const HAND_CYPHER: Readonly<Record<WorkloadId, string>> = {
  W1: `
    MATCH (n:Entity {id: $id})
    RETURN {entity: n {.id, .kind, .name, .aliases, .description,
      evidence: [i IN range(0, size(n.evidenceQuotes) - 1) | {quote: n.evidenceQuotes[i], confidence: n.evidenceConfidences[i]}]}} AS answer`,
  W2: `
    MATCH (e:Event {id: $id})
    CALL (e) {
      MATCH (p)-[r:${PARTICIPATION}]->(e)
      OPTIONAL MATCH (o:Entity {id: r.onBehalfOfId})
      WITH p, r, o ORDER BY $rank[type(r)], p.name, r.id
      RETURN collect({role: $roles[type(r)], capacity: r.role, entity: {id: p.id, name: p.name},
        onBehalfOf: CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name} END}) AS participants
    }
    RETURN {entity: {participants: participants}} AS answer`,
  W3: `
    MATCH (e:Event {id: $id})
    CALL (e) {
      MATCH (p)-[r:${PARTICIPATION}]->(e)
      WITH p, r ORDER BY $rank[type(r)], p.name, r.id
      CALL (p) {
        MATCH (p)-[x]-(o)
        WITH x ORDER BY type(x), x.id LIMIT $first
        WITH x, startNode(x) AS a, endNode(x) AS b
        RETURN collect({node: {id: x.id, type: type(x), from: {id: a.id, name: a.name}, to: {id: b.id, name: b.name}}}) AS edges
      }
      RETURN collect({role: $roles[type(r)], entity: {id: p.id, name: p.name, relationships: {edges: edges}}}) AS participants
    }
    RETURN {entity: {participants: participants}} AS answer`,
  W4: `
    CALL db.index.fulltext.queryNodes('entity_search', $phrase) YIELD node
    WITH collect({node: {id: node.id, name: node.name}}) AS edges
    RETURN {search: {totalCount: size(edges), edges: edges}} AS answer`,
  W5: `
    MATCH (c:Entity {id: $id})-[:${PARTICIPATION}]->(e:Event)
    WITH DISTINCT c, e
    MATCH (e)<-[:${PARTICIPATION}]-(o)
    WHERE o <> c
    WITH o, collect(DISTINCT e) AS events
    WITH o, events, size(events) AS count
    ORDER BY count DESC, o.name, o.id
    LIMIT $first
    WITH collect({count: count, entity: {id: o.id, name: o.name}, events: COLLECT {
      UNWIND events AS x
      WITH x ORDER BY x.date IS NULL, x.date DESC, x.id
      RETURN {id: x.id}
    }}) AS rows
    RETURN {coParticipants: rows} AS answer`,
  W6: `
    MATCH (c:Entity {id: $id})
    CALL (c) { MATCH (c)--(m) WHERE m <> c RETURN collect(DISTINCT m) AS first }
    CALL (c, first) {
      UNWIND first AS n
      MATCH (n)--(m)
      WHERE m <> c AND NOT m IN first
      RETURN collect(DISTINCT m) AS second
    }
    WITH [c] + first + second AS nodes
    CALL (nodes) {
      UNWIND nodes AS a
      MATCH (a)-[r]->(b)
      WHERE b IN nodes
      RETURN collect({id: r.id, type: type(r), from: {id: a.id}, to: {id: b.id}}) AS relationships
    }
    RETURN {neighborhood: {truncated: false, nodes: [n IN nodes | {id: n.id, name: n.name}], relationships: relationships}} AS answer`,
};
