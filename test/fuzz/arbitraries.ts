import * as fc from 'fast-check';
import { encodeCursor } from '../../src/graphql/connection/cursor';
import { FOUNDING_TEXT } from '../support/seed-source';
import { CONTROLS, CYPHER, JSON_AND_GRAPHQL, LUCENE, NUMERIC_TEXT, UNICODE } from './payloads';

/**
 * Hostile values for every kind of argument the API takes, as a client could send them in JSON
 * variables: control characters, huge strings, every corner of Unicode, Cypher/Lucene/JSON/GraphQL
 * injection, out-of-range and mistyped numbers, cursors this API never issued, malformed dates,
 * unknown enum values, nulls and wrong types. Each typed arbitrary mostly sends a value of the
 * right GraphQL type (so it reaches the resolvers and stores), sometimes a wrong one (so coercion
 * is fuzzed too). Only JSON values: NaN, Infinity or a BigInt cannot arrive over HTTP.
 */

/** Built once, on first use: a few megabytes that every property shares. */
const HUGE_BUILDERS: readonly (() => string)[] = [
  () => 'x'.repeat(100_000),
  () => 'Vassilenko '.repeat(20_000),
  () => '😀'.repeat(60_000),
  () => '\u0000\u0001\u001f\n'.repeat(30_000),
  () => 'a'.repeat(1_048_576),
  () => '"}) MATCH (n) DETACH DELETE n // '.repeat(4_000),
  () => 'e\u0301'.repeat(80_000),
  () => '\ud800'.repeat(100_000),
];
const hugeCache = new Map<number, string>();
const huge = (i: number): string => {
  let value = hugeCache.get(i);
  if (value === undefined) hugeCache.set(i, (value = HUGE_BUILDERS[i]!()));
  return value;
};

/** Strings of 100 KB to 1 MB. */
export const hugeString: fc.Arbitrary<string> = fc.integer({ min: 0, max: HUGE_BUILDERS.length - 1 }).map(huge);

const withControls = fc
  .tuple(fc.string({ maxLength: 8 }), fc.string({ unit: fc.constantFrom(...CONTROLS), minLength: 1, maxLength: 6 }), fc.string({ maxLength: 8 }))
  .map((parts) => parts.join(''));

/** Any string a client could send; `hugeWeight` 0 leaves out the 100 KB–1 MB ones. */
export function nastyString({ hugeWeight = 1 }: { hugeWeight?: number } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }), weight: 1 },
    { arbitrary: withControls, weight: 2 },
    { arbitrary: fc.constantFrom(...UNICODE), weight: 2 },
    { arbitrary: fc.constantFrom(...CYPHER), weight: 2 },
    { arbitrary: fc.constantFrom(...LUCENE), weight: 1 },
    { arbitrary: fc.constantFrom(...JSON_AND_GRAPHQL), weight: 2 },
    { arbitrary: fc.constantFrom(...NUMERIC_TEXT), weight: 1 },
    { arbitrary: fc.constantFrom('', ' ', '\t', '\n\n', '\u00a0', '\u3000', ' \u200b '), weight: 1 },
    { arbitrary: fc.string({ minLength: 190, maxLength: 2100 }), weight: 1 },
    { arbitrary: hugeString, weight: hugeWeight },
  );
}

/** Text a field accepts (1 to `max` characters once trimmed), hostile inside: controls, injection, any script. */
export function plausibleText(max: number): fc.Arbitrary<string> {
  return nastyString({ hugeWeight: 0 }).filter((s) => {
    const trimmed = s.trim();
    return trimmed.length > 0 && trimmed.length <= max;
  });
}

/** A value of some other JSON type than the argument wants. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'x', '__proto__', 'constructor', ''), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);

/**
 * An argument: mostly `typical`, sometimes left out (undefined, dropped from the variables), null,
 * or of a wrong type.
 */
