import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig, TOKEN_ENV, TOKENS } from '../support/api';
import { parseMetrics, type Scrape } from './metrics-text';

/**
 * The acceptance check: GET /metrics, as curl or Prometheus reads it, shows request counts and
 * latency histograms that move by exactly what was asked of the server in between.
 */
let app: RunningApp;
beforeAll(async () => {
  app = await startApp(testConfig({ ...TOKEN_ENV }), silentLogger);
});
afterAll(() => app.stop());

const NAMED = 'query EntityName { entity(id: "roman-vassilenko") { name } }';
const ANONYMOUS = '{ entity(id: "b-zhakaev") { name } }';
const INVALID = 'query Broken { nosuchfield }';
const UPDATE = 'mutation Describe($d: String) { updateEntity(id: "roman-vassilenko", input: { description: $d }) { id } }';

async function scrape(url = app.url, headers: Record<string, string> = {}): Promise<Scrape> {
  const res = await fetch(`${url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseMetrics(await res.text());
}

async function graphql(query: string, options: { variables?: unknown; token?: string; url?: string } = {}): Promise<any> {
  const res = await fetch(`${options.url ?? app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return res.json();
}

const OPS = 'rightsgraph_graphql_operations_total';
const OP_SECONDS = 'rightsgraph_graphql_operation_duration_seconds';
const HTTP_SECONDS = 'rightsgraph_http_request_duration_seconds';
const STORE_SECONDS = 'rightsgraph_store_call_duration_seconds';
const ROUND_TRIPS = 'rightsgraph_store_round_trips_total';

describe('GET /metrics', () => {
  it('counts and times requests and operations, moving by what was asked in between', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await graphql(NAMED)).data.entity.name).toBe('Roman Vassilenko');
    expect((await graphql(ANONYMOUS)).data.entity.name).toBe('B. Zhakaev');
    expect((await graphql(INVALID)).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await graphql(UPDATE, { variables: { d: 'x' } })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>): number => after.value(name, labels) - before.value(name, labels);

    expect(moved(OPS, { operation: 'EntityName', outcome: 'ok' })).toBe(3);
    expect(moved(OPS, { operation: 'anonymous', outcome: 'ok' })).toBe(1);
    expect(moved(OPS, { operation: 'anonymous', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(moved(OPS, { operation: 'Describe', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(moved(`${OP_SECONDS}_count`, { operation: 'EntityName' })).toBe(3);
    expect(moved(`${OP_SECONDS}_sum`, { operation: 'EntityName' })).toBeGreaterThan(0);
    expect(moved(`${OP_SECONDS}_bucket`, { operation: 'EntityName', le: '+Inf' })).toBe(3);

    // Four answered 200; the invalid one 400. A route is its template, never the URL.
    expect(moved(`${HTTP_SECONDS}_count`, { method: 'POST', route: '/graphql', status: '200' })).toBe(5);
    expect(moved(`${HTTP_SECONDS}_count`, { method: 'POST', route: '/graphql', status: '400' })).toBe(1);
    expect(moved(`${HTTP_SECONDS}_count`, { method: 'GET', route: '/health', status: '200' })).toBe(1);
    expect(moved(`${HTTP_SECONDS}_sum`, { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThan(0);

    // One entity lookup per entity query, and each counted as a round trip of its operation.
    expect(moved(`${STORE_SECONDS}_count`, { adapter: 'embedded', method: 'getEntities' })).toBe(4);
    expect(moved(ROUND_TRIPS, { adapter: 'embedded' })).toBe(4);
    for (const name of [OPS, ROUND_TRIPS]) expect(after.types.get(name)).toBe('counter');
    for (const name of [OP_SECONDS, HTTP_SECONDS, STORE_SECONDS]) expect(after.types.get(name)).toBe('histogram');
  });

  it('labels unmatched paths as one route, so a scan of URLs adds no series', async () => {
    const before = await scrape();
    for (const path of ['/nope-1', '/nope-2', '/wp-login.php']) expect((await fetch(`${app.url}${path}`)).status).toBe(404);
    const after = await scrape();
    const labels = { method: 'GET', route: 'unmatched', status: '404' };
    expect(after.value(`${HTTP_SECONDS}_count`, labels) - before.value(`${HTTP_SECONDS}_count`, labels)).toBe(3);
    expect(after.all(`${HTTP_SECONDS}_count`).some((s) => s.labels.route!.startsWith('/nope'))).toBe(false);
  });

  it('shows the embedded journal growing with a write, and when the snapshot was written', async () => {
    const before = await scrape();
    const journal = 'rightsgraph_embedded_journal_bytes';
    const written = await graphql(UPDATE, { variables: { d: 'Deputy Foreign Minister, for the metrics test.' }, token: TOKENS.editor });
    expect(written.errors).toBeUndefined();
    const after = await scrape();
    expect(after.types.get(journal)).toBe('gauge');
    expect(after.value(journal)).toBeGreaterThan(before.value(journal));
    expect(after.value(`${STORE_SECONDS}_count`, { method: 'write' }) - before.value(`${STORE_SECONDS}_count`, { method: 'write' })).toBe(1);
    expect(after.value('rightsgraph_embedded_snapshot_bytes')).toBeGreaterThan(0);
    // The seed was folded into the first snapshot when the store opened, moments ago.
    const compacted = after.value('rightsgraph_embedded_last_compaction_timestamp_seconds');
    expect(compacted).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(compacted).toBeLessThanOrEqual(Date.now() / 1000);
    // An embedded store has no Neo4j pool.
    expect(after.types.has('rightsgraph_neo4j_sessions_open')).toBe(false);
  });

  it('includes the process metrics', async () => {
    const metrics = await scrape();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(metrics.types.has(name)).toBe(true);
    }
    expect(metrics.value('process_resident_memory_bytes')).toBeGreaterThan(1024 * 1024);
  });

  it('counts past 200 operation names as "other", so callers cannot grow the series without bound', async () => {
    const names = Array.from({ length: 210 }, (_, i) => `Name${i}`);
    for (let i = 0; i < names.length; i += 30) {
      await Promise.all(names.slice(i, i + 30).map((name) => graphql(`query ${name} { __typename }`)));
    }
    const metrics = await scrape();
    const named = metrics.all(OPS).filter((s) => /^Name\d+$/.test(s.labels.operation!));
    // Names seen by the other tests take some of the 200 places.
    expect(named.length).toBeLessThanOrEqual(200);
    expect(named.length).toBeGreaterThan(150);
    expect(metrics.value(OPS, { operation: 'other', outcome: 'ok' })).toBe(210 - named.length);
  });

  it('keeps each app\'s figures apart from another app in the same process', async () => {
    const other = await startApp(testConfig(), silentLogger);
    try {
      const before = await scrape();
      await graphql(NAMED, { url: other.url });
      const mine = await scrape();
      const theirs = await scrape(other.url);
      expect(mine.value(OPS, { operation: 'EntityName', outcome: 'ok' })).toBe(before.value(OPS, { operation: 'EntityName', outcome: 'ok' }));
      expect(theirs.value(OPS, { operation: 'EntityName', outcome: 'ok' })).toBe(1);
    } finally {
      await other.stop();
    }
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const secret = 'scrape-secret-0123456789';
  let guarded: RunningApp;
  beforeAll(async () => {
    guarded = await startApp(testConfig({ METRICS_TOKEN: secret }), silentLogger);
  });
  afterAll(() => guarded.stop());

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer scrape-secret-0123456780' }],
    ['a malformed header', { authorization: secret }],
  ])('refuses %s with 401', async (_, headers: Record<string, string>) => {
    const res = await fetch(`${guarded.url}/metrics`, { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await res.text()).toMatch(/Authorization: Bearer <METRICS_TOKEN>/);
  });

  it('answers the scraper holding it', async () => {
    const metrics = await scrape(guarded.url, { authorization: `Bearer ${secret}` });
    expect(metrics.types.get(OPS)).toBe('counter');
  });

  it('refuses a setting too short to be a secret', () => {
    expect(() => testConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });
});
