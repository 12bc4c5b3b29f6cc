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