export function arg<T>(typical: fc.Arbitrary<T>, { absent = 1, wrong = 1 }: { absent?: number; wrong?: number } = {}): fc.Arbitrary<T | unknown> {
  return fc.oneof(
    { arbitrary: typical, weight: 10 },
    { arbitrary: fc.constant(undefined), weight: absent },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: wrongType, weight: wrong },
  );
}

/** GraphQL variables from a record of argument arbitraries; undefined ones are left out. */
export function variables(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(model).map((vars) => Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined)));
}

/** Input objects also get keys the type does not have. */
export function inputObject(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(variables(model), fc.option(fc.constantFrom('__proto__', 'unknownField', 'start', 'record', 'ID'), { freq: 8 }), fc.jsonValue({ maxDepth: 1 }))
    .map(([object, extra, value]) => (extra === null ? object : { ...object, [extra]: value }));
}

const INT_EDGES = [0, -1, 1, 2, 3, 4, 5, 6, 7, 20, 99, 100, 101, 200, 999, 1000, 1001, 2000, 2001, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, -0, 1e21, 0.5, 1.0000001, -1e-7];

/** Int arguments: edges of every range the API checks, 32-bit and beyond, floats, numeric text. */
export const nastyInt: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 4 },
  { arbitrary: fc.constantFrom(...INT_EDGES), weight: 4 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.constantFrom(...NUMERIC_TEXT), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
);

export const nastyBoolean: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.boolean(), weight: 6 },
  { arbitrary: fc.constantFrom('true', 'false', 0, 1, 'yes', ''), weight: 1 },
);

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** `after` cursors: issued ones (valid), huge issued offsets, near misses and garbage. */
export const nastyCursor: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.nat({ max: 60 }).map(encodeCursor), weight: 4 },
  { arbitrary: fc.constantFrom(2 ** 31, 2 ** 32, 1e9, 2 ** 53 - 2, Number.MAX_SAFE_INTEGER).map(encodeCursor), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      ...['-1', '1.5', '1e3', 'NaN', 'Infinity', ' 1', '01', '0x1', '', '1 ', '+1', '9007199254740993', '1e400', '\u0661'].map((n) => base64url(`offset:${n}`)),
      base64url('offset'),
      base64url('Offset:1'),
      Buffer.from('offset:1').toString('base64'),
      `${encodeCursor(3)}=`,
      `${encodeCursor(3)}\n`,
      encodeCursor(3).toUpperCase(),
    ),
    weight: 3,
  },
  { arbitrary: nastyString().map((s) => base64url(`offset:${s}`)), weight: 1 },
  { arbitrary: fc.base64String({ maxLength: 40 }), weight: 1 },
  { arbitrary: nastyString(), weight: 2 },
);

const pad = (n: number, width: number): string => (n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0'));

/** A valid PartialDate of any precision, years 0000 to 9999. */
export const validDate: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 2 }))
  .map(([y, m, d, precision]) => [pad(y, 4), pad(m, 2), pad(d, 2)].slice(0, precision + 1).join('-'));

/** PartialDate arguments: valid ones of each precision, impossible days and months, other formats. */
export const nastyDate: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validDate, weight: 5 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: -10, max: 99_999 }), fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 }), fc.integer({ min: 0, max: 2 }), fc.boolean())
      .map(([y, m, d, precision, padded]) => {
        const parts = padded ? [pad(y, 4), pad(m, 2), pad(d, 2)] : [String(y), String(m), String(d)];
        return parts.slice(0, precision + 1).join('-');
      }),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(
      '2023-13', '2023-00', '2023-02-29', '2024-02-29', '2023-02-30', '2023-04-31', '0000', '0000-02-29', '0000-00-00', '10000',
      '-2023', '+2023', '2023-1', '2023-1-1', '2023/12/14', '14.12.2023', '2023-12-14T00:00:00Z', '2023-12-14 ', ' 2023',
      '2023\n', '２０２３', '٢٠٢٣', '2023-W50', '2023-350', 'yesterday', '2023-12-14\u0000', '',
    ),
    weight: 3,
  },
  { arbitrary: nastyString(), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 3000 }), weight: 1 },
);

