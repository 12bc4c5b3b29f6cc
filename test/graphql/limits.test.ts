import { configSchema } from '../../src/config';
import { documentRefusal, requestRefusal } from '../../src/graphql/limits/request-limits';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';

/**
 * The limits Apollo applies before execution (aliases, directives, cost) through the real server,
 * and the document limits the HTTP layer applies before parsing. Limits do not depend on the
 * store, so the embedded one serves. test/e2e/limits.test.ts runs the same over HTTP.
 */

const DEFAULTS = configSchema.parse({});

const aliased = (n: number): string =>
  `{ ${Array.from({ length: n }, (_, i) => `e${i}: entity(id: "roman-vassilenko") { id }`).join(' ')} }`;

/** A page of citations, each with a page of relationships: the cost multiplies through the nesting. */
const NESTED_PAGES = `query Nested($n: Int, $m: Int) {
  source(id: "${FOUNDING_SOURCE_ID}") {
    citations(first: $n) { relationship { from { relationships(first: $m) { edges { node { id } } } } } }
  }
}`;

describe('limits before execution', () => {
  const api = useSeededApi('embedded', { QUERY_STATS: '1', MAX_DIRECTIVES: '5' });

  it('refuses more aliases than MAX_ALIASES with QUERY_TOO_COMPLEX, saying how many and how to split', async () => {
    const result = await api().run(aliased(DEFAULTS.MAX_ALIASES + 1));
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', value: 31, max: 30 });
    expect(result.errors![0]!.message).toMatch(/31 aliased fields; at most 30 are allowed per operation\. Split it into several requests/);
    // Nothing ran: not one store call.
    expect(result.extensions?.storeCalls).toBe(0);
  });

  it('runs a query with exactly MAX_ALIASES aliases', async () => {
    const result = await api().run(aliased(DEFAULTS.MAX_ALIASES));
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data!)).toHaveLength(30);
  });

  it('refuses more directives than MAX_DIRECTIVES', async () => {
    const result = await api().run(`{ entity(id: "b-zhakaev") { ${'name @include(if: true) '.repeat(6)} } }`);
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'directives', value: 6, max: 5 }]);
    expect(result.errors![0]!.message).toMatch(/6 directives; at most 5 are allowed per operation/);
  });

  it('prices an operation with its variables, multiplied through nesting, and shows the cost', async () => {
    const small = await api().run(NESTED_PAGES, { n: 2, m: 2 });
    expect(small.errors).toBeUndefined();
    // relationships: 1 + 2 x (edges 1 + node 1 + id 1) = 7; from: 8; relationship: 9;
    // citations: 1 + 2 x 9 = 19; source: 20.
    expect(small.extensions?.cost).toBe(20);

    const big = await api().run(NESTED_PAGES, { n: 2000, m: 100 });
    expect(big.data).toBeUndefined();
    const [error] = big.errors!;
    expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULTS.MAX_QUERY_COST });
    // source 1 + citations (1 + 2000 x (relationship 1 + from 1 + relationships (1 + 100 x 3))).
    expect(error!.extensions!.value).toBe(606_002);
    expect(error!.message).toMatch(/606002 cost units; at most 250000 are allowed per request\. Ask for smaller pages/);
    expect(big.extensions?.storeCalls).toBe(0);
  });

  it('prices traversals by depth, limit and hops, whatever they select', async () => {
    const neighborhood = await api().run(`{ neighborhood(id: "${MEETING_ID}", depth: 2, limit: 100) { truncated } }`);
    expect(neighborhood.errors).toBeUndefined();
    // 2 layers x 500 for the walk + 100 nodes x (2 + truncated 1).
    expect(neighborhood.extensions?.cost).toBe(1300);
    const paths = await api().run(`{ paths(from: "roman-vassilenko", to: "b-zhakaev", maxHops: 3, first: 2) { length } }`);
    // 3 hops x 500 + 2 paths x 4 nodes x length 1.
    expect(paths.extensions?.cost).toBe(1508);
  });

  it('prices an out-of-bounds argument at its bound, so the resolver says what is wrong with it', async () => {
    const result = await api().run(`{ neighborhood(id: "${MEETING_ID}", depth: 9) { truncated } }`);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/"depth" must be an integer between 1 and 3; got 9/);
  });
});

describe('limits before parsing (the HTTP layer)', () => {
  const limits = { maxLength: 100, maxTokens: 10, maxFields: 500 };

  it('refuses a document over the character limit with its length', () => {
    const query = `{ entity(id: "${'x'.repeat(100)}") { id } }`;
    const refusal = documentRefusal(query, limits);
    expect(refusal?.code).toBe('QUERY_TOO_LARGE');
    expect(refusal?.details).toEqual({ limit: 'characters', value: query.length, max: 100 });
    expect(refusal?.message).toMatch(/125 characters; at most 100 are allowed per query document\. Send a shorter document/);
  });

  it('refuses a document over the token limit, counting no further than the limit', () => {
    const refusal = documentRefusal('{ entity(id: "x") { id name kind } }', limits);
    expect(refusal?.code).toBe('QUERY_TOO_LARGE');
    expect(refusal?.details).toEqual({ limit: 'tokens', max: 10 });
    expect(refusal?.message).toMatch(/more than 10 tokens/);
    expect(documentRefusal('{ entity { id } }', limits)).toBeNull();
  });

  it('refuses more fields than the limit (validation compares same-named fields pairwise), saying how many', () => {
    const wide = { maxLength: 100_000, maxTokens: 10_000, maxFields: 500 };
    expect(documentRefusal(`{ ${'__typename '.repeat(500)}}`, wide)).toBeNull();
    const refusal = documentRefusal(`{ ${'__typename '.repeat(501)}}`, wide);
    expect(refusal?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusal?.details).toEqual({ limit: 'fields', value: 501, max: 500 });
    expect(refusal?.message).toMatch(/^The query has 501 fields; at most 500 are allowed per query document\. Split it/);
  });

  it('counts fields as written: an aliased field once; arguments, variables, directives, spreads and type conditions not at all', () => {
    const query = `query Q($id: ID! = "x", $k: [EntityKind!] = [PERSON]) @a(b: { c: 1 }) {
      first: entity(id: $id) { id ...F ... on Person @include(if: true) { name } ... @skip(if: false) { __typename } }
      search(query: "x", kinds: $k, first: 5) { totalCount }
    }
    fragment F on Entity { kind aliases }`;
    const counted = (maxFields: number) => documentRefusal(query, { maxLength: 10_000, maxTokens: 1_000, maxFields })?.details;
    // entity, id, name, __typename, search, totalCount, kind, aliases
    expect(counted(7)).toEqual({ limit: 'fields', value: 8, max: 7 });
    expect(counted(8)).toBeUndefined();
  });

  it('leaves other syntax errors to Apollo', () => {
    expect(documentRefusal('{ entity(id: ', limits)).toBeNull();
  });

  it('refuses a JSON array of operations, and nothing else, as batching', () => {
    const refusal = requestRefusal([{ query: '{ a }' }, { query: '{ b }' }], limits);
    expect(refusal?.code).toBe('BATCHING_NOT_SUPPORTED');
    expect(refusal?.message).toMatch(/one operation per request, and this request is a JSON array of 2\. Send each operation as its own request/);
    expect(requestRefusal({ query: '{ a }' }, limits)).toBeNull();
    expect(requestRefusal({ query: 42 }, limits)).toBeNull();
    expect(requestRefusal(undefined, limits)).toBeNull();
  });
});
