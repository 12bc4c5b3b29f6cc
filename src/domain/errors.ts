/** Stable error codes; mapped to GraphQL `extensions.code` at the edge (src/graphql/errors.ts). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  STORE_UNAVAILABLE = 'STORE_UNAVAILABLE',
  INVALID_DATA = 'INVALID_DATA',
  /** Another request changed what this one read before it could write; reading again and retrying works. */
  CONFLICT = 'CONFLICT',
  /** The operation ran past its time budget (QUERY_TIMEOUT_MS) and was stopped. */
  TIMEOUT = 'TIMEOUT',
  /** Refused before running: too many aliases or directives, or a cost over the cap. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Refused before parsing: the document has too many characters or tokens. */
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  /** A JSON array of operations in one request; this API runs one operation per request. */
  BATCHING_NOT_SUPPORTED = 'BATCHING_NOT_SUPPORTED',
  /** Refused at the HTTP edge (status 429): the caller sent more than its per-minute allowance. */
  RATE_LIMITED = 'RATE_LIMITED',
  /**
   * The store refused the operation at one of its resource limits (memory per transaction, ...):
   * retrying as it is fails the same way; the message names the limit and what to change.
   */
  STORE_LIMIT = 'STORE_LIMIT',
}

/**
 * An error whose message is written for the person who sent the request. Anything that is not a
 * DomainError is treated as internal and masked before it reaches a response.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, details);

export const storeUnavailable = (message: string, cause?: unknown): DomainError =>
  new DomainError(ErrorCode.STORE_UNAVAILABLE, message, undefined, { cause });

export const storeLimit = (message: string, details: Record<string, unknown>, cause?: unknown): DomainError =>
  new DomainError(ErrorCode.STORE_LIMIT, message, details, { cause });
