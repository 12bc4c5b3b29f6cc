/**
 * Neo4j going away and coming back, on a server of this file's own (the shared one must stay up):
 * queries fail fast with STORE_UNAVAILABLE and no driver text, creating a store never touches the
 * network, and the same store object answers again once the server is back.
 */
import { rmSync } from 'node:fs';
import type { Neo4jStore } from '../../src/adapters/neo4j/neo4j-store';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig } from '../support/api';
import { describeNeo4j, describeOwnNeo4j, neo4jTestOptions, seedBatch } from '../support/stores';
import { startNeo4j, type RunningNeo4j } from '../support/neo4j-server';
import { testTempDir } from '../support/test-tmp';
import { neo4jStore } from '../../src/open-store';

jest.setTimeout(180_000);

/** Fragments of driver messages that must never reach a caller. */
const DRIVER_TEXT = /ECONNREFUSED|Pool|acquisition|routing|discovery|bolt|neo4j:|Neo\.|socket|Connection|127\.0\.0\.1/i;

async function failure(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await call().then(() => null, (e: unknown) => e);
  return { error, ms: Date.now() - started };
}

function expectUnavailable({ error, ms }: { error: unknown; ms: number }): void {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(ErrorCode.STORE_UNAVAILABLE);
  expect((error as DomainError).message).not.toMatch(DRIVER_TEXT);
  expect((error as DomainError).cause).toBeInstanceOf(Error);
  expect(ms).toBeLessThan(5000);
}

describeOwnNeo4j('Neo4j outage', () => {
  let server: RunningNeo4j;
  const stores: Neo4jStore[] = [];
  const storeFor = (scheme: 'bolt' | 'neo4j'): Neo4jStore => {
    const store = neo4jStore({
      uri: `${scheme}://127.0.0.1:${server.port}`,
      user: 'neo4j',
      password: '',
      database: 'neo4j',
      timeoutMs: 2000,
    });
    stores.push(store);
    return store;
  };

  // Our own directory, removed here: the helper's exit hook does not run inside a jest sandbox.
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = testTempDir('neo4j-outage-');
    server = await startNeo4j({ dataDir });
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // A clean stop over bolt://, a crash (SIGKILL) over neo4j:// (routing driver).
  it.each([
    ['bolt', 'stop'],
    ['neo4j', 'kill'],
  ] as const)('%s://: after %s, fails fast while down and recovers by itself when back', async (scheme, outage) => {
    const store = storeFor(scheme);
    await store.migrate();
    await expect(store.ping()).resolves.toBeUndefined();

    await server[outage]();
    expectUnavailable(await failure(() => store.ping()));
    expectUnavailable(await failure(() => store.getEntities(['kz-mfa'])));
    expectUnavailable(await failure(() => store.search({ text: 'vassilenko', first: 5, offset: 0 })));
    // Created during the outage (as a server starting before its database): no throw, no network.
    const latecomer = storeFor(scheme);
    expectUnavailable(await failure(() => latecomer.migrate()));

    await server.restart();
    await expect(store.ping()).resolves.toBeUndefined();
    await expect(store.getEntities(['kz-mfa'])).resolves.toEqual([null]);
    await expect(latecomer.ping()).resolves.toBeUndefined();
  });
});

describeOwnNeo4j('the API over Neo4j during an outage', () => {
  let server: RunningNeo4j;
  let app: RunningApp;
  let dataDir: string | undefined;
  const query = (q: string): Promise<any> =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) }).then(
      (r) => r.json(),
    );
  const ready = async (): Promise<{ status: number; body: any }> => {
    const r = await fetch(`${app.url}/ready`);
    return { status: r.status, body: await r.json() };
  };

  beforeAll(async () => {
    dataDir = testTempDir('neo4j-api-outage-');
    server = await startNeo4j({ dataDir });
    await server.stop();
  });
  afterAll(async () => {
    await app?.stop();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts while Neo4j is down, says so on /ready, serves once it is up, fails fast when it goes again', async () => {
    app = await startApp(
      testConfig({ NEO4J_URI: `bolt://127.0.0.1:${server.port}`, NEO4J_TIMEOUT_MS: '2000' }),
      silentLogger,
    );
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', store: 'neo4j' });
    expect(down.body.reason).not.toMatch(DRIVER_TEXT);

    const started = Date.now();
    const failed = await query('{ entity(id: "roman-vassilenko") { name } }');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(failed.errors[0].extensions.code).toBe('STORE_UNAVAILABLE');
    expect(JSON.stringify(failed)).not.toMatch(DRIVER_TEXT);

    await server.restart();
    await until(async () => (await ready()).status === 200, 15_000);
    await app.store.upsert(seedBatch());
    expect((await query('{ entity(id: "roman-vassilenko") { name } }')).data).toEqual({ entity: { name: 'Roman Vassilenko' } });

    await server.stop();
    const again = Date.now();
    expect((await query('{ search(query: "Vassilenko") { totalCount } }')).errors[0].extensions.code).toBe('STORE_UNAVAILABLE');
    expect(Date.now() - again).toBeLessThan(5000);
    expect((await ready()).status).toBe(503);

    await server.restart();
    // A client waits for /ready, which answers 200 as soon as the store does.
    await until(async () => (await ready()).status === 200, 15_000);
    const back = await query('{ search(query: "Vassilenko") { totalCount } }');
    expect(back).toEqual({ data: { search: { totalCount: 1 } } });
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeNeo4j('Neo4j misconfigured', () => {
  it('an unknown database is STORE_UNAVAILABLE too, without driver text', async () => {
    const options = neo4jTestOptions();
    if (!options) throw new Error('unreachable: describeNeo4j runs only with Neo4j');
    const store = neo4jStore({ ...options, database: 'nosuchdatabase' });
    try {
      expectUnavailable(await failure(() => store.ping()));
    } finally {
      await store.close();
    }
  });
});
