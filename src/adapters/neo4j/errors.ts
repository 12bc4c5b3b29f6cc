import { error as driverError, Neo4jError } from 'neo4j-driver';
import { DomainError, storeUnavailable } from '../../domain/errors';

/** What a caller is told; the driver's own text stays in `cause`, for the logs only. */
export const UNAVAILABLE_MESSAGE = 'The graph database is not reachable right now; try again shortly.';

// The pool raises this one without a code; its message is the only thing that identifies it.
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

/**
 * Translates whatever a driver call threw. Losing the connection becomes STORE_UNAVAILABLE, which
 * the API shows; anything else becomes a plain Error, which the API masks, so no driver message
 * (it can quote Cypher or data) ever reaches a caller.
 */
export function translateDriverError(error: unknown, operation: string): Error {
  if (error instanceof DomainError) return error;
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
