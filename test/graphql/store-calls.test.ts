import { Confidence } from '../../src/domain/enums';
import { TestApi } from '../support/api';
import { person } from '../support/records';
import { useSeededApi } from '../support/seeded-api';
import { describeStore, STORE_KINDS } from '../support/stores';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';

/**
 * `extensions.storeCalls` (QUERY_STATS=1) counts port calls, identically for both adapters: one
 * per nesting level, however many parents that level has, and one in all below `entity(id)`,
 * whose selection is read as one planned read (ports/read-plan).
 */
const NESTED = `query ($id: ID!) {
  entity(id: $id) {
    ... on Event { participants { entity { relationships(first: 50) { edges { node { to { name } } } } } } }
  }
}`;

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind, { QUERY_STATS: '1' });

    it('event -> participants -> entity -> relationships -> to -> name: one call for all levels', async () => {
      const result = await api().run<any>(NESTED, { id: MEETING_ID });
      expect(result.errors).toBeUndefined();
      expect(result.data.entity.participants.length).toBeGreaterThan(10);
      // The entity, participations, participant entities, their relationships and the far ends, planned.
      expect(result.extensions?.storeCalls).toBe(1);
    });

    it('a planned read answers exactly what the level-by-level loads answer', async () => {
      const selection = `participants { role capacity evidence { quote start }
        entity { id name aliases relationships(first: 3, direction: INCOMING) { totalCount edges { cursor } } }
        onBehalfOf { id name } }`;
      const planned = await api().run<any>(`query ($id: ID!) { entity(id: $id) { ... on Event { ${selection} } } }`, { id: MEETING_ID });
      // events(...) is not planned: its nodes load level by level. (The depth limit keeps this shallow;
      // test/contract/read-plan covers the deeper levels.)
      const loaded = await api().run<any>(`{ events(first: 100) { edges { node { id ... on Event { ${selection} } } } } }`);
      expect(planned.errors).toBeUndefined();
      expect(loaded.errors).toBeUndefined();
      expect(planned.extensions?.storeCalls).toBe(1);
      expect(loaded.extensions?.storeCalls).toBeGreaterThan(3);
      const meeting = loaded.data.events.edges.find((e: any) => e.node.id === MEETING_ID).node;
      expect(planned.data.entity.participants).toEqual(meeting.participants);
      expect(planned.data.entity.participants.some((p: any) => p.onBehalfOf && p.evidence.length > 0)).toBe(true);
    });

    it('a selection the plan does not know reads whole records, and answers alike', async () => {
      // `timeline` is outside the fields a slim read is known to serve: every record field is read.
      const withTimeline = `query ($id: ID!) { entity(id: $id) { ... on Event { participants { entity { name description timeline { date } } } } } }`;
      const result = await api().run<any>(withTimeline, { id: MEETING_ID });
      expect(result.errors).toBeUndefined();
      expect(result.data.entity.participants.some((p: any) => p.entity.description)).toBe(true);
    });

    it('a deeper fan-out costs no more calls per level', async () => {
      const result = await api().run<any>(`{
        search(query: "a", first: 20) {
          edges { node { evidence { source { id } } relationships { edges { node { from { id } to { id } } } } } }
        }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data.search.edges.length).toBeGreaterThan(5);
      // search, the entities' sources, their relationships, the relationship ends (from and to in one batch).
      expect(result.extensions?.storeCalls).toBe(4);
    });

    it('a source page: one call per field and level, however many citations and facts', async () => {
      const result = await api().run<any>(
        `query ($id: ID!) {
          source(id: $id) { citationCount citations { quote entity { id name } relationship { id type } } }
        }`,
        { id: FOUNDING_SOURCE_ID },
      );
      expect(result.errors).toBeUndefined();
      const citations = result.data.source.citations as { entity: unknown; relationship: unknown }[];
      expect(citations.filter((c) => c.entity).length).toBeGreaterThan(10);
      expect(citations.filter((c) => c.relationship).length).toBeGreaterThan(10);
      // The source; its citations and its count (a field each); the cited entities; the cited relationships.
      expect(result.extensions?.storeCalls).toBe(5);
    });

    it('every source with its citations: one citation call for all sources', async () => {
      const text = 'A second source, quoted once.';
      const second = { id: 'second-source', title: 'Second', publisher: null, publishedAt: null, url: null, text };
      const quoted = { ...person('second-source-person'), evidence: [{ sourceId: second.id, quote: text, confidence: Confidence.LOW, start: 0, end: text.length }] };
      await api().store.upsert({ sources: [second], entities: [quoted], relationships: [] });
      const result = await api().run<any>('{ sources { id citationCount citations(first: 20) { entity { id } } } }');
      expect(result.errors).toBeUndefined();
      expect(result.data.sources).toHaveLength(2);
      expect(result.data.sources.find((s: { id: string }) => s.id === second.id)).toEqual({
        id: second.id, citationCount: 1, citations: [{ entity: { id: quoted.id } }],
      });
      // listSources, citationsOf and citationCounts (each once for both sources), the cited entities.
      expect(result.extensions?.storeCalls).toBe(4);
    });

    it('is absent when QUERY_STATS is off', async () => {
      const plain = await TestApi.start(api().store);
      try {
        expect((await plain.run('{ sources { id } }')).extensions?.storeCalls).toBeUndefined();
      } finally {
        await plain.stop();
      }
    });
  });
}
