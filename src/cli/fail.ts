import { DomainError, ErrorCode } from '../domain/errors';

/**
 * How every command-line tool ends on an error: configuration and store errors are written for
 * people, so they print plainly; when the store was unreachable the operator also sees the cause
 * and where to look.
 */
export function fail(e: unknown): never {
  console.error(failureMessage(e));
  process.exit(1);
}

export function failureMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e instanceof DomainError && e.code === ErrorCode.STORE_UNAVAILABLE && e.cause !== undefined) {
    const cause = e.cause instanceof Error ? e.cause.message : String(e.cause);
    return (
      `${e.message}\n(cause: ${cause})\n` +
      'With NEO4J_URI set, is Neo4j running there (locally: `npm run neo4j`)? Without it, is a server holding DATA_DIR open?'
    );
  }
  return e.message;
}
