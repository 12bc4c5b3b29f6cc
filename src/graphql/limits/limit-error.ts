import { GraphQLError, type ASTNode } from 'graphql';
import { DomainError, ErrorCode } from '../../domain/errors';

/** The limits a request can exceed before anything of it runs; `extensions.limit` names one. */
export type LimitName = 'characters' | 'tokens' | 'fields' | 'depth' | 'aliases' | 'directives' | 'cost';

const WHAT: Readonly<Record<LimitName, { readonly count: string; readonly per: string; readonly split: string }>> = {
  characters: {
    count: 'characters',
    per: 'per query document',
    split: 'Send a shorter document: drop unused fields and fragments, or split it into several requests.',
  },
  tokens: {
    count: 'tokens (names, punctuation and values)',
    per: 'per query document',
    split: 'Send a shorter document: drop unused fields and fragments, or split it into several requests.',
  },
  fields: {
    count: 'fields',
    per: 'per query document',
    split: 'Split it into several requests, or fetch a list (search, entities) instead of item by item.',
  },
  depth: {
    count: 'levels of nesting',
    per: 'per operation',
    split: 'Split it into several queries that each fetch fewer levels, starting the next from the ids the last one returned.',
  },
  aliases: {
    count: 'aliased fields',
    per: 'per operation',
    split: 'Split it into several requests with fewer aliases each, or fetch a list (search, entities) instead of item by item.',
  },
  directives: {
    count: 'directives',
    per: 'per operation',
    split: 'Send the variants that @include and @skip choose between as separate operations.',
  },
  cost: {
    count: 'cost units',
    per: 'per request',
    split:
      'Ask for smaller pages (first, limit), less depth or fewer maxHops, fewer nested lists, or split it into ' +
      'several requests. With QUERY_STATS=1 every answer shows its cost in extensions.cost.',
  },
};

/**
 * QUERY_TOO_LARGE for the document's size, QUERY_TOO_COMPLEX for what it asks. `value` is null
 * when counting stopped at the limit (the token count of a document is not worth finishing).
 */
export function limitExceeded(limit: LimitName, value: number | null, max: number): DomainError {
  const what = WHAT[limit];
  const found = value === null ? `more than ${max}` : String(value);
  const code = limit === 'characters' || limit === 'tokens' ? ErrorCode.QUERY_TOO_LARGE : ErrorCode.QUERY_TOO_COMPLEX;
  return new DomainError(code, `The query has ${found} ${what.count}; at most ${max} are allowed ${what.per}. ${what.split}`, {
    limit,
    ...(value === null ? {} : { value }),
    max,
  });
}

/**
 * The same refusal as a GraphQL request error, answered with HTTP 400; graphql/errors.ts shows
 * the DomainError inside (code, message, details).
 */
export function limitError(error: DomainError, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(error.message, { nodes, originalError: error, extensions: { http: { status: 400 } } });
}
