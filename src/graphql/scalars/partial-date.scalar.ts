import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DomainError } from '../../domain/errors';
import { parsePartialDate } from '../../domain/partial-date';

function parse(value: unknown): string {
  try {
    return parsePartialDate(value);
  } catch (e) {
    if (e instanceof DomainError) throw new GraphQLError(e.message, { extensions: { code: e.code } });
    throw e;
  }
}

export const PartialDateScalar = new GraphQLScalarType({
  name: 'PartialDate',
  description: 'A date known to the year, month or day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('A PartialDate literal must be a string such as "2013" or "2023-12-14".', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
