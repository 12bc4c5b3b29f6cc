import { Kind, print } from 'graphql';
import type { ApiResult } from '../support/api';

/**
 * The property every fuzzed response must have: data, or errors that each carry a stable
 * extensions.code other than INTERNAL_SERVER_ERROR; and nothing a caller should never see (a
 * stack frame, a source file, driver text, Cypher). Any coded error counts, so the property holds
 * as new limits (QUERY_TOO_COMPLEX, TIMEOUT, ...) arrive.
 */

/** What only a leak could put in a message: stack frames, file positions, driver and engine text. */
const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\n\s+at \S|\bat (?:async )?\S+ \([^)]*:\d+:\d+\)/],
  ['a source position', /[\w-]+\.(?:ts|js|cjs|mjs):\d+/],
  ['a dependency path', /node_modules/],
  ['Neo4j driver text', /Neo4jError|Neo\.(?:ClientError|TransientError|DatabaseError)|org\.neo4j|\bbolt:\/\//i],
  ['Cypher', /\b(?:MATCH|MERGE|UNWIND|RETURN|DETACH DELETE|OPTIONAL MATCH|CALL db\.)\b/],
  ['a JavaScript error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b/],
  ['a JavaScript failure', /Cannot read propert|is not a function|is not iterable|Maximum call stack|Invalid array length/],
  ['an engine name', /graphology|graphql-js|type-graphql|linkedom|Readability|wink/i],
  ['an unprinted object', /\[object \w+\]/],
];

/** Every string inside a value (variables, literals), however deep. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.push(k);
      stringsIn(v, into);
    }
  }
  return into;
}

/**
 * The ways a message may echo what the caller sent (whole, trimmed, cut to 40 or 80 characters,
 * JSON- or GraphQL-escaped): the caller's own text may hold Cypher or a fake stack frame, which is
 * not a leak, so it is blanked out before the message is searched.
 */
function echoesOf(inputs: unknown): string[] {
  const forms = new Set<string>();
  for (const s of new Set(stringsIn(inputs))) {
    for (const base of [s, s.trim()]) {
      for (const form of [base, JSON.stringify(base).slice(1, -1), print({ kind: Kind.STRING, value: base }).slice(1, -1)]) {
        for (const cut of [form, form.slice(0, 40), form.slice(0, 80)]) if (cut.length >= 4) forms.add(cut);
      }
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function withoutEchoes(text: string, echoes: readonly string[]): string {
  let rest = text;
  for (const echo of echoes) if (rest.includes(echo)) rest = rest.split(echo).join(' «input» ');
  return rest;
}

/** What is wrong with a response, as sentences; empty when it holds. `inputs`: what was sent. */
export function responseProblems(result: ApiResult, inputs: unknown): string[] {
  const problems: string[] = [];
  const errors = result.errors ?? [];
  if (result.errors !== undefined && errors.length === 0) problems.push('an empty errors list');
  if (errors.length === 0 && (result.data === null || result.data === undefined)) problems.push('neither data nor errors');
  const echoes = errors.length > 0 ? echoesOf(inputs) : [];
  errors.forEach((error, i) => {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) problems.push(`error ${i} has no extensions.code (${JSON.stringify(code)})`);
    if (code === 'INTERNAL_SERVER_ERROR') problems.push(`error ${i} is INTERNAL_SERVER_ERROR: ${error.message}`);
    if (error.extensions && 'stacktrace' in error.extensions) problems.push(`error ${i} has a stacktrace extension`);
    if (typeof error.message !== 'string' || error.message.trim() === '') problems.push(`error ${i} has no message`);
    const shown = withoutEchoes(`${error.message}\n${JSON.stringify(error.extensions ?? {})}`, echoes);
    for (const [what, pattern] of LEAKS) {
      const leak = pattern.exec(shown);
      if (leak) problems.push(`error ${i} (${String(code)}) shows ${what} ("${leak[0]}"): ${error.message.slice(0, 300)}`);
    }
  });
  return problems;
}

/** Throws (for fast-check to shrink) when the response breaks the property. */
export function assertWellFormed(result: ApiResult, inputs: unknown): void {
  const problems = responseProblems(result, inputs);
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
