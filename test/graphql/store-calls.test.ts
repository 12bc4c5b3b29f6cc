import { TestApi } from '../support/api';
import { useSeededApi } from '../support/seeded-api';
import { describeStore, STORE_KINDS } from '../support/stores';
import { MEETING_ID } from '../support/seed-source';

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
