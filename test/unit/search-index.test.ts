/**
 * The embedded store's search index (src/adapters/embedded/search-index.ts) must never lose a
 * match: after any sequence of puts, renames and deletions, the entities it offers for a query,
 * scored, are exactly those a scan of every entity finds. Names come from a small alphabet so
 * prefixes, shared tokens, acronyms and emptied tokens occur often.
 */
import * as fc from 'fast-check';
import { SearchIndex } from '../../src/adapters/embedded/search-index';
import { parseQuery, scoreDoc } from '../../src/search/score';
import { buildSearchDoc, type SearchDoc } from '../../src/search/search-doc';

const word = fc.stringMatching(/^[abcé][abc]{0,3}$/);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 12 }), name, alias: fc.option(name, { nil: null }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constant('search' as const), text: fc.oneof(name, word, fc.constantFrom('', 'A. B', 'ab-c', 'É')) }),
);

describe('embedded search index', () => {
  it('offers every entity a full scan would match, for any history of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const index = new SearchIndex();
        const all = new Map<string, SearchDoc>();
        for (const o of ops) {
          if (o.kind === 'put') {
            const doc = buildSearchDoc(o.name, o.alias ? [o.alias] : []);
            index.set(`e${o.id}`, doc);
            all.set(`e${o.id}`, doc);
          } else if (o.kind === 'delete') {
            index.delete(`e${o.id}`);
            all.delete(`e${o.id}`);
          } else {
            const query = parseQuery(o.text);
            const scanned = [...all].filter(([, doc]) => scoreDoc(query, doc) > 0).map(([id]) => id).sort();
            const offered = [...index.candidates(query)];
            const found = offered.filter((id) => scoreDoc(query, index.get(id)!) > 0).sort();
            expect(found).toEqual(scanned);
            expect(offered.every((id) => all.has(id))).toBe(true);
          }
        }
      }),
      { seed: 13, numRuns: 400 },
    );
  });

  it('offers only the entities under the rarest query token', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 50; i++) index.set(`p${i}`, buildSearchDoc(`Person ${i}`, []));
    index.set('rv', buildSearchDoc('Roman Vassilenko', []));
    index.set('rp', buildSearchDoc('Roman Person', []));
    expect([...index.candidates(parseQuery('person roman'))].sort()).toEqual(['rp', 'rv']);
    expect(index.candidates(parseQuery('zz')).size).toBe(0);
  });
});
