import { startApp, type RunningApp } from '../../src/app';
import { EntityKind, RelationshipType } from '../../src/domain/enums';
import type { GraphBatch } from '../../src/ports/graph-store';
import { silentLogger, testConfig } from '../support/api';
import { person, relationship } from '../support/records';
import { MEETING_ID } from '../support/seed-source';
import { describeStore, loadedStore, seedBatch } from '../support/stores';

/**
 * QUERY_TIMEOUT_MS through the real HTTP server, on both stores: an operation past its budget
 * answers TIMEOUT in its errors, and the server goes on answering. On the embedded store a walk
 * over a dense graph outlasts a 20 ms budget; on Neo4j, whose transactions run at the pace of
 * the server's timeout check, a chain of dependent round trips outlasts a 1 ms budget.
 */

jest.setTimeout(120_000);

/** 1,500 people who all attended 40 events, and someone who attended nothing. */
function denseGraph(): GraphBatch {
  const events = Array.from({ length: 40 }, (_, i) => `dense-event-${i}`);
  const people = Array.from({ length: 1500 }, (_, i) => `dense-person-${i}`);
  return {
    sources: seedBatch().sources,
    entities: [
      ...people.map((id) => person(id)),
      ...events.map((id) => ({ ...person(id), kind: EntityKind.EVENT, name: `Dense event ${id}` })),
      person('dense-loner'),
    ],
    relationships: people.flatMap((p) => events.map((e) => relationship(p, RelationshipType.ATTENDED, e))),
  };
}

const CASES = {
  embedded: {
    budgetMs: '20',
    batch: denseGraph,
    // No path exists: without a budget the walk visits every relationship, six hops out.
    slow: '{ paths(from: "dense-person-0", to: "dense-loner", maxHops: 6) { length } }',
    ordinary: { query: '{ entity(id: "dense-person-1") { id } }', data: { entity: { id: 'dense-person-1' } } },
  },
  neo4j: {
    budgetMs: '1',
    batch: seedBatch,
    // Each level waits for the one above it: six transactions one after another.
    slow: `{ entity(id: "${MEETING_ID}") { ... on Event { participants { entity {
      timeline { relationship { to { timeline { date } } } } } } } } }`,
    // Touches no store: the server itself answering.
    ordinary: { query: '{ __typename }', data: { __typename: 'Query' } },
  },
} as const;

async function post(app: RunningApp, query: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: await res.json() };
}

for (const kind of ['embedded', 'neo4j'] as const) {
  describeStore(kind, () => {
    const { budgetMs, batch, slow, ordinary } = CASES[kind];
    let app: RunningApp;
    beforeAll(async () => {
      const store = await loadedStore(kind, batch());
      app = await startApp(testConfig({ QUERY_TIMEOUT_MS: budgetMs }), silentLogger, store);
    }, 180_000);
    afterAll(() => app?.stop());

    it(`answers TIMEOUT past a ${budgetMs} ms budget and goes on answering`, async () => {
      const [timedOut, ...others] = await Promise.all([post(app, slow), ...Array.from({ length: 5 }, () => post(app, ordinary.query))]);
      expect(timedOut.status).toBe(200);
      const codes = new Set(timedOut.body.errors?.map((e: any) => e.extensions.code));
      expect([...codes]).toEqual(['TIMEOUT']);
      expect(timedOut.body.errors[0].message).toMatch(new RegExp(`ran past its time budget of ${budgetMs} ms and was stopped`));
      expect(timedOut.body.errors[0].extensions).toEqual({ code: 'TIMEOUT', budgetMs: Number(budgetMs) });
      for (const answer of others) expect(answer.body).toEqual({ data: ordinary.data });
      expect((await post(app, ordinary.query)).body).toEqual({ data: ordinary.data });
      const ready = await fetch(`${app.url}/ready`);
      expect(ready.status).toBe(200);
    });
  });
}
