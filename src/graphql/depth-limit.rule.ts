import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError } from 'graphql';

/** Refuses over-deep queries during validation, so nothing of them runs. */
export function depthLimitRule(max: number) {
  return maxDepthRule({
    n: max,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(
          new GraphQLError(
            `Query is nested too deeply: ${error.message.replace(/^Syntax Error: /, '')} ` +
              'Split it into several queries or fetch fewer levels at once.',
          ),
        ),
    ],
  });
}
