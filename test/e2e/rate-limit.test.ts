import { startApp, type RunningApp } from '../../src/app';
import { configSchema } from '../../src/config';
import { silentLogger, testConfig, TOKEN_ENV, TOKENS } from '../support/api';
import { parseMetrics } from './metrics-text';

/**
 * The rate limit as callers meet it through the real server: per caller (a valid token, else the
 * client address), reads and writes counted apart, and a refusal a GraphQL client can read.
 */
const READS = 4;
const WRITES = 2;
const QUERY = '{ entity(id: "roman-vassilenko") { name } }';
const MUTATION = 'mutation { updateEntity(id: "roman-vassilenko", input: { description: "rate limit test" }) { id } }';

interface Sent {
  status: number;
  headers: Headers;
  body: any;
}

function client(url: string) {
  return async function post(body: unknown, headers: Record<string, string> = {}): Promise<Sent> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

async function limited(env: Record<string, string> = {}): Promise<RunningApp> {
  return startApp(
    testConfig({ ...TOKEN_ENV, RATE_LIMIT_READS_PER_MINUTE: String(READS), RATE_LIMIT_WRITES_PER_MINUTE: String(WRITES), ...env }),
    silentLogger,
  );
}

function expectRefused(sent: Sent, what: 'queries' | 'mutations', who: 'address' | 'token'): void {
  expect(sent.status).toBe(429);
  expect(sent.headers.get('content-type')).toMatch(/^application\/json/);
  const retryAfter = Number(sent.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(sent.body).toEqual({
    errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }],
  });
  const max = what === 'queries' ? READS : WRITES;
  expect(sent.body.errors[0].message).toBe(
    `Rate limit reached: this ${who} may send ${max} ${what} a minute. Retry in ${retryAfter} s ` +
      '(the Retry-After header says the same), or spread the requests out.',
  );
}

describe('rate limits on /graphql', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await limited();
  });
  afterAll(() => app.stop());

  it('lets an address make its reads, then answers 429 with Retry-After and a RATE_LIMITED error', async () => {
    const post = client(app.url);
    for (let i = 1; i <= READS; i++) {
      const sent = await post({ query: QUERY });
      expect(sent.status).toBe(200);
      expect(sent.headers.get('x-ratelimit-limit')).toBe(String(READS));
      expect(sent.headers.get('x-ratelimit-remaining')).toBe(String(READS - i));
    }
    expectRefused(await post({ query: QUERY }), 'queries', 'address');
    // GET is a read too.
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(429);
  });

  it('counts writes apart from reads: the exhausted address may still send its mutations, then not', async () => {
    const post = client(app.url);
    // No token: refused by the API (UNAUTHENTICATED), but counted as a write all the same.
    for (let i = 0; i < WRITES; i++) {
      const sent = await post({ query: MUTATION });
      expect(sent.status).toBe(200);
      expect(sent.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expectRefused(await post({ query: MUTATION }), 'mutations', 'address');
  });

  it('counts a valid token as its own caller, wherever it comes from; an invalid one counts as the address', async () => {
    const post = client(app.url);
    expect((await post({ query: QUERY }, bearer('not-a-token'))).status).toBe(429);
    for (let i = 0; i < READS; i++) expect((await post({ query: QUERY }, bearer(TOKENS.reader))).status).toBe(200);
    expectRefused(await post({ query: QUERY }, bearer(TOKENS.reader)), 'queries', 'token');
    // Another token has its own allowance.
    expect((await post({ query: QUERY }, bearer(TOKENS.admin))).status).toBe(200);
    // The editor's writes go through and are counted to the editor.
    for (let i = 0; i < WRITES; i++) {
      const sent = await post({ query: MUTATION }, bearer(TOKENS.editor));
      expect(sent.body.errors).toBeUndefined();
    }
    expectRefused(await post({ query: MUTATION }, bearer(TOKENS.editor)), 'mutations', 'token');
    expect((await post({ query: QUERY }, bearer(TOKENS.editor))).status).toBe(200);
  });

  it('leaves health, readiness, metrics, the explorer and the IDE page alone', async () => {
    expect((await client(app.url)({ query: QUERY })).status).toBe(429);
    for (const path of ['/health', '/ready', '/metrics', '/', '/entity/roman-vassilenko']) {
      const res = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });
      expect([path, res.status]).not.toEqual([path, 429]);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const ide = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(ide.status).not.toBe(429);
  });

  it('counts the refusals above in /metrics, by class', async () => {
    const metrics = parseMetrics(await (await fetch(`${app.url}/metrics`)).text());
    expect(metrics.value('rightsgraph_rate_limited_total', { class: 'read' })).toBe(5);
    expect(metrics.value('rightsgraph_rate_limited_total', { class: 'write' })).toBe(2);
    const refused = { route: '/graphql', status: '429' };
    expect(metrics.value('rightsgraph_http_request_duration_seconds_count', { ...refused, method: 'POST' })).toBe(6);
    expect(metrics.value('rightsgraph_http_request_duration_seconds_count', { ...refused, method: 'GET' })).toBe(1);
  });
});

