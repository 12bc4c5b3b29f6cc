import { useSeededApi } from '../support/seeded-api';

// Validation happens above the store port, so one store is enough here.
const seeded = useSeededApi('embedded');

async function expectError(query: string, variables: Record<string, unknown>, code: string, message: RegExp) {
  const result = await seeded().run(query, variables);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe(code);
  expect(error!.message).toMatch(message);
  expect(error!.extensions?.stacktrace).toBeUndefined();
  expect(JSON.stringify(result.errors)).not.toMatch(/\.ts:\d+|at .*\(/);
}

const SEARCH = 'query ($q: String!, $first: Int, $after: String, $kinds: [EntityKind!]) { search(query: $q, first: $first, after: $after, kinds: $kinds) { totalCount } }';
const RELS = 'query ($first: Int, $after: String, $types: [RelationshipType!]) { entity(id: "roman-vassilenko") { relationships(first: $first, after: $after, types: $types) { totalCount } } }';
const EVENTS = 'query ($from: PartialDate, $to: PartialDate) { events(from: $from, to: $to) { totalCount } }';

describe('bad input gets BAD_USER_INPUT and a message a person can act on', () => {
  it.each([0, -1, 101, 10000])('first = %d', async (first) => {
    await expectError(SEARCH, { q: 'Vassilenko', first }, 'BAD_USER_INPUT', /"first" must be between 1 and 100/);
    await expectError(RELS, { first }, 'BAD_USER_INPUT', /"first" must be between 1 and 100/);
  });

  it.each(['garbage', 'b2Zmc2V0Oi0x', Buffer.from('offset:1.5').toString('base64url'), ''])('malformed after cursor %p', async (after) => {
    await expectError(SEARCH, { q: 'Vassilenko', after }, 'BAD_USER_INPUT', /"after" is not a cursor this API issued/);
  });

  it('empty or blank search text', async () => {
    await expectError(SEARCH, { q: '' }, 'BAD_USER_INPUT', /"query" is empty/);
    await expectError(SEARCH, { q: '   ' }, 'BAD_USER_INPUT', /"query" is empty/);
    await expectError(SEARCH, { q: '?!.' }, 'BAD_USER_INPUT', /no letter or digit/);
  });

  it('over-long search text', async () => {
    await expectError(SEARCH, { q: 'x'.repeat(201) }, 'BAD_USER_INPUT', /201 characters long; at most 200/);
  });

  it('unknown enum values in variables', async () => {
    await expectError(SEARCH, { q: 'x', kinds: ['ROBOT'] }, 'BAD_USER_INPUT', /ROBOT/);
    await expectError(RELS, { types: ['KNOWS'] }, 'BAD_USER_INPUT', /KNOWS/);
  });

  it.each(['2023-13', '2023-02-30', '14.12.2023', '23', '2023-1-1', '2023-12-14T00:00'])('malformed PartialDate %p in variables', async (from) => {
    await expectError(EVENTS, { from }, 'BAD_USER_INPUT', /PartialDate|month|day/);
  });

  it('accepts each PartialDate precision', async () => {
    for (const from of ['2023', '2023-12', '2023-12-14']) {
      const result = await seeded().run<{ events: { totalCount: number } }>(EVENTS, { from });
      expect(result.errors).toBeUndefined();
      expect(result.data?.events.totalCount).toBe(1);
    }
    const before = await seeded().run<{ events: { totalCount: number } }>(EVENTS, { to: '2023-11' });
    expect(before.data?.events.totalCount).toBe(0);
  });

  it('a window whose end is before its start', async () => {
    await expectError(EVENTS, { from: '2024', to: '2023' }, 'BAD_USER_INPUT', /"to" \(2023\) is before "from" \(2024\)/);
  });

  it('refuses queries deeper than the limit before running them', async () => {
    let selection = 'name';
    for (let i = 0; i < 5; i++) selection = `relationships { edges { node { to { ${selection} } } } }`;
    const result = await seeded().run(`{ entity(id: "roman-vassilenko") { ${selection} } }`);
    expect(result.errors?.[0]?.message).toMatch(/^The query has \d+ levels of nesting; at most 8 are allowed per operation\. Split it/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 8 });
    expect(result.data).toBeUndefined();
  });

  it('answers null, not an error, for an unknown id', async () => {
    const result = await seeded().run('{ entity(id: "no-such-id") { id } }');
    expect(result).toMatchObject({ data: { entity: null } });
    expect(result.errors).toBeUndefined();
  });
});
