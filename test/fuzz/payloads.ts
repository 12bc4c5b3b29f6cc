/**
 * Hostile text the fuzz arbitraries draw from (./arbitraries): control characters, Unicode corners,
 * and injection payloads for each engine behind the API.
 */

/** C0 controls, DEL, NEL, line and paragraph separators, BOM, zero-width space. */
export const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b'];

/** Look-alike letters, combining marks, bidi overrides, astral planes, lone surrogates, NUL. */
export const UNICODE = [
  'Р. Vassilenko', // a Cyrillic Р
  'Роман Василенко',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0335\u0321\u0322\u031b\u034ea\u0338l\u0335g\u0337o\u0337',
  '\u202eevil\u202c.txt',
  '\u200f\u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629',
  '\u05e9\u05dc\u05d5\u05dd abc \u05e2\u05d5\u05dc\u05dd',
  '\ud835\udd18\ud835\udd2b\ud835\udd26\ud835\udd20\ud835\udd2c\ud835\udd21\ud835\udd22',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '\ud800',
  'a\udc00b',
  '\udbff\udfff',
  '\udfff\ud800',
  'ǅungla İstanbul ß ﬁ',
  '\u3000全角\uff21\uff22',
  'A\u030a Å \u212b',
  'soft\u00adhyphen zero\u200bwidth',
  '\u0000',
  '\u0000roman-vassilenko',
];

/** What a Cypher statement built by concatenation would run. */
export const CYPHER = [
  "') MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  "roman-vassilenko' OR 1=1 //",
  'x` DETACH DELETE n //',
  '`; CALL db.labels() YIELD label RETURN label //',
  'n) WITH n MATCH (m) DETACH DELETE m //',
  "*/ MATCH (n) RETURN n /*",
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  "CALL apoc.cypher.runFirstColumn('MATCH (n) DETACH DELETE n', {})",
  '$id',
  '{id: $id}',
  '\\u0027 OR \\u00271\\u0027=\\u00271',
  'Entity:Person',
  ':Source',
];

/** Lucene query syntax, which a careless full-text search would hand to its index parser. */
export const LUCENE = ['*', '?', '~', '"', 'AND', 'OR NOT', '+-&&||!(){}[]^"~*?:\\/', 'name:*', 'a~0.5', '/.*/', '[a TO z]', '\\', 'Vassilenko~', '"unterminated', 'R.*', 'Vass*', '(', ')'];

/** JSON, prototype pollution, GraphQL, HTML, path and regular-expression payloads. */
export const JSON_AND_GRAPHQL = [
  '{"$ne":null}',
  '"},"admin":true,"x":{"',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"__proto__":{"polluted":true}}',
  'null',
  'undefined',
  'NaN',
  'true',
  '[]',
  '{}',
  '") { __schema { types { name } } } #',
  '{ __typename }',
  '...on Query { __typename }',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'javascript:alert(1)',
  '%00%0d%0a',
  '(a+)+$',
  `${'a'.repeat(60)}!`,
  '\\p{L}',
  '[',
];

/** Numbers as text, where a number belongs. */
export const NUMERIC_TEXT = ['NaN', 'Infinity', '-Infinity', '1e309', '-1', '0x10', '2147483648', '1.5', ' 5', '٣', '0', '-0', '1e3'];