describe('what counts as a write', () => {
  let app: RunningApp;
  beforeEach(async () => {
    app = await limited({ RATE_LIMIT_WRITES_PER_MINUTE: '1' });
  });
  afterEach(() => app.stop());

  /** Sends `body` twice: a write the second time is over the limit of one. */
  async function isWrite(body: unknown): Promise<boolean> {
    const post = client(app.url);
    await post(body);
    return (await post(body)).status === 429;
  }

  it.each([
    ['a query', { query: QUERY }, false],
    ['a query that says "mutation" in a string', { query: '{ search(query: "mutation") { totalCount } }' }, false],
    ['a mutation', { query: MUTATION }, true],
    ['the query of a document that also holds a mutation', { query: `query Q ${QUERY} ${MUTATION.replace('mutation', 'mutation M')}`, operationName: 'Q' }, false],
    ['the mutation of a document that also holds a query', { query: `query Q ${QUERY} ${MUTATION.replace('mutation', 'mutation M')}`, operationName: 'M' }, true],
    ['a persisted query sent by its hash alone', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, true],
    ['a document that does not parse', { query: 'mutation {' }, false],
  ])('%s', async (_, body, write) => {
    expect(await isWrite(body)).toBe(write);
  });
});

describe('rate limit settings', () => {
  it('has defaults that leave room for the explorer and a newsroom behind one address', () => {
    const config = configSchema.parse({});
    expect(config.RATE_LIMIT_ENABLED).toBe(true);
    expect(config.RATE_LIMIT_READS_PER_MINUTE).toBe(600);
    expect(config.RATE_LIMIT_WRITES_PER_MINUTE).toBe(60);
    expect(config.TRUST_PROXY).toBe(false);
  });

  it('RATE_LIMIT_ENABLED=0 turns it off', async () => {
    const app = await limited({ RATE_LIMIT_ENABLED: '0' });
    try {
      const post = client(app.url);
      for (let i = 0; i < READS + 3; i++) {
        const sent = await post({ query: QUERY });
        expect(sent.status).toBe(200);
        expect(sent.headers.get('x-ratelimit-limit')).toBeNull();
      }
    } finally {
      await app.stop();
    }
  });

  it('keys on the address a trusted proxy names (TRUST_PROXY), and ignores X-Forwarded-For from anyone else', async () => {
    const behind = await limited({ TRUST_PROXY: '127.0.0.1' });
    const direct = await limited();
    try {
      const forwarded = (ip: string) => ({ 'x-forwarded-for': ip });
      for (let i = 0; i < READS; i++) expect((await client(behind.url)({ query: QUERY }, forwarded('203.0.113.7'))).status).toBe(200);
      expect((await client(behind.url)({ query: QUERY }, forwarded('203.0.113.7'))).status).toBe(429);
      expect((await client(behind.url)({ query: QUERY }, forwarded('203.0.113.8'))).status).toBe(200);
      // Not trusted: a client cannot pick a new address to get a new allowance.
      for (let i = 0; i < READS; i++) await client(direct.url)({ query: QUERY }, forwarded(`198.51.100.${i}`));
      expect((await client(direct.url)({ query: QUERY }, forwarded('198.51.100.99'))).status).toBe(429);
    } finally {
      await Promise.all([behind.stop(), direct.stop()]);
    }
  });

  it('refuses a hop count for TRUST_PROXY, which Fastify no longer honours', () => {
    expect(() => testConfig({ TRUST_PROXY: '1' })).toThrow(/not a hop count/);
  });
});
