import { getIntrospectionQuery } from 'graphql';
import { configSchema } from '../../src/config';
import { documentRefusal } from '../../src/graphql/limits/request-limits';
import { IDE_EXAMPLES } from '../../src/http/ide-examples';
import * as EXPLORER from '../../web/explorer/queries';
import { TOKEN_ENV, TOKENS } from '../support/api';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';

/**
 * The limits' defaults must never refuse what this API's own clients send: every document of the
 * explorer (with the largest variables its controls allow) and of the IDE (its examples and
 * GraphiQL's schema query) is run with the default limits, and each must cost under half the cap.
 */

const DEFAULTS = configSchema.parse({});
const LIMIT_CODES = ['QUERY_TOO_COMPLEX', 'QUERY_TOO_LARGE', 'GRAPHQL_VALIDATION_FAILED'];

/** The explorer's variables per document, at the top of what its controls offer. */
const EXPLORER_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = {
  SEARCH: { query: 'Vassilenko' },
  ENTITY_PAGE: { id: 'roman-vassilenko' },
  RELATIONSHIPS_PAGE: { id: 'dphd-cab' },
  PARTICIPANTS: { id: MEETING_ID },
  TIMELINE: { id: 'roman-vassilenko' },
  CO_PARTICIPANTS: { id: 'roman-vassilenko' },
  NEIGHBORHOOD: { id: MEETING_ID, depth: 3, limit: 1000 },
  ENTITY_NAMES: { id: 'roman-vassilenko' },
  PATHS: { from: 'roman-vassilenko', to: 'b-zhakaev' },
  SOURCE: { id: FOUNDING_SOURCE_ID },
  INGESTION: { id: 'no-such-ingestion' },
  ACCEPT_PROPOSALS: { ids: ['no-such-proposal'] },
  REJECT_PROPOSALS: { ids: ['no-such-proposal'], reason: 'test' },
  UPDATE_PROPOSAL: { id: 'no-such-proposal', input: { name: 'x' } },
};

const documents: [string, string, Record<string, unknown>][] = [
  ...Object.entries(EXPLORER)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, query]): [string, string, Record<string, unknown>] => [`explorer ${name}`, query, EXPLORER_VARIABLES[name] ?? {}]),
  ...IDE_EXAMPLES.map((e): [string, string, Record<string, unknown>] => [`IDE "${e.title}"`, e.query, e.variables ?? {}]),
  [
    "GraphiQL's schema query",
    getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    {},
  ],
];

describe('the default limits and the clients of this API', () => {
  const api = useSeededApi('embedded', { ...TOKEN_ENV, QUERY_STATS: '1' });
  const costs: string[] = [];
  afterAll(() => process.stdout.write(`costs with the default limits (cap ${DEFAULTS.MAX_QUERY_COST}):\n${costs.join('\n')}\n`));

  it('has variables for every explorer document that takes some', () => {
    const needing = Object.entries(EXPLORER).filter(([, query]) => typeof query === 'string' && /\$\w+: \w+!/.test(query));
    expect(needing.length).toBeGreaterThan(10);
    expect(needing.map(([name]) => name).filter((name) => !EXPLORER_VARIABLES[name])).toEqual([]);
  });

  it.each(documents)('%s stays under every default limit', async (name, query, variables) => {
    expect(documentRefusal(query, { maxLength: DEFAULTS.MAX_QUERY_LENGTH, maxTokens: DEFAULTS.MAX_TOKENS, maxFields: DEFAULTS.MAX_FIELDS })).toBeNull();
    const result = await api().run(query, variables, { token: TOKENS.editor });
    expect(result.errors?.filter((e) => LIMIT_CODES.includes(e.extensions?.code as string)) ?? []).toEqual([]);
    const cost = result.extensions?.cost as number;
    costs.push(`  ${String(cost).padStart(7)}  ${name}`);
    expect(cost).toBeLessThan(DEFAULTS.MAX_QUERY_COST / 2);
  });
});
