import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../domain/errors';

/** Codes Apollo and graphql-js assign themselves to request errors; safe to show as they are. */
const REQUEST_ERROR_CODES: ReadonlySet<unknown> = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_MESSAGE = 'Internal error: the server could not complete this request. It has been logged.';

/**
 * The edge where errors become responses: domain errors keep their code and message, request
 * errors from the GraphQL layer keep theirs, everything else is masked. Stack traces only when
 * explicitly in development.
 */
export function createErrorFormatter(showStackTraces: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = domainErrorIn(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) return { ...base, ...formatDomainError(original) };
    if (isVariableErrorLimit(original)) return { ...base, message: VARIABLE_LIMIT_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } };
    const code = formatted.extensions?.code;
    if (REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, message: formatted.message, extensions: showStackTraces ? { ...extensions, stacktrace } : extensions };
    }
    return {
      ...base,
      message: showStackTraces ? formatted.message : INTERNAL_MESSAGE,
      extensions: showStackTraces ? { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } : { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** A domain error as the caller sees it; also for refusals answered before Apollo (src/http). */
export function formatDomainError(error: DomainError): GraphQLFormattedError {
  return { message: error.message, extensions: { code: error.code, ...error.details } };
}

/**
 * A resolver's error, or one a request error (a validation rule, a plugin refusing before
 * execution: src/graphql/limits) carries as its original error.
 */
function domainErrorIn(error: unknown): unknown {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError && original.originalError instanceof DomainError ? original.originalError : original;
}

/**
 * graphql-js stops coercing variables after 50 bad values with an error of no code and no
 * location, which would be masked as internal; it is the caller's input like the 50 before it.
 */
const VARIABLE_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';
const VARIABLE_LIMIT_MESSAGE = 'Too many invalid variable values: the first 50 are listed; correct them and send the request again.';

function isVariableErrorLimit(error: unknown): boolean {
  return error instanceof GraphQLError && error.message === VARIABLE_LIMIT && !error.path && !error.originalError;
}
