/**
 * Differential test of the traversal port: the embedded store is the reference, and Neo4j must
 * give deep-equal answers (ids, orders, truncation flags, whole records) on generated graphs:
 * synthetic ones with their hubs, a small multigraph with the seams between TS and Cypher
 * (self-loops, parallel relationships, ids and names whose order depends on code points, equal
 * names), and one built to hit every cap of TRAVERSAL_CAPS.
 */
import { Confidence, Direction, ENTITY_KINDS, EntityKind, RELATIONSHIP_TYPES, RelationshipType } from '../../src/domain/enums';
import { typesForRoles } from '../../src/domain/participation';
import type { EntityRecord, RelationshipRecord } from '../../src/domain/records';
import type { GraphBatch, GraphStore, RelationshipFilter } from '../../src/ports/graph-store';
import { TRAVERSAL_CAPS, type GraphTraversals, type NeighborhoodRequest, type PathRequest, type TimelineWindow } from '../../src/ports/traversals';
import { generateGraph } from '../../src/synthetic/generate';
import { SYNTHETIC_HUB_IDS } from '../../src/synthetic/hubs';
import { describeNeo4j, loadedStore } from '../support/stores';
import { prng } from '../support/prng';

jest.setTimeout(120_000);

type TraversalStore = GraphStore & GraphTraversals;

const PARTICIPATION = typesForRoles(null);
const STRUCTURE = [RelationshipType.HOLDS_POSITION, RelationshipType.MEMBER_OF, RelationshipType.PART_OF, RelationshipType.ESTABLISHED];
const WINDOWS: readonly TimelineWindow[] = [{}, { from: '2015' }, { to: '2018-06' }, { from: '2016-03', to: '2016-03' }, { from: '2014-02-30', to: '2021' }];

function sampler(seed: number): { pick: <T>(xs: readonly T[]) => T; some: <T>(xs: readonly T[], n: number) => T[] } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return { pick, some: (xs, n) => Array.from({ length: n }, () => pick(xs)) };
}

const entity = (id: string, kind: EntityKind, name: string, date: string | null): EntityRecord => ({
  id, kind, name, aliases: [], description: null, orgType: null, country: null, date,
  evidence: [{ sourceId: 'diff-src', quote: 'A quote.', confidence: Confidence.HIGH, start: 0, end: 8 }],
});

const relationship = (id: string, type: RelationshipType, fromId: string, toId: string, startDate: string | null): RelationshipRecord => ({
  id, type, fromId, toId, role: null, onBehalfOfId: null, startDate, endDate: null, description: null,
  evidence: [{ sourceId: 'diff-src', quote: 'A quote.', confidence: Confidence.MEDIUM, start: 0, end: 8 }],
});

const SOURCE = { id: 'diff-src', title: 'Source', publisher: null, publishedAt: null, url: null, text: 'A quote.' };

/** Ids and names whose order differs between code units, code points and locale; self-loops; parallels. */
function seamGraph(seed: number, entityCount: number, relationshipCount: number): GraphBatch {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const date = (): string | null => {
    const y = String(2000 + Math.floor(rnd() * 25));
    const m = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    return pick([null, y, `${y}-${m}`, `${y}-${m}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`]);
  };
  const entities = Array.from({ length: entityCount }, (_, i) => {
    const kind = rnd() < 0.3 ? EntityKind.EVENT : pick(ENTITY_KINDS);
    const name = rnd() < 0.2 ? 'Same Name' : `${pick(['Émile', 'emile', 'Zed', 'zed', 'Ångström', 'Ｚ', 'Ωmega', 'a'])} ${i % 7}`;
    return entity(`${pick(['e', 'E', 'e-x', 'Ж', 'é', 'e_'])}-${i}`, kind, name, kind === EntityKind.EVENT ? date() : null);
  });
  const relationships: RelationshipRecord[] = [];
  for (let i = 0; relationships.length < relationshipCount; i++) {
    const previous = relationships[relationships.length - 1];
    const parallel = previous && rnd() < 0.1;
    const from = parallel ? previous.fromId : pick(entities).id;
    const to = parallel ? previous.toId : rnd() < 0.05 ? from : pick(entities).id;
    relationships.push(relationship(`${pick(['r', 'R', 'r-'])}${Math.floor(rnd() * 50)}-${i}`, pick(RELATIONSHIP_TYPES), from, to, rnd() < 0.3 ? date() : null));
  }
  return { sources: [SOURCE], entities, relationships };
}

