import { useSeededApi } from '../support/seeded-api';
import { describeStore, STORE_KINDS } from '../support/stores';
import { FOUNDING_TEXT, MEETING_ID } from '../support/seed-source';

/** The same API checks on every store: the answers must not depend on the adapter. */
for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind);

  describe('paths', () => {
    const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!], $direction: Direction) {
      path(from: $from, to: $to, maxHops: $maxHops, types: $types, direction: $direction) {
        length
        nodes { id }
        relationships { type from { id } to { id } evidence { quote } }
      }
    }`;

    it('links B. Zhakaev to the OHCHR through the concluding meeting, every step sourced', async () => {
      const { path } = await api().data(PATH, { from: 'b-zhakaev', to: 'ohchr' });
      expect(path.length).toBe(2);
      expect(path.nodes.map((n: { id: string }) => n.id)).toEqual(['b-zhakaev', MEETING_ID, 'ohchr']);
      expect(path.relationships.map((r: { type: string }) => r.type)).toEqual(['SPOKE_AT', 'ATTENDED']);
      for (const r of path.relationships) for (const e of r.evidence) expect(FOUNDING_TEXT).toContain(e.quote);
    });

    it('respects direction and types, and answers null when nothing is within reach', async () => {
      expect((await api().data(PATH, { from: 'b-zhakaev', to: 'ohchr', direction: 'OUTGOING' })).path).toBeNull();
      expect((await api().data(PATH, { from: 'b-zhakaev', to: 'ohchr', types: ['SPOKE_AT'] })).path).toBeNull();
      expect((await api().data(PATH, { from: 'b-zhakaev', to: 'ohchr', maxHops: 1 })).path).toBeNull();
      expect((await api().data(PATH, { from: 'b-zhakaev', to: 'no-such-id' })).path).toBeNull();
    });

    it('lists all shortest paths in a stable order', async () => {
      const query = `{ paths(from: "roman-vassilenko", to: "saltanat-tursynbekova", first: 10) { length nodes { id } relationships { id } } }`;
      const { paths } = await api().data(query);
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) expect(p.length).toBe(paths[0].length);
      const keys = paths.map((p: { nodes: { id: string }[]; relationships: { id: string }[] }) =>
        JSON.stringify([p.nodes.map((n) => n.id), p.relationships.map((r) => r.id)]),
      );
      expect(new Set(keys).size).toBe(keys.length);
      expect((await api().data(query)).paths).toEqual(paths);
    });
  });

  describe('neighborhood', () => {
    const NEIGHBORHOOD = `query ($id: ID!, $depth: Int, $limit: Int, $kinds: [EntityKind!]) {
      neighborhood(id: $id, depth: $depth, limit: $limit, kinds: $kinds) {
        truncated
        nodes { id kind }
        relationships { id from { id } to { id } }
        cytoscape
      }
    }`;

    it('returns a drawable ego network: no duplicates, every relationship end among the nodes', async () => {
      const { neighborhood } = await api().data(NEIGHBORHOOD, { id: 'b-zhakaev', depth: 2 });
      const ids: string[] = neighborhood.nodes.map((n: { id: string }) => n.id);
      expect(ids[0]).toBe('b-zhakaev');
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining([MEETING_ID, 'ohchr', 'convention-against-torture', 'npm-against-torture']));
      const relIds = neighborhood.relationships.map((r: { id: string }) => r.id);
      expect(new Set(relIds).size).toBe(relIds.length);
      for (const r of neighborhood.relationships) {
        expect(ids).toContain(r.from.id);
        expect(ids).toContain(r.to.id);
      }
      expect(neighborhood.truncated).toBe(false);
      const elements = neighborhood.cytoscape as { group: string; data: { id: string; source?: string } }[];
      expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(ids.length);
      expect(elements.filter((e) => e.group === 'edges')).toHaveLength(relIds.length);
    });

    it('says when the limit cut it short', async () => {
      const { neighborhood } = await api().data(NEIGHBORHOOD, { id: MEETING_ID, depth: 1, limit: 5 });
      expect(neighborhood.nodes).toHaveLength(5);
      expect(neighborhood.truncated).toBe(true);
    });

    it('keeps only the kinds asked for', async () => {
      const { neighborhood } = await api().data(NEIGHBORHOOD, { id: MEETING_ID, depth: 1, kinds: ['PERSON'] });
      const kinds = neighborhood.nodes.slice(1).map((n: { kind: string }) => n.kind);
      expect(new Set(kinds)).toEqual(new Set(['PERSON']));
      expect(kinds).toHaveLength(5);
    });
  });

  describe('coParticipants', () => {
    it('of Roman Vassilenko include every other speaker, each with one shared event', async () => {
      const { coParticipants } = await api().data(`{
        coParticipants(id: "roman-vassilenko") { entity { id } count events { id } }
      }`);
      const byId = new Map<string, { count: number; events: { id: string }[] }>(
        coParticipants.map((c: { entity: { id: string } }) => [c.entity.id, c]),
      );
      for (const speaker of ['saltanat-tursynbekova', 'a-kayirbekov', 'b-zhakaev', 'r-akylbekova']) {
        expect(byId.get(speaker)).toEqual({ entity: { id: speaker }, count: 1, events: [{ id: MEETING_ID }] });
      }
      expect(byId.has('roman-vassilenko')).toBe(false);
      expect(byId.has('kz-mfa')).toBe(true);
    });

    it('filters by role', async () => {
      const { coParticipants } = await api().data(`{ coParticipants(id: "roman-vassilenko", roles: [SPEAKER]) { entity { id } } }`);
      expect(coParticipants.map((c: { entity: { id: string } }) => c.entity.id).sort()).toEqual(
        ['a-kayirbekov', 'b-zhakaev', 'r-akylbekova', 'saltanat-tursynbekova'],
      );
    });
  });

  describe('timeline', () => {
    it("of the platform starts with its establishment in 2013", async () => {
      const { entity } = await api().data(`{ entity(id: "dphd-cab") { timeline { date summary relationship { type } } } }`);
      const items = entity.timeline;
      expect(items[0]).toMatchObject({ date: '2013', relationship: { type: 'ESTABLISHED' } });
      expect(items[0].summary).toBe('Established by Ministry of Foreign Affairs of the Republic of Kazakhstan');
      expect(items.map((i: { date: string }) => i.date)).toEqual(['2013', '2023-12-14']);
    });

    it('of a person reads as sentences, and honours the window', async () => {
      const query = `query ($from: PartialDate, $to: PartialDate) { entity(id: "roman-vassilenko") { timeline(from: $from, to: $to) { date summary } } }`;
      const { entity } = await api().data(query, {});
      expect(entity.timeline.map((i: { summary: string }) => i.summary)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Chaired Concluding meeting of/), expect.stringMatching(/^Spoke at Concluding meeting/)]),
      );
      expect((await api().data(query, { from: '2023-12' })).entity.timeline).toHaveLength(entity.timeline.length);
      expect((await api().data(query, { to: '2023-11' })).entity.timeline).toHaveLength(0);
    });
  });

  describe('relationship filters and listing', () => {
    const RELS = `query ($id: ID!, $activeAt: PartialDate, $from: PartialDate, $to: PartialDate, $otherKinds: [EntityKind!]) {
      entity(id: $id) { relationships(activeAt: $activeAt, from: $from, to: $to, otherKinds: $otherKinds, first: 100) { totalCount edges { node { type } } } }
    }`;

    it('by kind of the other end', async () => {
      const { entity } = await api().data(RELS, { id: 'b-zhakaev', otherKinds: ['LAW'] });
      expect(entity.relationships.edges.map((e: { node: { type: string } }) => e.node.type).sort()).toEqual(['PROPOSED', 'REFERENCED', 'REFERENCED']);
    });

    it('by date: the establishment is active from 2013 on, the meeting only on its day', async () => {
      const at = async (activeAt: string) =>
        (await api().data(RELS, { id: 'dphd-cab', activeAt })).entity.relationships.edges.map((e: { node: { type: string } }) => e.node.type).sort();
      expect(await at('2012')).toEqual([]);
      expect(await at('2013')).toEqual(['ESTABLISHED']);
      expect(await at('2023-12')).toEqual(['ESTABLISHED', 'PART_OF']);
      const window = await api().data(RELS, { id: 'dphd-cab', from: '2014', to: '2022' });
      expect(window.entity.relationships.totalCount).toBe(1);
    });

    it('entities by kind, country, orgType and part of the name', async () => {
      const { entities } = await api().data(`{
        entities(kinds: [ORGANIZATION], where: { country: "KZ", nameContains: "foreign" }) { totalCount edges { node { id } } }
      }`);
      expect(entities.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['kz-mfa']);
      const ngo = await api().data(`{ entities(where: { orgType: INTERNATIONAL_ORGANIZATION }, first: 100) { totalCount } }`);
      expect(ngo.entities.totalCount).toBe(5);
    });
  });

  describe('bounds', () => {
    it.each([
      ['{ neighborhood(id: "dphd-cab", depth: 4) { truncated } }', /"depth" must be an integer between 1 and 3; got 4/],
      ['{ neighborhood(id: "dphd-cab", limit: 1001) { truncated } }', /"limit" must be an integer between 1 and 1000; got 1001/],
      ['{ path(from: "a", to: "b", maxHops: 7) { length } }', /"maxHops" must be an integer between 1 and 6; got 7/],
      ['{ paths(from: "a", to: "b", first: 0) { length } }', /"first" must be an integer between 1 and 100; got 0/],
      ['{ coParticipants(id: "a", first: 5000) { count } }', /"first" must be an integer between 1 and 1000; got 5000/],
    ])('%s is refused with BAD_USER_INPUT', async (query, message) => {
      const result = await api().run(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    });

    it('unknown ids give null or empty answers, not errors', async () => {
      const result = await api().run(`{
        neighborhood(id: "nope") { nodes { id } truncated }
        coParticipants(id: "nope") { count }
        paths(from: "nope", to: "ohchr") { length }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ neighborhood: { nodes: [], truncated: false }, coParticipants: [], paths: [] });
    });
  });
  });
}