/** An enum argument: its values (mostly), near misses, other enums' values, and junk. */
export function nastyEnum(values: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...values), weight: 8 },
    { arbitrary: fc.constantFrom(...values).map((v) => v.toLowerCase()), weight: 1 },
    { arbitrary: fc.constantFrom(...values).map((v) => ` ${v}`), weight: 1 },
    { arbitrary: fc.constantFrom('ROBOT', 'KNOWS', 'PERSON', 'HOST', 'HIGH', 'BOTH', 'NAME', 'OPEN', '', '__proto__', 'constructor', 'toString', 'valueOf'), weight: 2 },
    { arbitrary: fc.integer({ min: -1, max: 20 }), weight: 1 },
    { arbitrary: nastyString({ hugeWeight: 0 }), weight: 1 },
  );
}

/**
 * A list argument of `item`s: empty, short, a single value (GraphQL lifts it to a list), one with a
 * null, and a long one repeating a `typical` value `longest` times at most.
 */
export function nastyList(item: fc.Arbitrary<unknown>, typical: fc.Arbitrary<unknown> = item, longest = 20_000): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.array(item, { maxLength: 4 }), weight: 6 },
    { arbitrary: item, weight: 1 },
    { arbitrary: fc.tuple(item, fc.constant(null)).map(([a, b]) => [a, b]), weight: 1 },
    {
      arbitrary: fc.tuple(typical, fc.integer({ min: Math.min(100, longest), max: longest })).map(([value, n]) => Array.from({ length: n }, () => value)),
      weight: 1,
    },
  );
}

/** An ID argument: one from `pool` (the live graph's), one of the right shape that is not there, or anything. */
export function nastyId(pool: () => readonly string[], poolWeight = 6): fc.Arbitrary<unknown> {
  const known = fc.nat().map((i) => {
    const ids = pool();
    return ids.length === 0 ? 'nothing-filed-yet' : ids[i % ids.length]!;
  });
  return fc.oneof(
    { arbitrary: known, weight: poolWeight },
    { arbitrary: known.map((id) => ` ${id}\n`), weight: 1 },
    { arbitrary: known.map((id) => id.toUpperCase()), weight: 1 },
    { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,40}$/), weight: 2 },
    { arbitrary: fc.integer({ min: -5, max: 2 ** 31 }), weight: 1 },
    { arbitrary: nastyString(), weight: 3 },
  );
}

/** A verbatim stretch of the founding source (valid evidence), or of nearly it. */
export const foundingQuote: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: FOUNDING_TEXT.length - 1 }), fc.integer({ min: 1, max: 400 }), fc.constantFrom('as is', 'as is', 'upper', 'spaced'))
  .map(([start, length, how]) => {
    const quote = FOUNDING_TEXT.slice(start, start + length);
    if (how === 'upper') return quote.toUpperCase();
    return how === 'spaced' ? ` ${quote}  ` : quote;
  });

/** URLs: valid ones, ones a browser would run or could not open, and anything. */
export const nastyUrl: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 3 },
  { arbitrary: fc.constantFrom('javascript:alert(1)', 'http://', 'ftp://example.org/x', 'http://a b.org', 'file:///etc/passwd', `https://example.org/${'a'.repeat(5000)}`, 'https://例え.jp/パス'), weight: 2 },
  { arbitrary: nastyString(), weight: 2 },
);

/** Who sends the request: mostly a caller allowed to write, sometimes one that must be refused. */
export type Caller = 'admin' | 'editor' | 'reader' | 'anonymous' | 'unknown token' | 'malformed header';

export function nastyCaller(mostly: 'admin' | 'editor'): fc.Arbitrary<Caller> {
  return fc.oneof(
    { arbitrary: fc.constant(mostly), weight: 12 },
    { arbitrary: fc.constantFrom<Caller>('admin', 'editor', 'reader', 'anonymous', 'unknown token', 'malformed header'), weight: 3 },
  );
}
