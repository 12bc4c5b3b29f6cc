import { Neo4jRunner, run } from '../../src/adapters/neo4j/driver';
import { Direction, EntityKind, RelationshipType } from '../../src/domain/enums';
import { DomainError } from '../../src/domain/errors';
import type { GraphBatch } from '../../src/ports/graph-store';
import { Deadline } from '../../src/ports/deadline';
import type { Store } from '../../src/ports/store';
import { person, relationship } from '../support/records';
import { MEETING_ID } from '../support/seed-source';
import { describeNeo4j, describeStore, loadedStore, neo4jTestOptions, seedBatch, STORE_KINDS } from '../support/stores';

/**
 * The deadline contract (src/ports/deadline.ts): a store call made under a spent budget answers
 * TIMEOUT and starts nothing; one within its budget answers as without one; and each adapter
 * stops work already under way: the embedded walk between layers, a Neo4j transaction at the
 * timeout the server was given.
 */

jest.setTimeout(120_000);

/** A budget of 1 ms, already spent. */
function spentDeadline(): Deadline {
  const deadline = Deadline.start(1);
  const until = performance.now() + 5;
  while (performance.now() < until) {
    // Spend the budget.
  }
  return deadline;
}

async function timeoutOf(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('TIMEOUT');
  return error as DomainError;
}

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    beforeAll(async () => {
      store = await loadedStore(kind);
    }, 180_000);
    afterAll(() => store?.close());

    it('answers TIMEOUT for every traversal once the budget is spent, saying how to ask for less', async () => {
      const spent = store.within(spentDeadline());
      const error = await timeoutOf(spent.neighborhood({ id: MEETING_ID, depth: 2, limit: 100 }));
      expect(error.message).toMatch(/ran past its time budget of 1 ms and was stopped\. Ask for less at once/);
      expect(error.details).toEqual({ budgetMs: 1 });
      await timeoutOf(spent.shortestPaths({ fromId: 'roman-vassilenko', toId: 'b-zhakaev', maxHops: 4, direction: Direction.BOTH, first: 1 }));
      await timeoutOf(spent.coParticipants({ id: 'roman-vassilenko', types: [RelationshipType.ATTENDED], first: 5 }));
      await timeoutOf(spent.timelines(['roman-vassilenko'], {}));
    });

    it('answers within its budget exactly as without one, and goes on answering after a TIMEOUT', async () => {
      const request = { id: MEETING_ID, depth: 2, limit: 100 };
      const unbounded = await store.neighborhood(request);
      expect(unbounded.nodeIds.length).toBeGreaterThan(10);
      expect(await store.within(Deadline.start(10_000)).neighborhood(request)).toEqual(unbounded);
      await timeoutOf(store.within(spentDeadline()).neighborhood(request));
      // The bounded view shares everything with its store but the budget.
      expect(await store.neighborhood(request)).toEqual(unbounded);
      expect(await store.within(Deadline.start(10_000)).neighborhood(request)).toEqual(unbounded);
    });
  });
}

/** People who all attended every event: a breadth-first walk from one of them touches every relationship twice. */
function denseGraph(people: number, events: number): GraphBatch {
  const eventIds = Array.from({ length: events }, (_, i) => `dense-event-${i}`);
  const personIds = Array.from({ length: people }, (_, i) => `dense-person-${i}`);
  return {
    sources: seedBatch().sources,
    entities: [
      ...personIds.map((id) => person(id)),
      ...eventIds.map((id) => ({ ...person(id), kind: EntityKind.EVENT, name: `Dense event ${id}` })),
      person('dense-loner'),
    ],
    relationships: personIds.flatMap((p) => eventIds.map((e) => relationship(p, RelationshipType.ATTENDED, e))),
  };
}

describe('embedded: a walk past its budget', () => {
  let store: Store;
  beforeAll(async () => {
    store = await loadedStore('embedded', denseGraph(2000, 40));
  }, 180_000);
  afterAll(() => store?.close());

  it('stops between layers with TIMEOUT', async () => {
    // No path exists, so without a budget the walk visits all 80,000 relationships up to 6 hops out.
    const request = { fromId: 'dense-person-0', toId: 'dense-loner', maxHops: 6, direction: Direction.BOTH, first: 1 };
    let started = performance.now();
    expect(await store.shortestPaths(request)).toEqual([]);
    const unboundedMs = performance.now() - started;
    started = performance.now();
    await timeoutOf(store.within(Deadline.start(2)).shortestPaths(request));
    const stoppedMs = performance.now() - started;
    process.stdout.write(`embedded walk: ${unboundedMs.toFixed(1)} ms unbounded, stopped after ${stoppedMs.toFixed(1)} ms with a 2 ms budget\n`);
    expect(await store.getEntities(['dense-person-1'])).toEqual([expect.objectContaining({ id: 'dense-person-1' })]);
  });
});

describeNeo4j('neo4j: a transaction past its budget', () => {
  let runner: Neo4jRunner;
  beforeAll(() => {
    runner = new Neo4jRunner(neo4jTestOptions()!);
  });
  afterAll(() => runner?.close());

  // Counting to two billion takes minutes; the server stops it at its next timeout check (every 2 s).
  const SPIN = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n';

  it('is terminated by the server with TIMEOUT, and frees the server for the next one', async () => {
    const started = performance.now();
    await timeoutOf(runner.within(Deadline.start(200)).read('spin', (tx) => run(tx, SPIN)));
    process.stdout.write(`neo4j: TIMEOUT after ${(performance.now() - started).toFixed(0)} ms with a 200 ms budget\n`);
    const running = await runner.read('transactions', (tx) => run(tx, 'SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery'));
    expect(running.map((r) => r.get('currentQuery') as string).filter((q) => q.includes('range(1, 2000000000)'))).toEqual([]);
    const [one] = await runner.within(Deadline.start(10_000)).read('after', (tx) => run(tx, 'RETURN 1 AS one'));
    expect(one!.get('one')).toBe(1);
  });
});