/** 5003 parallel relationships a -> b and ten c -> b: past every cap of TRAVERSAL_CAPS but one. */
function capsGraph(): GraphBatch {
  const rnd = prng(99);
  const many = Array.from({ length: 5003 }, (_, i) =>
    relationship(`cap-r-${(i * 7919) % 5003}`, [RelationshipType.ATTENDED, RelationshipType.SPOKE_AT][i % 2]!, 'cap-a', 'cap-b',
      rnd() < 0.5 ? null : `20${String(10 + Math.floor(rnd() * 15))}`),
  );
  const few = Array.from({ length: 10 }, (_, i) => relationship(`cap-s-${i}`, RelationshipType.HOSTED, 'cap-c', 'cap-b', null));
  return {
    sources: [SOURCE],
    entities: [entity('cap-a', EntityKind.PERSON, 'A', null), entity('cap-b', EntityKind.EVENT, 'B', '2020-05'), entity('cap-c', EntityKind.ORGANIZATION, 'C', null)],
    relationships: [...many, ...few],
  };
}

interface Stores {
  embedded: TraversalStore;
  neo4j: TraversalStore;
}

function withStores(batch: () => GraphBatch, body: (stores: Stores, graph: GraphBatch) => void): void {
  const graph = batch();
  const stores = {} as Stores;
  beforeAll(async () => {
    stores.embedded = await loadedStore('embedded', graph);
    stores.neo4j = await loadedStore('neo4j', graph);
  });
  afterAll(async () => {
    await stores.neo4j?.close();
  });
  body(stores, graph);
}

async function same<T>(stores: Stores, label: unknown, ask: (s: TraversalStore) => Promise<T>): Promise<T> {
  const expected = await ask(stores.embedded);
  expect({ label, answer: await ask(stores.neo4j) }).toEqual({ label, answer: expected });
  return expected;
}

/** Whole lists when the embedded store finds no more shortest paths than Neo4j enumerates; lengths otherwise. */
async function samePaths(stores: Stores, request: PathRequest): Promise<number> {
  const all = await stores.embedded.shortestPaths({ ...request, first: TRAVERSAL_CAPS.PATHS_ENUMERATED + 1 });
  if (all.length <= TRAVERSAL_CAPS.PATHS_ENUMERATED) return (await same(stores, request, (s) => s.shortestPaths(request))).length;
  const lengths = (paths: readonly { relationships: readonly unknown[] }[]): number[] => paths.map((p) => p.relationships.length);
  const neo4j = await stores.neo4j.shortestPaths(request);
  expect({ request, lengths: lengths(neo4j) }).toEqual({ request, lengths: lengths(all.slice(0, request.first)) });
  return -1;
}

function entityIdsByKind(graph: GraphBatch): Map<EntityKind, string[]> {
  const byKind = new Map<EntityKind, string[]>();
  for (const e of graph.entities) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.id]);
  return byKind;
}

