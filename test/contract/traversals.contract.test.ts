/**
 * The traversal contract: one suite, run against every adapter over the seed graph, with answers
 * checked by hand against the founding source (who spoke at the concluding meeting, who attended,
 * what is part of what). Orders are asserted exactly, because the port defines them.
 */
import { Direction, EntityKind, RelationshipType } from '../../src/domain/enums';
import { typesForRoles } from '../../src/domain/participation';
import type { RelationshipRecord } from '../../src/domain/records';
import type { GraphStore } from '../../src/ports/graph-store';
import type { GraphTraversals, PathRecord, SubgraphRecord } from '../../src/ports/traversals';
import { MEETING_ID } from '../support/seed-source';
import { describeStore, loadedStore, STORE_KINDS } from '../support/stores';

jest.setTimeout(60_000);

type TraversalStore = GraphStore & GraphTraversals;

const BOTH = Direction.BOTH;
const shape = (paths: readonly PathRecord[]): string[][] =>
  paths.map((p) => p.nodeIds.flatMap((n, i) => (i === 0 ? [n] : [p.relationships[i - 1]!.type, n])));

/** Depth 1 around B. Zhakaev: his six relationships, one node each, by id. */
const ZHAKAEV_LAYER_1 = [
  'convention-against-torture',
  MEETING_ID,
  'kz-law-detention-special-institutions',
  'npm-coordinating-council',
  'proposed-codified-law-conditions-of-detention',
  'sanitary-standards-in-administrative-institutions',
];

/** Everyone at the concluding meeting but Roman Vassilenko (who chaired and spoke), by name. */
const VASSILENKO_CO_PARTICIPANTS = [
  'a-kayirbekov',
  'b-zhakaev',
  'commission-on-human-rights-under-the-president',
  'eu-delegation-to-kazakhstan',
  'general-prosecutors-office',
  'guests-of-the-platform',
  'kazakh-human-rights-ngos',
  'kz-mfa',
  'national-centre-for-human-rights',
  'ohchr',
  'r-akylbekova',
  'relevant-ministries',
  'saltanat-tursynbekova',
  'undp',
];

