import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { DomainError, ErrorCode } from '../../domain/errors';
import { limitExceeded } from './limit-error';

export interface DocumentLimits {
  /** Characters of the query text (MAX_QUERY_LENGTH). */
  readonly maxLength: number;
  /** Lexical tokens of the query text (MAX_TOKENS). */
  readonly maxTokens: number;
}

/**
 * Why a GraphQL-over-HTTP request is refused before Apollo parses anything, or null: a JSON array
 * of operations (one operation per request), or a query document too large. `payload` is a POST's
 * JSON body or a GET's query parameters.
 */
export function requestRefusal(payload: unknown, limits: DocumentLimits): DomainError | null {
  if (Array.isArray(payload)) {
    return new DomainError(
      ErrorCode.BATCHING_NOT_SUPPORTED,
      `This API runs one operation per request, and this request is a JSON array of ${payload.length}. ` +
        'Send each operation as its own request (several may be in flight at once).',
      { operations: payload.length },
    );
  }
  const query = typeof payload === 'object' && payload !== null ? (payload as { query?: unknown }).query : undefined;
  return typeof query === 'string' ? documentRefusal(query, limits) : null;
}

/**
 * Tokens are counted with graphql-js's own lexer, stopping at the limit, so a huge document costs
 * no more than `maxTokens` tokens of work. (graphql-armor's max-tokens counts the same tokens, but
 * by parsing through a proxied lexer, ten times slower, and it plugs into Envelop, not Apollo.)
 * Syntax errors are left to Apollo, which reports them with their location.
 */
export function documentRefusal(query: string, limits: DocumentLimits): DomainError | null {
  if (query.length > limits.maxLength) return limitExceeded('characters', query.length, limits.maxLength);
  return tokensOver(query, limits.maxTokens) ? limitExceeded('tokens', null, limits.maxTokens) : null;
}

function tokensOver(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 1; lexer.advance().kind !== TokenKind.EOF; count++) if (count > max) return true;
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
  }
  return false;
}
