import { error as driverError, Neo4jError } from 'neo4j-driver';
import { DomainError, storeLimit, storeUnavailable } from '../../domain/errors';
import { timedOut, type Deadline } from '../../ports/deadline';

/** What a caller is told; the driver's own text stays in `cause`, for the logs only. */
export const UNAVAILABLE_MESSAGE = 'The graph database is not reachable right now; try again shortly.';

// The pool raises this one without a code; its message is the only thing that identifies it.
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

/**
 * Translates whatever a driver call threw. Losing the connection becomes STORE_UNAVAILABLE and a
 * memory limit of the server STORE_LIMIT, which the API shows; anything else becomes a plain
 * Error, which the API masks, so no driver message (it can quote Cypher or data) ever reaches a caller.
 */
export function translateDriverError(error: unknown, operation: string, deadline: Deadline | null = null): Error {
  if (error instanceof DomainError) return error;
  if (isTimedOut(error)) return timedOut(deadline?.budgetMs);
  // Before the unavailable check: these are TransientErrors too, but waiting does not cure them.
  const limit = resourceLimit(error);
  if (limit) return limit;
  if (isUnavailable(error)) return storeUnavailable(UNAVAILABLE_MESSAGE, error);
  return new Error(`Neo4j operation "${operation}" failed`, { cause: error });
}

// The full-text index is created by the migration; until it exists search cannot answer.
const SEARCH_INDEX_MISSING = /no such fulltext schema index/i;

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (ACQUISITION_TIMEOUT.test(error.message) || SEARCH_INDEX_MISSING.test(error.message)) return true;
  if (!(error instanceof Neo4jError)) return false;
  return (
    error.code === driverError.SERVICE_UNAVAILABLE ||
    error.code === driverError.SESSION_EXPIRED ||
    // Transient server states: a database still starting or stopping, a leader switch, a lock
    // timeout; the driver has already retried them within maxTransactionRetryTime.
    error.code.startsWith('Neo.TransientError.') ||
    error.code === 'Neo.ClientError.Cluster.NotALeader' ||
    // Misconfiguration (credentials, database name) is the operator's to fix, but to a caller the
    // store is just as unreachable; the cause in the logs says which it was.
    error.code.startsWith('Neo.ClientError.Security.') ||
    error.code === 'Neo.ClientError.Database.DatabaseNotFound'
  );
}

/** The server stopped a transaction at the timeout it was given (driver.ts: the operation's budget). */
function isTimedOut(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** Neo4j 5's memory refusals (Status.General), except the pool one, which names its setting in its message. */
const MEMORY_POOL = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
const FIXED_SETTINGS: Readonly<Record<string, string>> = {
  'Neo.ClientError.General.TransactionOutOfMemoryError': 'db.memory.transaction.max',
  'Neo.TransientError.General.TransactionMemoryLimit': 'server.memory.off_heap.transaction_max_size',
  'Neo.TransientError.General.OutOfMemoryError': 'server.memory.heap.max_size',
};

// "The allocation of an extra 2.0 MiB would use more than the limit 128.0 MiB. Currently using
// 126.6 MiB. db.memory.transaction.max threshold reached": only settings and sizes, no data.
const POOL_LIMIT = /more than the limit (\d+(?:\.\d+)? ?[KMGT]?i?B)\b/;
const POOL_SETTING = /([a-z_]+(?:\.[a-z_]+)+) threshold reached/;

/**
 * For a transaction's work to throw instead of a statement's error: the driver retries every
 * TransientError, memory refusals included, but the same work would only be refused again.
 */
export function unlessWorthRetrying(error: unknown): unknown {
  return resourceLimit(error) ?? error;
}

/** Refused for memory: which limit, how large it is, and what to change, as STORE_LIMIT. */
function resourceLimit(error: unknown): DomainError | null {
  if (!(error instanceof Neo4jError)) return null;
  const setting = error.code === MEMORY_POOL ? (POOL_SETTING.exec(error.message)?.[1] ?? null) : FIXED_SETTINGS[error.code];
  if (setting === undefined) return null;
  const limit = POOL_LIMIT.exec(error.message)?.[1] ?? null;
  return storeLimit(`Neo4j refused the transaction: ${limitMessage(setting, limit)}`, { setting, limit }, error);
}

function limitMessage(setting: string | null, limit: string | null): string {
  const allows = `${setting} allows${limit ? ` (${limit})` : ''}`;
  switch (setting) {
    case null:
      return 'a memory pool of the server is full. Send less in one transaction, or give the server more memory.';
    case 'server.memory.heap.max_size':
      return (
        'the server ran out of heap memory. Give it a larger heap (server.memory.heap.max_size; with the ' +
        "project's launcher: npm run neo4j -- --heap 2g), or send less in one transaction."
      );
    case 'db.memory.transaction.max':
      return (
        `it needs more memory than ${allows}. Raise ${setting} in the server's configuration ` +
        "(neo4j.conf; the project's launcher sets 128 MiB), or send less in one transaction."
      );
    case 'dbms.memory.transaction.total.max':
    case 'db.memory.transaction.total.max':
      return (
        `the transactions running at once need more memory than ${allows}. Raise ${setting} in the ` +
        "server's configuration, or run fewer or smaller transactions at once."
      );
    default:
      return `it needs more memory than ${allows}. Raise ${setting} in the server's configuration, or send less in one transaction.`;
  }
}