function expectWellFormed(sub: SubgraphRecord): void {
  const nodes = new Set(sub.nodeIds);
  expect(nodes.size).toBe(sub.nodeIds.length);
  expect(new Set(sub.relationships.map((r) => r.id)).size).toBe(sub.relationships.length);
  for (const r of sub.relationships) {
    expect(nodes.has(r.fromId)).toBe(true);
    expect(nodes.has(r.toId)).toBe(true);
  }
  const ids = sub.relationships.map((r) => r.id);
  expect(ids).toEqual([...ids].sort());
}

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: TraversalStore;
    beforeAll(async () => {
      store = await loadedStore(kind);
    });
    afterAll(async () => {
      await store?.close();
    });

    const records = async (ids: readonly string[]): Promise<(RelationshipRecord | null)[]> => store.getRelationships(ids);

    describe('shortestPaths', () => {
      it('links B. Zhakaev to the OHCHR in 2 hops: he spoke at the concluding meeting, the OHCHR attended it', async () => {
        const paths = await store.shortestPaths({ fromId: 'b-zhakaev', toId: 'ohchr', maxHops: 4, direction: BOTH, first: 10 });
        expect(shape(paths)).toEqual([['b-zhakaev', 'SPOKE_AT', MEETING_ID, 'ATTENDED', 'ohchr']]);
        const ids = [`rel-b-zhakaev-spoke-at-${MEETING_ID}`, `rel-ohchr-attended-${MEETING_ID}`];
        expect(paths[0]!.relationships).toEqual(await records(ids));
      });

      it('lists every shortest path step by step by (node id, relationship id), then cuts to first', async () => {
        const toUn = await store.shortestPaths({ fromId: 'b-zhakaev', toId: 'un', maxHops: 6, direction: BOTH, first: 10 });
        expect(shape(toUn)).toEqual([
          ['b-zhakaev', 'SPOKE_AT', MEETING_ID, 'ATTENDED', 'ohchr', 'PART_OF', 'un'],
          ['b-zhakaev', 'SPOKE_AT', MEETING_ID, 'ATTENDED', 'undp', 'PART_OF', 'un'],
        ]);
        const firstOnly = await store.shortestPaths({ fromId: 'b-zhakaev', toId: 'un', maxHops: 6, direction: BOTH, first: 1 });
        expect(firstOnly).toEqual(toUn.slice(0, 1));
        // Parallel relationships are distinct paths: Vassilenko both chaired and spoke.
        const parallel = await store.shortestPaths({ fromId: 'saltanat-tursynbekova', toId: 'roman-vassilenko', maxHops: 3, direction: BOTH, first: 10 });
        expect(parallel.map((p) => p.relationships.map((r) => r.id))).toEqual([
          [`rel-saltanat-tursynbekova-spoke-at-${MEETING_ID}`, `rel-roman-vassilenko-chaired-${MEETING_ID}`],
          [`rel-saltanat-tursynbekova-spoke-at-${MEETING_ID}`, `rel-roman-vassilenko-spoke-at-${MEETING_ID}`],
        ]);
      });

      it('follows direction: OUTGOING from -> to, INCOMING the reverse', async () => {
        expect(await store.shortestPaths({ fromId: 'b-zhakaev', toId: 'un', maxHops: 6, direction: Direction.OUTGOING, first: 10 })).toEqual([]);
        const up = await store.shortestPaths({ fromId: 'roman-vassilenko', toId: 'un', maxHops: 6, direction: Direction.OUTGOING, first: 10 });
        expect(shape(up)).toEqual([['roman-vassilenko', 'HOLDS_POSITION', 'kz-mfa', 'PART_OF', 'kazakhstan', 'MEMBER_OF', 'un']]);
        const down = await store.shortestPaths({ fromId: 'un', toId: 'roman-vassilenko', maxHops: 6, direction: Direction.INCOMING, first: 10 });
        expect(down.map((p) => p.nodeIds)).toEqual([['un', 'kazakhstan', 'kz-mfa', 'roman-vassilenko']]);
        expect(down[0]!.relationships).toEqual([...up[0]!.relationships].reverse());
        expect(await store.shortestPaths({ fromId: 'un', toId: 'roman-vassilenko', maxHops: 6, direction: Direction.OUTGOING, first: 10 })).toEqual([]);
      });

      it('honours types and maxHops', async () => {
        const base = { fromId: 'b-zhakaev', toId: 'ohchr', direction: BOTH, first: 10 };
        expect(await store.shortestPaths({ ...base, maxHops: 6, types: [RelationshipType.SPOKE_AT] })).toEqual([]);
        expect(shape(await store.shortestPaths({ ...base, maxHops: 6, types: [RelationshipType.ATTENDED, RelationshipType.SPOKE_AT] }))).toHaveLength(1);
        expect(shape(await store.shortestPaths({ ...base, maxHops: 6, types: [] }))).toHaveLength(1);
        expect(await store.shortestPaths({ ...base, maxHops: 1 })).toEqual([]);
        // Only longer detours remain without the meeting's participations.
        const detour = await store.shortestPaths({ ...base, maxHops: 6, types: [RelationshipType.OBSERVES, RelationshipType.MEMBER_OF, RelationshipType.PART_OF, RelationshipType.SPOKE_AT] });
        expect(shape(detour)).toEqual([['b-zhakaev', 'SPOKE_AT', MEETING_ID, 'PART_OF', 'dphd-cab', 'OBSERVES', 'ohchr']]);
      });

      it('answers a path of length 0 from a node to itself, nothing for unknown ids', async () => {
        expect(await store.shortestPaths({ fromId: 'ohchr', toId: 'ohchr', maxHops: 3, direction: BOTH, first: 5 })).toEqual([
          { nodeIds: ['ohchr'], relationships: [] },
        ]);
        expect(await store.shortestPaths({ fromId: 'nope', toId: 'nope', maxHops: 3, direction: BOTH, first: 5 })).toEqual([]);
        expect(await store.shortestPaths({ fromId: 'nope', toId: 'ohchr', maxHops: 3, direction: BOTH, first: 5 })).toEqual([]);
        expect(await store.shortestPaths({ fromId: 'ohchr', toId: 'nope', maxHops: 3, direction: BOTH, first: 5 })).toEqual([]);
      });
    });

    describe('neighborhood', () => {
      it('depth 1: the centre, then its neighbours by id, and the relationships among them', async () => {
        const sub = await store.neighborhood({ id: 'b-zhakaev', depth: 1, limit: 100 });
        expect(sub.nodeIds).toEqual(['b-zhakaev', ...ZHAKAEV_LAYER_1]);
        expect(sub.truncated).toBe(false);
        expect(sub.relationships.every((r) => r.fromId === 'b-zhakaev')).toBe(true);
        expect(sub.relationships).toHaveLength(6);
        expectWellFormed(sub);
      });

      it('depth 2: layer by layer, no duplicates, every relationship between returned nodes, whole records', async () => {
        const sub = await store.neighborhood({ id: 'b-zhakaev', depth: 2, limit: 1000 });
        expect(sub.nodeIds.slice(0, 7)).toEqual(['b-zhakaev', ...ZHAKAEV_LAYER_1]);
        const layer2 = sub.nodeIds.slice(7);
        expect(layer2).toEqual([...layer2].sort());
        expect(layer2).toEqual(expect.arrayContaining(['ohchr', 'roman-vassilenko', 'dphd-cab', 'npm-against-torture', 'kz-mfa']));
        expect(layer2).not.toContain('un'); // three hops away
        expect(sub.nodeIds).toHaveLength(27);
        expect(sub.relationships).toHaveLength(32);
        expect(sub.truncated).toBe(false);
        expectWellFormed(sub);
        expect(sub.relationships).toEqual(await records(sub.relationships.map((r) => r.id)));
      });

      it('cuts a layer at limit by id and says so', async () => {
        const sub = await store.neighborhood({ id: 'b-zhakaev', depth: 2, limit: 5 });
        expect(sub.nodeIds).toEqual(['b-zhakaev', ...ZHAKAEV_LAYER_1.slice(0, 4)]);
        expect(sub.truncated).toBe(true);
        expect(sub.relationships).toHaveLength(4);
        expectWellFormed(sub);
        const exact = await store.neighborhood({ id: 'b-zhakaev', depth: 1, limit: 7 });
        expect(exact.truncated).toBe(false);
        expect(exact.nodeIds).toHaveLength(7);
        const centreOnly = await store.neighborhood({ id: 'b-zhakaev', depth: 1, limit: 1 });
        expect(centreOnly).toEqual({ nodeIds: ['b-zhakaev'], relationships: [], truncated: true });
      });

      it('filters kinds on the nodes entered, keeps the centre, and never walks through other kinds', async () => {
        const people = await store.neighborhood({ id: 'b-zhakaev', depth: 2, limit: 100, kinds: [EntityKind.PERSON] });
        expect(people).toEqual({ nodeIds: ['b-zhakaev'], relationships: [], truncated: false });
        const bodies = await store.neighborhood({ id: 'b-zhakaev', depth: 3, limit: 100, kinds: [EntityKind.ORGANIZATION, EntityKind.EVENT] });
        expect(bodies.nodeIds.slice(0, 3)).toEqual(['b-zhakaev', MEETING_ID, 'npm-coordinating-council']);
        expect(bodies.nodeIds.slice(-4)).toEqual(['commissioner-for-human-rights', 'kazakhstan', 'osce', 'un']);
        expect(bodies.nodeIds).not.toContain('roman-vassilenko');
        expectWellFormed(bodies);
      });

      it('filters relationship types on the walk and on the relationships returned', async () => {
        const sub = await store.neighborhood({ id: 'b-zhakaev', depth: 2, limit: 100, types: [RelationshipType.SPOKE_AT] });
        expect(sub.nodeIds).toEqual(['b-zhakaev', MEETING_ID, 'a-kayirbekov', 'r-akylbekova', 'roman-vassilenko', 'saltanat-tursynbekova']);
        expect(sub.relationships.map((r) => r.type)).toEqual(Array(5).fill(RelationshipType.SPOKE_AT));
      });

      it('depth 0 is the centre alone; an unknown centre is empty', async () => {
        expect(await store.neighborhood({ id: 'ohchr', depth: 0, limit: 10 })).toEqual({ nodeIds: ['ohchr'], relationships: [], truncated: false });
        expect(await store.neighborhood({ id: 'nope', depth: 2, limit: 10 })).toEqual({ nodeIds: [], relationships: [], truncated: false });
      });
    });

    describe('coParticipants', () => {
      const ALL = typesForRoles(null);

      it('everyone Roman Vassilenko met at the concluding meeting, once each, by name', async () => {
        const co = await store.coParticipants({ id: 'roman-vassilenko', types: ALL, first: 100 });
        expect(co.map((c) => c.entityId)).toEqual(VASSILENKO_CO_PARTICIPANTS);
        for (const id of ['saltanat-tursynbekova', 'a-kayirbekov', 'b-zhakaev', 'r-akylbekova']) {
          expect(co.find((c) => c.entityId === id)).toEqual({ entityId: id, count: 1, eventIds: [MEETING_ID] });
        }
      });

      it('counts only the given participation types, on both sides, and cuts to first', async () => {
        const speakers = await store.coParticipants({ id: 'roman-vassilenko', types: [RelationshipType.SPOKE_AT], first: 100 });
        expect(speakers.map((c) => c.entityId)).toEqual(['a-kayirbekov', 'b-zhakaev', 'r-akylbekova', 'saltanat-tursynbekova']);
        expect(await store.coParticipants({ id: 'roman-vassilenko', types: ALL, first: 3 })).toEqual(
          (await store.coParticipants({ id: 'roman-vassilenko', types: ALL, first: 100 })).slice(0, 3),
        );
        expect(await store.coParticipants({ id: 'roman-vassilenko', types: [], first: 100 })).toEqual([]);
        expect(await store.coParticipants({ id: 'ohchr', types: [RelationshipType.HOSTED], first: 100 })).toEqual([]);
        expect(await store.coParticipants({ id: 'nope', types: ALL, first: 100 })).toEqual([]);
      });
    });

    describe('timelines', () => {
      it('the DPHD CAB: established by the MFA in "2013", then the concluding meeting dated by its event', async () => {
        const [timeline] = await store.timelines(['dphd-cab'], {});
        expect(timeline!.map((t) => [t.date, t.relationship.type, t.relationship.id])).toEqual([
          ['2013', RelationshipType.ESTABLISHED, 'rel-kz-mfa-established-dphd-cab'],
          ['2023-12-14', RelationshipType.PART_OF, `rel-${MEETING_ID}-part-of-dphd-cab`],
        ]);
        expect(timeline![0]!.relationship).toEqual((await records(['rel-kz-mfa-established-dphd-cab']))[0]);
      });

      it('orders by date, then type, then id, and applies the window by partial-date overlap', async () => {
        const [vassilenko] = await store.timelines(['roman-vassilenko'], {});
        expect(vassilenko!.map((t) => t.relationship.type)).toEqual([RelationshipType.CHAIRED, RelationshipType.SPOKE_AT]);
        const dates = async (window: { from?: string | null; to?: string | null }): Promise<string[]> =>
          (await store.timelines(['dphd-cab'], window))[0]!.map((t) => t.date);
        expect(await dates({ from: '2023-12' })).toEqual(['2023-12-14']);
        expect(await dates({ from: '2013-05' })).toEqual(['2013', '2023-12-14']); // "2013" overlaps May 2013
        expect(await dates({ to: '2013-06' })).toEqual(['2013']);
        expect(await dates({ to: '2023' })).toEqual(['2013', '2023-12-14']);
        expect(await dates({ from: '2014', to: '2022' })).toEqual([]);
        expect(await dates({ from: '', to: '' })).toEqual(['2013', '2023-12-14']);
      });

      it('answers per id in key order: repeats repeated, unknown ids empty', async () => {
        const [a, b, c] = await store.timelines(['nope', 'dphd-cab', 'dphd-cab'], {});
        expect(a).toEqual([]);
        expect(b).toHaveLength(2);
        expect(c).toEqual(b);
        expect(await store.timelines([], {})).toEqual([]);
      });
    });
  });
}
