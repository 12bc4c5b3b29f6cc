import { DomainError, ErrorCode } from '../domain/errors';

/**
 * The time budget of the operation a store call serves. The HTTP layer starts one per GraphQL
 * request and the request's store is bounded by it (`store.within(deadline)`, the port's
 * Bounded); adapters bound their work by it (Neo4j: the transaction timeout; embedded: a check
 * between traversal layers). It lives with the ports because honouring it is part of the port's
 * contract. Calls outside any budget (CLIs, imports, the seed) run unbounded.
 *
 * It travels as a value rather than in an AsyncLocalStorage: on Node 20 an AsyncLocalStorage
 * turns on promise hooks for every promise of the process, which cost a sixth of the server's
 * CPU on a nested query (bench/README.md).
 */
export class Deadline {
  private constructor(
    readonly budgetMs: number,
    /** `performance.now()` when the budget is spent. */
    private readonly endsAt: number,
  ) {}

  /** A budget of `budgetMs` from now. */
  static start(budgetMs: number): Deadline {
    return new Deadline(budgetMs, performance.now() + budgetMs);
  }

  /**
   * Whole milliseconds left (at least 1, as Neo4j reads a timeout of 0 as "none"). Throws TIMEOUT
   * once it is spent, so no new work starts after that.
   */
  remainingMs(): number {
    const left = this.endsAt - performance.now();
    if (left <= 0) throw timedOut(this.budgetMs);
    return Math.max(1, Math.ceil(left));
  }

  /** Throws TIMEOUT when the budget is spent; cheap enough to call between units of work. */
  check(): void {
    if (performance.now() >= this.endsAt) throw timedOut(this.budgetMs);
  }
}

/** A store (or a part of one) that can give a view of itself whose calls honour a deadline. */
export interface Bounded<T> {
  /** The same store, sharing everything, with every call it makes bounded by `deadline`. */
  within(deadline: Deadline): T;
}

/** The TIMEOUT error, for a budget when it is known (a store's own timeout may fire first). */
export function timedOut(budgetMs?: number): DomainError {
  const budget = budgetMs === undefined ? 'its time budget' : `its time budget of ${budgetMs} ms`;
  return new DomainError(
    ErrorCode.TIMEOUT,
    `The query ran past ${budget} and was stopped. Ask for less at once (a lower depth, limit, maxHops ` +
      'or first) or split it into several queries.',
    budgetMs === undefined ? undefined : { budgetMs },
  );
}
