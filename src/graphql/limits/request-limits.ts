import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { DomainError, ErrorCode } from '../../domain/errors';
import { limitExceeded } from './limit-error';

export interface DocumentLimits {
  /** Characters of the query text (MAX_QUERY_LENGTH). */
  readonly maxLength: number;
  /** Lexical tokens of the query text (MAX_TOKENS). */
  readonly maxTokens: number;
  /** Field selections written in the query text (MAX_FIELDS). */
  readonly maxFields: number;
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
 * The same pass counts the fields written (see countFields). Syntax errors are left to Apollo,
 * which reports them with their location.
 */
export function documentRefusal(query: string, limits: DocumentLimits): DomainError | null {
  if (query.length > limits.maxLength) return limitExceeded('characters', query.length, limits.maxLength);
  const counted = countTokensAndFields(query, limits.maxTokens);
  if (counted === null) return limitExceeded('tokens', null, limits.maxTokens);
  return counted.fields > limits.maxFields ? limitExceeded('fields', counted.fields, limits.maxFields) : null;
}

/**
 * Tokens up to `maxTokens` (null past it), and the field selections written in selection sets.
 *
 * Fields are counted because graphql-js's OverlappingFieldsCanBeMerged validation compares every
 * pair of fields that share a response name: 2,700 `__typename`s, inside the token and character
 * limits, took ~230 ms of validation, 370 copies of `entity(id: "x") { id }` ~210 ms. Nothing is
 * run or costed before validation, so only a bound on the fields keeps that quadratic term small
 * (500 fields: ~15 ms). A field is a name in a selection set (outside arguments) that is not an
 * alias (followed by `:`), a directive (after `@`), or part of a fragment spread or type condition.
 */
function countTokensAndFields(query: string, maxTokens: number): { fields: number } | null {
  const lexer = new Lexer(new Source(query));
  let fields = 0;
  let selectionDepth = 0;
  let argumentDepth = 0;
  /** After `...`: the next name is a fragment's, or `on` and then a type's. */
  let spread: 'none' | 'name' | 'type' = 'none';
  let afterAt = false;
  try {
    for (let count = 1; ; count++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return { fields };
      if (count > maxTokens) return null;
      if (argumentDepth > 0) {
        if (token.kind === TokenKind.PAREN_L) argumentDepth++;
        else if (token.kind === TokenKind.PAREN_R) argumentDepth--;
        continue;
      }
      const wasAfterAt = afterAt;
      afterAt = token.kind === TokenKind.AT;
      switch (token.kind) {
        case TokenKind.PAREN_L:
          argumentDepth++;
          break;
        case TokenKind.BRACE_L:
          selectionDepth++;
          spread = 'none';
          break;
        case TokenKind.BRACE_R:
          selectionDepth--;
          break;
        case TokenKind.SPREAD:
          spread = 'name';
          break;
        case TokenKind.COLON:
          // The name before it was an alias; the field's own name follows and is counted then.
          if (selectionDepth > 0) fields--;
          break;
        case TokenKind.NAME:
          if (spread === 'name') spread = token.value === 'on' ? 'type' : 'none';
          else if (spread === 'type') spread = 'none';
          else if (selectionDepth > 0 && !wasAfterAt) fields++;
          break;
        default:
          spread = 'none';
      }
    }
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { fields };
  }
}
