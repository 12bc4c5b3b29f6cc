import { ROLE_ORDER } from '../src/domain/participation';
import { CO_PARTICIPANTS_FIRST, NEIGHBORHOOD_LIMIT, SEARCH_FIRST, type WorkloadParams } from './peers-params';
import { graphqlCall, type Plan, type SystemName } from './peers-systems';

/**
 * The six workloads of issue 12, as each system is asked them. Ours (on either store) and the
 * hand-written Cypher server answer in the same JSON shape (the hand server imitates our `data`),
 * @neo4j/graphql in the shape its generated schema gives; ./peers-normalise reduces both to one
 * canonical value per workload.
 */
export const WORKLOAD_IDS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

export const WORKLOAD_TITLES: Readonly<Record<WorkloadId, string>> = {
  W1: 'entity by id',
  W2: "an event's participants with names, roles, on-behalf-of",
  W3: 'event -> participants -> entity -> relationships(first: 5) -> other end',
  W4: 'name search',
  W5: "a person's co-participants",
  W6: 'neighbourhood of depth 2 around a hub',
};

/** Our Participant.role for each of @neo4j/graphql's participation fields (bench/peers/type-defs.graphql). */
export const PEER_ROLE_FIELDS: readonly (readonly [field: string, role: string])[] = [
  ['hosts', 'HOST'],
  ['chairs', 'CHAIR'],
  ['speakers', 'SPEAKER'],
  ['attendees', 'ATTENDEE'],
  ['observers', 'OBSERVER'],
];
// A role added to the domain without a peer field would silently drop out of W2 and W3.
if (PEER_ROLE_FIELDS.length !== ROLE_ORDER.length) throw new Error('PEER_ROLE_FIELDS must cover every ParticipationRole');

/** The node types of the peer schema, for fields an interface cannot carry (its @cypher fields). */
const PEER_TYPES = ['Person', 'Organization', 'Event', 'Law', 'Topic', 'Document'];

const str = JSON.stringify;

const OURS: Readonly<Record<WorkloadId, (p: WorkloadParams) => string>> = {
  W1: (p) => `{ entity(id: ${str(p.personId)}) { id kind name aliases description evidence { quote confidence } } }`,
  W2: (p) =>
    `{ entity(id: ${str(p.eventId)}) { ... on Event { participants { role capacity entity { id name } onBehalfOf { id name } } } } }`,
  W3: (p) =>
    `{ entity(id: ${str(p.eventId)}) { ... on Event { participants { role entity { id name relationships(first: 5) { edges { node { id type from { id name } to { id name } } } } } } } } }`,
  W4: (p) => `{ search(query: ${str(p.searchTerm)}, first: ${SEARCH_FIRST}) { totalCount edges { node { id name } } } }`,
  W5: (p) => `{ coParticipants(id: ${str(p.coParticipantId)}, first: ${CO_PARTICIPANTS_FIRST}) { count entity { id name } events { id } } }`,
  W6: (p) =>
    `{ neighborhood(id: ${str(p.hubId)}, depth: 2, limit: ${NEIGHBORHOOD_LIMIT}) { truncated nodes { id name } relationships { id type from { id } to { id } } } }`,
};

const links = PEER_TYPES.map((t) => `... on ${t} { links(first: 5) { id type otherId otherName } }`).join(' ');

const PEER: Readonly<Record<WorkloadId, (p: WorkloadParams) => string>> = {
  W1: (p) => `{ entities(where: { id: { eq: ${str(p.personId)} } }) { id kind name aliases description evidenceQuotes evidenceConfidences } }`,
  W2: (p) =>
    `{ events(where: { id: { eq: ${str(p.eventId)} } }) { ${PEER_ROLE_FIELDS.map(
      ([f]) => `${f}Connection { edges { properties { role onBehalfOf { id name } } node { id name } } }`,
    ).join(' ')} } }`,
  W3: (p) =>
    `{ events(where: { id: { eq: ${str(p.eventId)} } }) { ${PEER_ROLE_FIELDS.map(
      ([f]) => `${f}Connection { edges { node { id name ${links} } } }`,
    ).join(' ')} } }`,
  W4: (p) => `{ searchEntities(phrase: ${str(`+${p.searchTerm}*`)}) { id name } }`,
  W5: (p) =>
    `{ coParticipants(id: ${str(p.coParticipantId)}, first: ${CO_PARTICIPANTS_FIRST}) { count entity { id name } events { id } } }`,
  W6: (p) =>
    `{ neighborhood(id: ${str(p.hubId)}) { truncated nodes { id name } relationships { id type fromId toId } } }`,
};

/** The hand-written server's request: its route, and the parameters its statement takes. */
const HAND: Readonly<Record<WorkloadId, (p: WorkloadParams) => unknown>> = {
  W1: (p) => ({ id: p.personId }),
  W2: (p) => ({ id: p.eventId }),
  W3: (p) => ({ id: p.eventId, first: 5 }),
  W4: (p) => ({ phrase: `+${p.searchTerm}*` }),
  W5: (p) => ({ id: p.coParticipantId, first: CO_PARTICIPANTS_FIRST }),
  W6: (p) => ({ id: p.hubId }),
};

export function planFor(workload: WorkloadId, system: SystemName, params: WorkloadParams): Plan {
  switch (system) {
    case 'ours-neo4j':
    case 'ours-embedded':
      return graphqlCall(OURS[workload](params));
    case 'neo4j-graphql':
      return graphqlCall(PEER[workload](params));
    case 'hand':
      return { path: `/${workload}`, body: JSON.stringify(HAND[workload](params)) };
    case 'bare':
      return { na: 'the ceiling row: it answers { hello } only' };
  }
}

/** The ceiling: the bare server's one query, timed like a workload. */
export const BARE_CALL = graphqlCall('{ hello }');
