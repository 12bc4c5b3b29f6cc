import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
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
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
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
