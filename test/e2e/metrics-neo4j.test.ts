import { createServer } from 'node:net';
import { startApp, type RunningApp } from '../../src/app';
import { neo4jStore } from '../../src/open-store';
import type { Store } from '../../src/ports/store';
import { silentLogger, testConfig } from '../support/api';
import { describeNeo4j, loadedStore } from '../support/stores';
import { parseMetrics, type Scrape } from './metrics-text';

/**
 * The Neo4j side of /metrics on a real server: store calls by the neo4j adapter, and the sessions
 * open (neo4j-driver exposes no pool figures, so the adapter counts its sessions).
 */
describeNeo4j('GET /metrics on Neo4j', () => {
  let store: Store;
  let app: RunningApp;
  beforeAll(async () => {
    store = await loadedStore('neo4j');
    // A loaded shared machine must not turn a cold first query into a TIMEOUT.
    app = await startApp(testConfig({ QUERY_TIMEOUT_MS: '60000' }), silentLogger, store);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  async function scrape(): Promise<Scrape> {
    return parseMetrics(await (await fetch(`${app.url}/metrics`)).text());
  }

  async function query(): Promise<any> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "roman-vassilenko") { name } }' }),
    });
    return res.json();
  }

  it('times the neo4j adapter\'s calls and closes every session it opens', async () => {
    const before = await scrape();
    const answers = await Promise.all(Array.from({ length: 6 }, query));
    for (const answer of answers) expect(answer).toEqual({ data: { entity: { name: 'Roman Vassilenko' } } });
    const after = await scrape();
    const calls = 'rightsgraph_store_call_duration_seconds_count';
    expect(after.value(calls, { adapter: 'neo4j', method: 'getEntities' }) - before.value(calls, { adapter: 'neo4j', method: 'getEntities' })).toBe(6);
    expect(after.value('rightsgraph_store_round_trips_total', { adapter: 'neo4j' }) - before.value('rightsgraph_store_round_trips_total', { adapter: 'neo4j' })).toBe(6);
    expect(after.types.get('rightsgraph_neo4j_sessions_open')).toBe('gauge');
    expect(after.value('rightsgraph_neo4j_sessions_open')).toBe(0);
    expect(after.types.has('rightsgraph_embedded_journal_bytes')).toBe(false);
  });

  it('counts a session as open while its transaction runs', async () => {
    expect(await peakSessions(store, store.search({ text: 'Vassilenko', first: 5, offset: 0 }))).toBe(1);
    expect(store.stats?.().sessionsOpen).toBe(0);
  });

  it('closes the session of a transaction that fails (a server that is not there)', async () => {
    const down = neo4jStore({ uri: `bolt://127.0.0.1:${await closedPort()}`, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 1_000 });
    try {
      const failing = down.ping();
      expect(await peakSessions(down, failing.catch(() => undefined))).toBe(1);
      await expect(failing).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(down.stats().sessionsOpen).toBe(0);
    } finally {
      await down.close();
    }
  });
});

/** The most sessions `store` had open at once while `work` ran, sampled every turn of the event loop. */
async function peakSessions(store: Store, work: Promise<unknown>): Promise<number> {
  let settled = false;
  void work.finally(() => (settled = true));
  let peak = 0;
  while (!settled) {
    peak = Math.max(peak, store.stats?.().sessionsOpen ?? -1);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await work;
  return peak;
}

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}
