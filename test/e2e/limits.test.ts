import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig } from '../support/api';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';

/**
 * The limits through the real HTTP server: each refusal is a 400 with a coded error, its time is
 * printed in the test log, and the server answers other requests meanwhile. The acceptance: 500 aliased neighbourhoods, 10,000 tokens, a cost
 * over the cap.
 */

let app: RunningApp;
/** Wider document limits, so the aliases limit is what refuses 500 aliases (the tokens limit does by default, and the fields limit would next). */
let wide: RunningApp;
/**
 * A character limit a GET can reach: Node refuses URLs over 16 KB (431) before any route, and
 * the default limit (30,000 characters) is above that.
 */
let narrow: RunningApp;
beforeAll(async () => {
  app = await startApp(testConfig(), silentLogger);
  wide = await startApp(testConfig({ MAX_TOKENS: '20000', MAX_QUERY_LENGTH: '100000', MAX_FIELDS: '5000' }), silentLogger);
  narrow = await startApp(testConfig({ MAX_QUERY_LENGTH: '2000' }), silentLogger);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await wide?.stop();
  await narrow?.stop();
});

const FIVE_HUNDRED_NEIGHBOURHOODS = `{ ${Array.from(
  { length: 500 },
  (_, i) => `n${i}: neighborhood(id: "${MEETING_ID}", depth: 3, limit: 1000) { truncated }`,
).join(' ')} }`;

/** 10,000 tokens in 20,000 characters: under the characters limit, over the tokens limit. */
const TEN_THOUSAND_TOKENS = `{ ${'a '.repeat(9998)}}`;

/**
 * 2,500 copies of one field, inside the characters and tokens limits: graphql-js's validation
 * compares every pair of same-named fields, ~200 ms of work, which the fields limit refuses first.
 */
const SAME_FIELD_2500_TIMES = `{ ${'__typename '.repeat(2500)}}`;

const COST_OVER_CAP = `{
  source(id: "${FOUNDING_SOURCE_ID}") {
    citations(first: 2000) { relationship { from { relationships(first: 100) { edges { node { id } } } } } }
  }
}`;

const ORDINARY = '{ entity(id: "roman-vassilenko") { name } }';

interface Answer {
  status: number;
  body: any;
  ms: number;
}

async function post(target: RunningApp, body: unknown): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = await res.json();
  return { status: res.status, body: parsed, ms: performance.now() - started };
}

const extensionsOf = (answer: Answer) => answer.body.errors?.map((e: any) => ({ code: e.extensions.code, limit: e.extensions.limit }));

describe('limits over HTTP', () => {
  const times: string[] = [];
  afterAll(() => process.stdout.write(`refusal times over HTTP, send to answer (ms):\n${times.join('\n')}\n`));

  it.each([
    ['500 aliased neighbourhoods (default limits)', () => app, FIVE_HUNDRED_NEIGHBOURHOODS, 'QUERY_TOO_LARGE', 'characters'],
    ['500 aliased neighbourhoods (tokens allowed)', () => wide, FIVE_HUNDRED_NEIGHBOURHOODS, 'QUERY_TOO_COMPLEX', 'aliases'],
    ['10,000 tokens', () => app, TEN_THOUSAND_TOKENS, 'QUERY_TOO_LARGE', 'tokens'],
    ['a cost over the cap', () => app, COST_OVER_CAP, 'QUERY_TOO_COMPLEX', 'cost'],
    ['2,500 same-named fields', () => app, SAME_FIELD_2500_TIMES, 'QUERY_TOO_COMPLEX', 'fields'],
  ] as const)('refuses %s with 400 and a coded error while answering others', async (name, target, query, code, limit) => {
    // Warm-up: the first request of a server compiles code paths; what is timed is a steady server.
    await post(target(), { query: ORDINARY });
    const ordinary = Array.from({ length: 20 }, () => post(target(), { query: ORDINARY }));
    const refusals = await Promise.all(Array.from({ length: 5 }, () => post(target(), { query })));
    // Then one at a time, as a client would meet them on a quiet server.
    for (let i = 0; i < 5; i++) refusals.push(await post(target(), { query }));
    for (const refusal of refusals) {
      expect(refusal.status).toBe(400);
      expect(extensionsOf(refusal)).toEqual([{ code, limit }]);
      expect(refusal.body.data).toBeUndefined();
    }
    for (const answer of await Promise.all(ordinary)) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { entity: { name: 'Roman Vassilenko' } } });
    }
    // Printed, not asserted: the issue asks for < 50 ms, which a busy test machine cannot promise.
    const ms = refusals.map((r) => r.ms.toFixed(1));
    times.push(`  ${name}: with 20 others ${ms.slice(0, 5).join(', ')}; alone ${ms.slice(5).join(', ')}`);
  });

  it('says which limit, the value against the cap, and how to split', async () => {
    const answer = await post(wide, { query: FIVE_HUNDRED_NEIGHBOURHOODS });
    expect(answer.body.errors[0]).toEqual({
      message: expect.stringMatching(/^The query has 500 aliased fields; at most 30 are allowed per operation\. Split it into several requests/),
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', value: 500, max: 30 },
    });
  });

  it('refuses a JSON array of operations with 400 BATCHING_NOT_SUPPORTED', async () => {
    const answer = await post(app, [{ query: ORDINARY }, { query: ORDINARY }]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringMatching(/one operation per request, and this request is a JSON array of 2\./),
        extensions: { code: 'BATCHING_NOT_SUPPORTED', operations: 2 },
      },
    ]);
  });

  it('refuses a GET whose query is over the document-size limit', async () => {
    const query = `{ entity(id: "${'x'.repeat(2000)}") { name } }`;
    const res = await fetch(`${narrow.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_LARGE', limit: 'characters', value: query.length, max: 2000 });
  });

  it('still runs ordinary GET and POST queries', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent(ORDINARY)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect((await post(app, { query: ORDINARY })).status).toBe(200);
  });
});
