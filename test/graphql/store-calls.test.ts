import { Confidence } from '../../src/domain/enums';
import { TestApi } from '../support/api';
import { person } from '../support/records';
import { useSeededApi } from '../support/seeded-api';
import { describeStore, STORE_KINDS } from '../support/stores';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';

/**
 * `extensions.storeCalls` (QUERY_STATS=1) counts port calls, identically for both adapters: one
 * per nesting level, however many parents that level has.
 */
const NESTED = `query ($id: ID!) {
  entity(id: $id) {
    ... on Event { participants { entity { relationships(first: 50) { edges { node { to { name } } } } } } }
  }
}`;

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind, { QUERY_STATS: '1' });

    it('event -> participants -> entity -> relationships -> to -> name: one call per level', async () => {
      const result = await api().run<any>(NESTED, { id: MEETING_ID });
      expect(result.errors).toBeUndefined();
      expect(result.data.entity.participants.length).toBeGreaterThan(10);
      // entity, participations, participant entities, their relationships, the far ends.
      expect(result.extensions?.storeCalls).toBe(5);
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
