/**
 * Neo4j going away under load and coming back, with our server left running throughout: while
 * it is down every request answers STORE_UNAVAILABLE within 5 s of its process exiting (none
 * hangs, none is INTERNAL_SERVER_ERROR), the same server answers again once Neo4j is back on the
 * same port and data, and every write the API acknowledged, before or after, is there at the end.
 * The Neo4j is this file's own (the shared one must stay up), stopped cleanly and killed.
 */
import { rmSync } from 'node:fs';
import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, testConfig, TOKEN_ENV, TOKENS } from '../support/api';
import { startNeo4j, type RunningNeo4j } from '../support/neo4j-server';
import { FOUNDING_SOURCE_ID } from '../support/seed-source';
import { describeOwnNeo4j, seedBatch } from '../support/stores';
import { testTempDir } from '../support/test-tmp';

// Generous: two Neo4j starts on a busy 2-core machine. The 5 s bound is measured, not these.
jest.setTimeout(600_000);

/** The issue's bound, from the moment Neo4j's process exited. */
const UNAVAILABLE_WITHIN_MS = 5_000;
/** Consecutive answers with data that count as recovered. */
const RECOVERED_RUN = 30;
const CREATE = 'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }';
const READS = [
  '{ entity(id: "roman-vassilenko") { name relationships(first: 5) { totalCount } } }',
  '{ search(query: "Vassilenko") { totalCount } }',
  '{ neighborhood(id: "dphd-cab-concluding-meeting-2023", depth: 2) { nodes { id } } }',
  '{ path(from: "b-zhakaev", to: "ohchr") { length } }',
];

interface Outcome {
  readonly sentAt: number;
  readonly answeredAt: number;
  /** null: answered with data and no errors. */
  readonly code: string | null;
}

/** Readers and writers in loops until stopped, recording every outcome and each acknowledged write. */
class Load {
  readonly outcomes: Outcome[] = [];
  readonly acknowledged: string[] = [];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    private readonly url: string,
    run: string,
  ) {
    const reader = async (r: number): Promise<void> => {
      for (let i = r; this.running; i++) await this.send(READS[i % READS.length]!, {});
    };
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; this.running; i++) {
        const id = `fault-${run}-${w}-${i}`;
        const input = { id, kind: 'PERSON', name: `Fault Person ${w} ${i}`, evidence: [{ sourceId: FOUNDING_SOURCE_ID, quote: 'Roman Vassilenko' }] };
        const body = await this.send(CREATE, { input }, TOKENS.editor);
        if (body?.data?.createEntity?.id === id) this.acknowledged.push(id);
      }
    };
    this.loops = [reader(0), reader(1), reader(2), writer(0), writer(1)];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  between(from: number, to = Infinity): Outcome[] {
    return this.outcomes.filter((o) => o.sentAt >= from && o.sentAt < to);
  }

  private async send(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
    const sentAt = Date.now();
    let code: string | null;
    let body: any = null;
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(90_000),
      });
      body = await res.json();
      code = res.status !== 200 ? `HTTP_${res.status}` : body.errors ? (body.errors[0].extensions?.code ?? 'NO_CODE') : null;
    } catch (e) {
      code = e instanceof Error && e.name === 'TimeoutError' ? 'HUNG' : 'NO_ANSWER';
    }
    this.outcomes.push({ sentAt, answeredAt: Date.now(), code });
    // Paced a little, so the loops leave the machine to the servers.
    await new Promise((r) => setTimeout(r, 10));
    return body;
  }
}

