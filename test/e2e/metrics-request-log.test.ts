import pino from 'pino';
import { startApp } from '../../src/app';
import { testConfig, TOKEN_ENV, TOKENS } from '../support/api';
import { loadedStore } from '../support/stores';

/**
 * Logs are the other half of observing the server: every line written while a request is being
 * served carries that request's id, whichever part of the server writes it (the HTTP edge, the
 * error log of a GraphQL operation, a refusal, the rate limit), so one grep finds a request's story.
 */
it('writes the request id on every log line of every request', async () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const store = await loadedStore('embedded');
  const getEntities = store.getEntities.bind(store);
  // A fault only the log may explain: the caller gets a masked INTERNAL_SERVER_ERROR.
  store.getEntities = async (ids) => {
    if (ids.includes('faulty')) throw new Error('disk on fire');
    return getEntities(ids);
  };
  const app = await startApp(testConfig({ ...TOKEN_ENV, LOG_LEVEL: 'debug', RATE_LIMIT_READS_PER_MINUTE: '4' }), logger, store);
  const startup = lines.length;
  const send = (id: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const statuses: number[] = [];
  let served: Record<string, unknown>[];
  try {
    statuses.push((await send('req-ok', { query: '{ entity(id: "roman-vassilenko") { name } }' })).status);
    statuses.push((await send('req-fault', { query: '{ entity(id: "faulty") { name } }' })).status);
    statuses.push((await send('req-editor', { query: 'mutation { updateEntity(id: "b-zhakaev", input: { description: "x" }) { id } }' }, { authorization: `Bearer ${TOKENS.editor}` })).status);
    statuses.push((await send('req-too-long', { query: `{ __typename ${'a '.repeat(40_000)} }` })).status);
    statuses.push((await send('req-bad-json', '{')).status);
    statuses.push((await send('req-4', { query: '{ __typename }' })).status);
    statuses.push((await send('req-limited', { query: '{ __typename }' })).status);
    statuses.push((await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'req-health' } })).status);
    // Shutting down is no request's business.
    served = lines.slice(startup);
  } finally {
    await app.stop();
  }
  expect(statuses).toEqual([200, 200, 200, 400, 400, 200, 429, 200]);
  const ids = ['req-ok', 'req-fault', 'req-editor', 'req-too-long', 'req-bad-json', 'req-4', 'req-limited', 'req-health'];
  for (const line of served) expect([line.msg, ids.includes(line.requestId as string)]).toEqual([line.msg, true]);
  // Beyond the one `request` line each: the fault's cause, with the request it belongs to.
  const fault = served.filter((l) => l.requestId === 'req-fault' && l.msg !== 'request');
  expect(fault.length).toBeGreaterThan(0);
  expect(JSON.stringify(fault)).toContain('disk on fire');
  expect(served.filter((l) => l.msg === 'request').map((l) => l.requestId)).toEqual(ids);
  // No line holds a token's secret.
  expect(JSON.stringify(lines)).not.toContain(TOKENS.editor);
});
