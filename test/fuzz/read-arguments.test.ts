/**
 * Property-based tests over every argument of every query field, root and nested, sent as
 * variables through the real Apollo server on both stores: each response is data or coded errors
 * (never INTERNAL_SERVER_ERROR, never a stack trace, driver text or Cypher), and reads change nothing.
 */
import * as fc from 'fast-check';
import { storeDump } from '../support/api';
import { describeStore, STORE_KINDS } from '../support/stores';
import { arg, nastyCaller, nastyCursor, nastyDate, nastyId, nastyInt, nastyString, variables, inputObject, type Caller } from './arbitraries';
import { ENUM_LISTS, ENUMS } from './enum-values';
import { CaseLog, checkProperty, propertyTimeout } from './fuzz-config';
import { useFuzzApi, type Pools } from './fuzz-api';
import { assertWellFormed } from './response-checks';

const RELATIONSHIPS = `query ($id: ID!, $first: Int, $after: String, $types: [RelationshipType!], $direction: Direction,
    $activeAt: PartialDate, $from: PartialDate, $to: PartialDate, $otherKinds: [EntityKind!]) {
  entity(id: $id) { id kind
    relationships(first: $first, after: $after, types: $types, direction: $direction, activeAt: $activeAt, from: $from, to: $to, otherKinds: $otherKinds) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type startDate from { id } to { id } } }
    }
  }
}`;
const TIMELINE = 'query ($id: ID!, $from: PartialDate, $to: PartialDate) { entity(id: $id) { timeline(from: $from, to: $to) { date summary relationship { id } } } }';
const PARTICIPANTS = `query ($id: ID!, $roles: [ParticipationRole!]) {
  entity(id: $id) { ... on Event { date participants(roles: $roles) { role capacity entity { id } onBehalfOf { id } evidence { start end } } } }
}`;
const SEARCH = 'query ($query: String!, $kinds: [EntityKind!], $first: Int, $after: String) { search(query: $query, kinds: $kinds, first: $first, after: $after) { totalCount pageInfo { endCursor } edges { cursor node { id } } } }';
const ENTITIES = `query ($kinds: [EntityKind!], $where: EntityFilter, $orderBy: EntityOrder, $first: Int, $after: String) {
  entities(kinds: $kinds, where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage } edges { node { id } } }
}`;
const EVENTS = 'query ($first: Int, $after: String, $from: PartialDate, $to: PartialDate) { events(first: $first, after: $after, from: $from, to: $to) { totalCount edges { cursor node { id } } } }';
const SOURCE = 'query ($id: ID!, $first: Int) { source(id: $id) { id citationCount citations(first: $first) { start end quote entity { id } relationship { id } } } }';
const SOURCES = 'query ($first: Int) { sources { id publishedAt citations(first: $first) { start end } } }';
const NEIGHBORHOOD = `query ($id: ID!, $depth: Int, $types: [RelationshipType!], $kinds: [EntityKind!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, kinds: $kinds, limit: $limit) { truncated cytoscape nodes { id } relationships { id } }
}`;
const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!], $direction: Direction) {
  path(from: $from, to: $to, maxHops: $maxHops, types: $types, direction: $direction) { length nodes { id } relationships { id } }
}`;
const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!], $direction: Direction, $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, types: $types, direction: $direction, first: $first) { length nodes { id } }
}`;
const CO_PARTICIPANTS = 'query ($id: ID!, $roles: [ParticipationRole!], $first: Int) { coParticipants(id: $id, roles: $roles, first: $first) { count entity { id } events { id } } }';
const CHANGES = `query ($entityId: ID, $since: String, $first: Int, $after: String) {
  changes(entityId: $entityId, since: $since, first: $first, after: $after) { totalCount edges { cursor node { id at operation ids before after } } }
}`;
const DUPLICATES = 'query ($first: Int, $kind: EntityKind) { duplicateCandidates(first: $first, kind: $kind) { score reason entities { id } } }';
const INGESTIONS = `query ($status: IngestionStatus, $first: Int, $after: String, $proposalStatus: ProposalStatus) {
  ingestions(status: $status, first: $first, after: $after) { totalCount edges { cursor node { id status proposals(status: $proposalStatus) { id status } } } }
}`;
const INGESTION = `query ($id: ID!, $status: ProposalStatus) {
  ingestion(id: $id) { id source { id } proposals(status: $status) { id kind resolvedEntity { id } contradiction { relationship { id } } } }
}`;

/** `since` of the audit log: timestamps, near misses, and anything. */
const since = fc.oneof(
  fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2024-01-01', '2024-13-45T99:99:99Z', '2024-01-01T00:00:00+25:00', '+275760-09-13T00:00:00Z', '275760-09-14', '2024-01-01junk', '0000-01-01T00:00:00Z', '2024-02-30T00:00:00Z', '9999-99-99'),
  nastyString(),
);
const country = fc.oneof(fc.constantFrom('KZ', 'kz', 'K', 'KZZ', 'UN', ' KZ'), nastyString());

interface ReadCase {
  readonly name: string;
  readonly query: string;
  readonly vars: (pools: () => Pools) => fc.Arbitrary<Record<string, unknown>>;
  /** Who asks: public reads mostly anonymously, editorial ones mostly as an EDITOR. */
  readonly caller: fc.Arbitrary<Caller>;
  readonly runs: number;
}

const publicCaller = fc.oneof({ arbitrary: fc.constant<Caller>('anonymous'), weight: 6 }, { arbitrary: nastyCaller('editor'), weight: 1 });
const editorCaller = nastyCaller('editor');
const page = { first: arg(nastyInt), after: arg(nastyCursor) };

