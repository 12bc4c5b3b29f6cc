import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { limitError, limitExceeded, type LimitName } from './limit-error';

/**
 * graphql-armor's rules count; the refusal is ours (a coded error saying how to split). They
 * report the count only in their message ("... exceeded, found 500."), so it is read from there;
 * test/graphql/limits.test.ts pins that for the installed versions.
 */
function refusal(limit: LimitName, max: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(limitError(limitExceeded(limit, found ? Number(found[1]) : null, max)));
  };
}

/** Levels of nesting per operation, fragments counted where they are spread. */
export function depthLimitRule(max: number): ValidationRule {
  return maxDepthRule({ n: max, flattenFragments: true, propagateOnRejection: false, onReject: [refusal('depth', max)] }) as ValidationRule;
}

/** Aliased fields per operation, fragments counted where they are spread (`__typename` is free). */
export function aliasLimitRule(max: number): ValidationRule {
  return maxAliasesRule({ n: max, propagateOnRejection: false, onReject: [refusal('aliases', max)] }) as ValidationRule;
}

/** Directives per operation, fragments counted where they are spread. */
export function directiveLimitRule(max: number): ValidationRule {
  return maxDirectivesRule({ n: max, propagateOnRejection: false, onReject: [refusal('directives', max)] }) as ValidationRule;
}
