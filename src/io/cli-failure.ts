import { DomainError, ErrorCode } from '../domain/errors';

/** A failure of the import or export command, for the person at the terminal: what and why. */
export function failureMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e instanceof DomainError && e.code === ErrorCode.STORE_UNAVAILABLE && e.cause !== undefined) {
    // The store's message is written for API callers; the operator also needs the cause.
    const cause = e.cause instanceof Error ? e.cause.message : String(e.cause);
    return `${e.message}\n(cause: ${cause})\nWith NEO4J_URI set, is Neo4j running there? Without it, is a server holding DATA_DIR open?`;
  }
  return e.message;
}
