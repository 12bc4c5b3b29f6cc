import pino from 'pino';
import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig } from '../support/api';
import { loadedStore } from '../support/stores';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp(testConfig({ CORS_ORIGINS: 'http://allowed.example', QUERY_STATS: '1' }), silentLogger);
});
afterAll(() => app.stop());

const NESTED = `{
  entity(id: "dphd-cab-concluding-meeting-2023") {
    ... on Event { participants { entity { relationships(first: 50) { edges { node { to { name } } } } } } }
  }
}`;

describe('HTTP', () => {
  it('GET /health answers 200 JSON', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 when the store answers', async () => {
    const res = await fetch(`${app.url}/ready`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ready', store: 'embedded' });
  });

  it('POST /graphql runs a query', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ entity(id: "roman-vassilenko") { name } }' }),
    });
    expect(res.status).toBe(200);
    expect((await json(res)).data).toEqual({ entity: { name: 'Roman Vassilenko' } });
  });

  it('GET /graphql?query= runs a query per GraphQL over HTTP', async () => {
    const query = encodeURIComponent('{ entity(id: "b-zhakaev") { name } }');
    const res = await fetch(`${app.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect((await json(res)).data).toEqual({ entity: { name: 'B. Zhakaev' } });
  });

  it('refuses a mutation-free but malformed request with a 400 and a coded error', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: ' }),
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace/);
  });

  it('serves the IDE to a browser asking for HTML', async () => {
    const res = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });

  it('allows configured CORS origins only', async () => {
    const allowed = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://allowed.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    const other = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over 1 MB with 413 and a coded error, before running anything', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ sources { id } } # ${'x'.repeat(1024 * 1024)}` }),
    });
    expect(res.status).toBe(413);
    const body = await json(res);
    expect(body.errors[0].message).toMatch(/larger than the limit of 1 MB/);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('never lets GraphQL answers be cached', async () => {
    const query = encodeURIComponent('{ sources { id } }');
    const res = await fetch(`${app.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('reports store round trips: one for a planned entity page, whatever the number of participants', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: NESTED }),
    });
    const body = await json(res);
    expect(body.errors).toBeUndefined();
    expect(body.data.entity.participants.length).toBeGreaterThan(10);
    // The entity, participations, participant entities, their relationships and the far ends: one planned read.
    expect(body.extensions.storeCalls).toBe(1);
  });
});

describe('HTTP logging and shutdown', () => {
  it('logs one JSON line per request carrying the x-request-id, or a generated id', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const app = await startApp(testConfig({ LOG_LEVEL: 'info' }), logger, await loadedStore('embedded'));
    try {
      await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'trace-42.a' } });
      await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ nosuchfield }')}`, { headers: { 'x-request-id': 'bad id\n' } });
    } finally {
      await app.stop();
    }
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({ requestId: 'trace-42.a', method: 'GET', path: '/health', status: 200, ms: expect.any(Number) }),
      expect.objectContaining({ method: 'GET', path: '/graphql', status: 400 }),
    ]);
    // A header that is not a plausible id is replaced, never written into the log.
    expect(requests[1]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stop() finishes in-flight requests and is not held up by idle keep-alive connections', async () => {
    const store = await loadedStore('embedded');
    const getEntities = store.getEntities.bind(store);
    store.getEntities = async (ids) => {
      await new Promise((r) => setTimeout(r, 500));
      return getEntities(ids);
    };
    const app = await startApp(testConfig(), silentLogger, store);
    // fetch keeps this connection open and idle after the answer.
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    const inFlight = fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "roman-vassilenko") { name } }' }),
    });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await app.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect((await json(answer)).data).toEqual({ entity: { name: 'Roman Vassilenko' } });
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();
  });
});

// Response bodies are checked field by field; `any` keeps those checks readable.
async function json(res: Response): Promise<any> {
  return res.json();
}