const CASES: readonly ReadCase[] = [
  {
    name: 'Entity.relationships',
    query: RELATIONSHIPS,
    vars: (p) =>
      variables({
        id: arg(nastyId(() => p().entityIds, 12)),
        ...page,
        types: arg(ENUM_LISTS.relationshipTypes),
        direction: arg(ENUMS.direction),
        activeAt: arg(nastyDate, { absent: 6 }),
        from: arg(nastyDate, { absent: 4 }),
        to: arg(nastyDate, { absent: 4 }),
        otherKinds: arg(ENUM_LISTS.entityKinds),
      }),
    caller: publicCaller,
    runs: 45,
  },
  {
    name: 'Entity.timeline',
    query: TIMELINE,
    vars: (p) => variables({ id: arg(nastyId(() => p().entityIds, 12)), from: arg(nastyDate), to: arg(nastyDate) }),
    caller: publicCaller,
    runs: 30,
  },
  {
    name: 'Event.participants',
    query: PARTICIPANTS,
    vars: (p) => variables({ id: arg(nastyId(() => p().eventIds, 12)), roles: arg(ENUM_LISTS.roles) }),
    caller: publicCaller,
    runs: 25,
  },
  {
    name: 'search',
    query: SEARCH,
    vars: () => variables({ query: arg(nastyString(), { absent: 0 }), kinds: arg(ENUM_LISTS.entityKinds), ...page }),
    caller: publicCaller,
    runs: 45,
  },
  {
    name: 'entities',
    query: ENTITIES,
    vars: () =>
      variables({
        kinds: arg(ENUM_LISTS.entityKinds),
        where: arg(inputObject({ country: arg(country), orgType: arg(ENUMS.orgType), nameContains: arg(nastyString()) })),
        orderBy: arg(ENUMS.entityOrder),
        ...page,
      }),
    caller: publicCaller,
    runs: 40,
  },
  {
    name: 'events',
    query: EVENTS,
    vars: () => variables({ ...page, from: arg(nastyDate), to: arg(nastyDate) }),
    caller: publicCaller,
    runs: 35,
  },
  {
    name: 'source.citations',
    query: SOURCE,
    vars: (p) => variables({ id: arg(nastyId(() => p().sourceIds)), first: arg(nastyInt) }),
    caller: publicCaller,
    runs: 30,
  },
  { name: 'sources.citations', query: SOURCES, vars: () => variables({ first: arg(nastyInt) }), caller: publicCaller, runs: 15 },
  {
    name: 'neighborhood',
    query: NEIGHBORHOOD,
    vars: (p) =>
      variables({
        id: arg(nastyId(() => p().entityIds, 12)),
        depth: arg(nastyInt),
        types: arg(ENUM_LISTS.relationshipTypes),
        kinds: arg(ENUM_LISTS.entityKinds),
        limit: arg(nastyInt),
      }),
    caller: publicCaller,
    runs: 40,
  },
  ...(['path', 'paths'] as const).map(
    (name): ReadCase => ({
      name,
      query: name === 'path' ? PATH : PATHS,
      vars: (p) =>
        variables({
          from: arg(nastyId(() => p().entityIds, 12)),
          to: arg(nastyId(() => p().entityIds, 12)),
          maxHops: arg(nastyInt),
          types: arg(ENUM_LISTS.relationshipTypes),
          direction: arg(ENUMS.direction),
          ...(name === 'paths' && { first: arg(nastyInt) }),
        }),
      caller: publicCaller,
      runs: 35,
    }),
  ),
  {
    name: 'coParticipants',
    query: CO_PARTICIPANTS,
    vars: (p) => variables({ id: arg(nastyId(() => p().entityIds, 12)), roles: arg(ENUM_LISTS.roles), first: arg(nastyInt) }),
    caller: publicCaller,
    runs: 30,
  },
  {
    name: 'changes',
    query: CHANGES,
    vars: (p) => variables({ entityId: arg(nastyId(() => p().entityIds)), since: arg(since), ...page }),
    caller: editorCaller,
    runs: 35,
  },
  {
    name: 'duplicateCandidates',
    query: DUPLICATES,
    vars: () => variables({ first: arg(nastyInt), kind: arg(ENUMS.entityKind) }),
    caller: editorCaller,
    runs: 20,
  },
  {
    name: 'ingestions',
    query: INGESTIONS,
    vars: () => variables({ status: arg(ENUMS.ingestionStatus), ...page, proposalStatus: arg(ENUMS.proposalStatus) }),
    caller: editorCaller,
    runs: 30,
  },
  {
    name: 'ingestion.proposals',
    query: INGESTION,
    vars: (p) => variables({ id: arg(nastyId(() => p().ingestionIds)), status: arg(ENUMS.proposalStatus) }),
    caller: editorCaller,
    runs: 25,
  },
];

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('fuzzed query arguments', () => {
      const fuzz = useFuzzApi(kind);
      const log = new CaseLog(`query arguments on ${kind}`);
      let before: string;

      beforeAll(async () => {
        before = await storeDump(fuzz().api.store);
      });
      afterAll(() => console.log(log.summary()));

      for (const c of CASES) {
        it(
          `${c.name}: data or coded errors, nothing leaked`,
          async () => {
            const property = fc.asyncProperty(c.vars(() => fuzz().pools), c.caller, async (vars, caller) => {
              assertWellFormed(await fuzz().run(c.query, vars, caller), vars);
            });
            await checkProperty(log, c.name, property, c.runs);
          },
          propertyTimeout(120_000),
        );
      }

      it('the reads changed nothing', async () => {
        expect(await storeDump(fuzz().api.store)).toBe(before);
      });
    });
  });
}