function traversalChecks(stores: Stores, graph: GraphBatch, hubs: readonly string[], seed: number): void {
  it('shortestPaths: same lengths and path lists, hubs and ordinary pairs, every direction, type sets', async () => {
    const { pick, some } = sampler(seed);
    const ids = graph.entities.map((e) => e.id);
    const pairs: [string, string][] = [];
    for (const a of hubs) for (const b of hubs) if (a < b) pairs.push([a, b]);
    for (const h of hubs) pairs.push([h, pick(ids)], [pick(ids), h]);
    for (const a of some(ids, 10)) pairs.push([a, pick(ids)]);
    pairs.push([pick(ids), 'missing'], ['missing', pick(ids)]);
    let found = 0;
    for (const [fromId, toId] of pairs) {
      const requests: PathRequest[] = [
        { fromId, toId, maxHops: 6, direction: Direction.BOTH, first: 100 },
        { fromId, toId, maxHops: 6, direction: Direction.BOTH, first: 3 },
        { fromId, toId, maxHops: pick([2, 3, 6]), direction: pick([Direction.OUTGOING, Direction.INCOMING]), first: 100 },
        { fromId, toId, maxHops: pick([3, 6]), direction: pick(Object.values(Direction)), types: pick([PARTICIPATION, STRUCTURE]), first: 100 },
      ];
      for (const request of requests) if ((await samePaths(stores, request)) !== 0) found++;
    }
    expect(found).toBeGreaterThan(pairs.length); // most pairs are connected: the comparison is not vacuous
  });

  it('neighborhood: same node lists, relationship lists and truncation flags', async () => {
    const { some } = sampler(seed + 1);
    const centres = [...hubs, ...some(graph.entities.map((e) => e.id), 6), 'missing'];
    let truncated = 0;
    for (const id of centres) {
      const requests: NeighborhoodRequest[] = [
        { id, depth: 1, limit: 1000 },
        { id, depth: 2, limit: 1000 },
        { id, depth: 3, limit: 40 },
        { id, depth: 3, limit: 300, kinds: [EntityKind.PERSON, EntityKind.EVENT] },
        { id, depth: 2, limit: 1000, types: PARTICIPATION },
      ];
      for (const request of requests) if ((await same(stores, request, (s) => s.neighborhood(request))).truncated) truncated++;
    }
    expect(truncated).toBeGreaterThan(0);
  });

  it('coParticipants: same entities, counts and event lists, for hubs and ordinary participants', async () => {
    const { some } = sampler(seed + 2);
    const byKind = entityIdsByKind(graph);
    const ids = [...hubs, ...some(byKind.get(EntityKind.PERSON) ?? [], 8), ...some(byKind.get(EntityKind.ORGANIZATION) ?? [], 6), 'missing'];
    let shared = 0;
    for (const id of ids) {
      shared += (await same(stores, { id }, (s) => s.coParticipants({ id, types: PARTICIPATION, first: 1000 }))).length;
      await same(stores, { id, first: 5 }, (s) => s.coParticipants({ id, types: [RelationshipType.ATTENDED, RelationshipType.HOSTED], first: 5 }));
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('timelines: same items in the same order, over windows', async () => {
    const { some } = sampler(seed + 3);
    const ids = [...hubs, ...some(graph.entities.map((e) => e.id), 60), 'missing'];
    for (const window of WINDOWS) await same(stores, window, (s) => s.timelines(ids, window));
  });

  it('relationshipsOf: the date window and other-kind filters agree here too', async () => {
    const { some } = sampler(seed + 4);
    const ids = [...hubs, ...some(graph.entities.map((e) => e.id), 40)];
    // store.differential.test.ts covers these filters in depth; here they meet hubs and synthetic dates.
    const extras: Partial<RelationshipFilter>[] = [{ activeAt: '2016' }, { from: '2015-06', to: '2019' }, { otherKinds: [EntityKind.PERSON], activeAt: '2018-02' }];
    for (const direction of Object.values(Direction)) {
      for (const extra of extras) {
        const filter: RelationshipFilter = { direction, ...extra };
        await same(stores, filter, (s) => s.relationshipsOf(ids, filter, { first: 50, offset: 0 }));
      }
    }
  });
}

describeNeo4j('traversals differential: embedded and Neo4j', () => {
  for (const [seed, relationships] of [[1, 2000], [2, 3000], [3, 4500]] as const) {
    describe(`synthetic graph, seed ${seed}, ${relationships} relationships`, () => {
      withStores(() => generateGraph({ relationships, seed }), (stores, graph) => traversalChecks(stores, graph, SYNTHETIC_HUB_IDS, seed * 100));
    });
  }

  describe('multigraph with self-loops, parallel relationships, code-point ids and equal names', () => {
    withStores(() => seamGraph(7, 250, 900), (stores, batch) => {
      const degree = new Map<string, number>();
      for (const r of batch.relationships) for (const id of [r.fromId, r.toId]) degree.set(id, (degree.get(id) ?? 0) + 1);
      const hubs = [...degree].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([id]) => id);
      traversalChecks(stores, batch, hubs, 700);
    });
  });

  describe('caps', () => {
    withStores(capsGraph, (stores) => {
      it('cuts neighbourhood relationships at SUBGRAPH_RELATIONSHIPS, by id, and says so', async () => {
        const sub = await same(stores, 'neighborhood', (s) => s.neighborhood({ id: 'cap-a', depth: 2, limit: 10 }));
        expect(sub.nodeIds).toEqual(['cap-a', 'cap-b', 'cap-c']);
        expect(sub.relationships).toHaveLength(TRAVERSAL_CAPS.SUBGRAPH_RELATIONSHIPS);
        expect(sub.truncated).toBe(true);
      });

      it('cuts timelines at TIMELINE_ITEMS, undated relationships dated by their event', async () => {
        const [a, b] = await same(stores, 'timelines', (s) => s.timelines(['cap-a', 'cap-b'], {}));
        expect(a).toHaveLength(TRAVERSAL_CAPS.TIMELINE_ITEMS);
        expect(b).toHaveLength(TRAVERSAL_CAPS.TIMELINE_ITEMS);
        expect(a!.some((t) => t.date === '2020-05' && t.relationship.startDate === null)).toBe(true);
        await same(stores, 'window', (s) => s.timelines(['cap-a'], { from: '2020', to: '2020' }));
      });

      it('orders parallel paths by relationship id; past PATHS_ENUMERATED only the lengths are defined', async () => {
        const paths = await same(stores, 'a-b', (s) => s.shortestPaths({ fromId: 'cap-a', toId: 'cap-b', maxHops: 2, direction: Direction.BOTH, first: 100 }));
        expect(paths).toHaveLength(100);
        // 5003 x 10 paths of length 2: more than are enumerated.
        expect(await samePaths(stores, { fromId: 'cap-a', toId: 'cap-c', maxHops: 3, direction: Direction.BOTH, first: 20 })).toBe(-1);
        await same(stores, 'co', (s) => s.coParticipants({ id: 'cap-a', types: PARTICIPATION, first: 10 }));
      });
    });
  });
});