describeOwnNeo4j('the API while Neo4j stops and comes back under load', () => {
  let neo4j: RunningNeo4j;
  let app: RunningApp | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = testTempDir('faults-neo4j-');
    neo4j = await startNeo4j({ dataDir, timeoutMs: 300_000 });
    // NEO4J_TIMEOUT_MS (the wait for a connection) is left at its default. The query budget is
    // raised, and rate limiting is off (the load comes from one address): a busy machine must not
    // turn a slow answer into a failure, and neither is what this tests.
    app = await startApp(
      testConfig({ ...TOKEN_ENV, NEO4J_URI: neo4j.uri, QUERY_TIMEOUT_MS: '30000', RATE_LIMIT_ENABLED: '0' }),
      silentLogger,
    );
    await app.store.upsert(seedBatch());
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
    await neo4j?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it.each(['stop', 'kill'] as const)('Neo4j %s: STORE_UNAVAILABLE within 5 s, recovery without a restart, no acknowledged write lost', async (outage) => {
    const load = new Load(`${app!.url}/graphql`, `${outage}-${Date.now()}`);
    const state = (): string => `${load.outcomes.length} answers, ${load.acknowledged.length} writes acknowledged, errors ${JSON.stringify(codes(load.outcomes))}`;
    try {
      await until(() => load.acknowledged.length >= 10 && load.outcomes.length >= 40, 120_000, state);
      const stopping = Date.now();
      await neo4j[outage]();
      const exited = Date.now();
      await sleep(UNAVAILABLE_WITHIN_MS + 2_000);
      const restarting = Date.now();
      // Sent while it was gone, before anything started again: the case the 5 s bound is about.
      const down = load.between(exited, restarting);
      const acknowledgedBeforeRestart = load.acknowledged.length;

      await neo4j.restart();
      const neo4jBack = Date.now();
      // Recovered by itself, with the same server: a run of answers with data, writes among them.
      await until(() => successRun(load.between(neo4jBack)) >= RECOVERED_RUN && load.acknowledged.length >= acknowledgedBeforeRestart + 5, 180_000, state);
      await load.stop();

      const timeline = (outcomes: readonly Outcome[]): string[] =>
        outcomes.filter((o) => o.code !== null).map((o) => `${o.code} sent ${o.sentAt - exited} answered ${o.answeredAt - exited} ms after exit`);
      // Before the outage everything answered with data.
      expect(codes(load.outcomes.filter((o) => o.answeredAt < stopping))).toEqual({});
      // Sent while Neo4j shut down (running, no longer answering): its refusal or the query's time
      // budget (TIMEOUT); sent once it was gone: STORE_UNAVAILABLE, within 5 s of its exit.
      for (const code of Object.keys(codes(load.between(0, exited).filter((o) => o.answeredAt >= stopping)))) {
        expect(['STORE_UNAVAILABLE', 'TIMEOUT']).toContain(code);
      }
      expect(down.length).toBeGreaterThan(10);
      expect(timeline(down.filter((o) => o.code !== 'STORE_UNAVAILABLE'))).toEqual([]);
      const inFlightAtExit = load.outcomes.filter((o) => o.sentAt < exited && o.answeredAt >= exited);
      expect(timeline(inFlightAtExit.filter((o) => o.answeredAt - exited >= UNAVAILABLE_WITHIN_MS))).toEqual([]);
      expect(timeline(down.filter((o) => o.answeredAt - o.sentAt >= UNAVAILABLE_WITHIN_MS))).toEqual([]);
      // While it starts again (Bolt may accept before the database answers) and warms up: the same
      // two codes, each answered, never INTERNAL_SERVER_ERROR and never a hung request.
      for (const code of Object.keys(codes(load.between(restarting)))) expect(['STORE_UNAVAILABLE', 'TIMEOUT']).toContain(code);

      // Every write the API acknowledged, before the outage and after it, is in the database.
      expect(load.acknowledged.length).toBeGreaterThan(acknowledgedBeforeRestart);
      for (let i = 0; i < load.acknowledged.length; i += 20) {
        const ids = load.acknowledged.slice(i, i + 20);
        const query = `{ ${ids.map((id, k) => `e${k}: entity(id: "${id}") { id }`).join(' ')} }`;
        const res: any = await (await fetch(`${app!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
        expect(res.errors).toBeUndefined();
        expect(Object.values(res.data)).toEqual(ids.map((id) => ({ id })));
      }
    } finally {
      await load.stop();
    }
  });
});

/** The longest run of answers with data, in the order they were answered. */
function successRun(outcomes: readonly Outcome[]): number {
  let best = 0;
  let run = 0;
  for (const o of [...outcomes].sort((x, y) => x.answeredAt - y.answeredAt)) {
    run = o.code === null ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function codes(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) if (o.code !== null) counts[o.code] = (counts[o.code] ?? 0) + 1;
  return counts;
}

async function until(condition: () => boolean, timeoutMs: number, state?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${state ? `: ${state()}` : ''}`);
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
