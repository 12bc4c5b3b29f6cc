import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig } from '../support/api';

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

  it('reports store round trips: one per nesting level, whatever the number of participants', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: NESTED }),
    });
    const body = await json(res);
    expect(body.errors).toBeUndefined();
    expect(body.data.entity.participants.length).toBeGreaterThan(10);
    // entity, participations, participant entities, their relationships, the far ends.
    expect(body.extensions.storeCalls).toBe(5);
  });
});

// Response bodies are checked field by field; `any` keeps those checks readable.
async function json(res: Response): Promise<any> {
  return res.json();
}
