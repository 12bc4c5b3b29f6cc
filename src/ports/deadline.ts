import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError, ErrorCode } from '../domain/errors';

/**
 * The time budget of the operation a store call serves. It travels beside the calls (an
 * AsyncLocalStorage) instead of through every port signature: the HTTP layer starts one per
 * GraphQL request, and adapters bound their work by it (Neo4j: the transaction timeout; embedded:
 * a check between traversal layers). It lives with the ports because honouring it is part of the
 * port's contract, and every layer that needs it (http, adapters) may already import ports.
 * Calls outside any budget (CLIs, imports, the seed) run unbounded.
 */
interface Deadline {
  readonly budgetMs: number;
  /** `performance.now()` when the budget is spent. */
  readonly endsAt: number;
}

const current = new AsyncLocalStorage<Deadline>();

/** Runs `work` (and everything it starts, however asynchronous) under a budget of `budgetMs`. */
export function withDeadline<T>(budgetMs: number, work: () => T): T {
  return current.run({ budgetMs, endsAt: performance.now() + budgetMs }, work);
}

/**
 * Whole milliseconds left (at least 1, as Neo4j reads a timeout of 0 as "none"), or null outside
 * a budget. Throws TIMEOUT once it is spent, so no new work starts after that.
 */
export function remainingMs(): number | null {
  const deadline = current.getStore();
  if (!deadline) return null;
  const left = deadline.endsAt - performance.now();
  if (left <= 0) throw timedOut(deadline.budgetMs);
  return Math.max(1, Math.ceil(left));
}

/** Throws TIMEOUT when the current budget is spent; cheap enough to call between units of work. */
export function checkDeadline(): void {
  const deadline = current.getStore();
  if (deadline && performance.now() >= deadline.endsAt) throw timedOut(deadline.budgetMs);
}

/** The TIMEOUT error, for the current budget when there is one (a store's own timeout may fire first). */
export function timedOut(budgetMs: number | undefined = current.getStore()?.budgetMs): DomainError {
  const budget = budgetMs === undefined ? 'its time budget' : `its time budget of ${budgetMs} ms`;
  return new DomainError(
    ErrorCode.TIMEOUT,
    `The query ran past ${budget} and was stopped. Ask for less at once (a lower depth, limit, maxHops ` +
      'or first) or split it into several queries.',
    budgetMs === undefined ? undefined : { budgetMs },
  );
}
