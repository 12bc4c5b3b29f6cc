import * as fc from 'fast-check';
import { storeDump } from '../support/api';
import type { Caller } from './arbitraries';
import { CaseLog, checkProperty, propertyTimeout } from './fuzz-config';
import type { FuzzApi, Pools } from './fuzz-api';
import { responseProblems } from './response-checks';

/** A document and its variables, as a client sends them. */
export interface FuzzRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** What else a message may echo (inline literals) besides the variables. */
  readonly sent?: unknown;
}

/** One mutation to fuzz: its requests, who sends them, and whether an accepted one spends the fixture. */
export interface WriteCase {
  readonly name: string;
  readonly requests: (pools: () => Pools) => fc.Arbitrary<FuzzRequest>;
  readonly caller: fc.Arbitrary<Caller>;
  /** Cases per store kind; the Neo4j dumps cost more, so it may run fewer. */
  readonly runs: { embedded: number; neo4j: number };
  /**
   * An accepted write of this kind removes what later cases should find (a seed entity, a pending
   * proposal): the store is then started afresh.
   */
  readonly resetAfterAccepted: boolean;
}

/** Requests of one mutation document with fuzzed variables. */
export function withVariables(mutation: string, variables: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<FuzzRequest> {
  return variables.map((vars) => ({ query: mutation, variables: vars }));
}

/** Accepted writes that do not spend anything still pile up; start afresh after this many. */
const MAX_ACCEPTED_BEFORE_RESET = 12;

/**
 * Registers one test per case: every response is data or coded errors with nothing leaked, and a
 * refused write leaves the store dump exactly as it was. The dump of the current state is kept
 * between cases (only an accepted write changes it), so a refused case costs one dump.
 */
export function describeWrites(title: string, fuzz: () => FuzzApi, cases: readonly WriteCase[]): void {
  const log = new CaseLog(title);
  let current: string | undefined;
  let acceptedSinceReset = 0;
  const accepted = new Map<string, number>();
  const ms = { dump: 0, run: 0, reset: 0 };
  const timed = async <T>(what: keyof typeof ms, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      ms[what] += performance.now() - started;
    }
  };

  afterAll(() => {
    const counts = [...accepted].map(([name, n]) => `${name} ${n}`).join(', ');
    const spent = Object.entries(ms).map(([what, t]) => `${what} ${(t / 1000).toFixed(1)} s`).join(', ');
    console.log(`${log.summary()}; accepted writes: ${counts || 'none'}; store restarts: ${fuzz().resets}; time in ${spent}`);
  });

  for (const c of cases) {
    const runs = c.runs[fuzz().kind];
    it(
      `${c.name}: data or coded errors, refused writes change nothing`,
      async () => {
        accepted.set(c.name, 0);
        const property = fc.asyncProperty(c.requests(() => fuzz().pools), c.caller, async ({ query, variables, sent }, caller) => {
          const api = fuzz();
          current ??= await timed('dump', () => storeDump(api.api.store));
          const result = await timed('run', () => api.run(query, variables, caller));
          const problems = responseProblems(result, [variables, sent]);
          if (result.errors?.length) {
            const after = await timed('dump', () => storeDump(api.api.store));
            if (after !== current) {
              // Later cases compare against what is there now, so one failure does not fail them all.
              current = after;
              problems.push(`a refused ${c.name} changed the store: ${result.errors.map((e) => e.message).join('; ').slice(0, 500)}`);
            }
          } else {
            accepted.set(c.name, (accepted.get(c.name) ?? 0) + 1);
            if (c.resetAfterAccepted || ++acceptedSinceReset >= MAX_ACCEPTED_BEFORE_RESET) {
              await timed('reset', () => api.reset());
              acceptedSinceReset = 0;
            }
            current = await timed('dump', () => storeDump(api.api.store));
          }
          if (problems.length > 0) throw new Error(problems.join('\n'));
        });
        await checkProperty(log, c.name, property, runs);
      },
      propertyTimeout(180_000),
    );
  }
}
