import { useSeededApi } from '../support/seeded-api';
import { describeStore, STORE_KINDS } from '../support/stores';

/** The same API checks on every store: the answers must not depend on the adapter. */
for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind);

  const SEARCH = `query ($q: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
    search(query: $q, kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id } }
    }
  }`;

  interface SearchData {
    search: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string } }[] };
  }

  async function ids(q: string, kinds?: string[]): Promise<string[]> {
    const data = await api().data<SearchData>(SEARCH, { q, kinds });
    return data.search.edges.map((e) => e.node.id);
  }

  describe('search finds people and institutions the way users type them', () => {
    it.each([
      ['Р. Vassilenko', 'roman-vassilenko'],
      ['r. vassilenko', 'roman-vassilenko'],
      ['R. Vassilenko', 'roman-vassilenko'],
      ['Vassilenko', 'roman-vassilenko'],
      ['ROMAN VASSILENKO', 'roman-vassilenko'],
      ['Tursynbek', 'saltanat-tursynbekova'],
      ['S. Tursynbekova', 'saltanat-tursynbekova'],
      ['National Center for Human Rights', 'national-centre-for-human-rights'],
      ['national centre for human rights', 'national-centre-for-human-rights'],
      ['DPHD CAB', 'dphd-cab'],
      ['OHCHR', 'ohchr'],
      ['UNDP', 'undp'],
      ['United Nations Development Program', 'undp'],
      ['Zhakaev', 'b-zhakaev'],
      ['Akylbékova', 'r-akylbekova'],
    ])('"%s" finds %s first', async (query, id) => {
      expect((await ids(query))[0]).toBe(id);
    });

    it('ranks the exact name before alias, initials and partial matches', async () => {
      const found = await ids('United Nations');
      expect(found[0]).toBe('un');
      expect(found).toEqual(expect.arrayContaining(['undp', 'ohchr']));
    });

    it('filters by kind', async () => {
      expect(await ids('Vassilenko', ['ORGANIZATION'])).toEqual([]);
      const people = await ids('a', ['PERSON']);
      // "A." is Kayirbekov's whole initial; it is only a prefix of Akylbekova.
      expect(people).toEqual(['a-kayirbekov', 'r-akylbekova']);
    });

    it('pages with opaque cursors and a stable total', async () => {
      const first = await api().data<SearchData>(SEARCH, { q: 'Ministry', first: 2 });
      expect(first.search.totalCount).toBeGreaterThan(2);
      expect(first.search.edges).toHaveLength(2);
      expect(first.search.pageInfo.hasNextPage).toBe(true);
      const rest = await api().data<SearchData>(SEARCH, { q: 'Ministry', first: 100, after: first.search.pageInfo.endCursor });
      expect(rest.search.totalCount).toBe(first.search.totalCount);
      expect(rest.search.pageInfo.hasNextPage).toBe(false);
      const all = [...first.search.edges, ...rest.search.edges].map((e) => e.node.id);
      expect(new Set(all).size).toBe(first.search.totalCount);
    });

    it('finds nothing, without error, for a name not in the graph', async () => {
      const data = await api().data<SearchData>(SEARCH, { q: 'Nonexistent Person' });
      expect(data.search).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });
  });
  });
}
