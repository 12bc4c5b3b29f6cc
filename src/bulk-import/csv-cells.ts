/**
 * How values become cells of the CSV files Neo4j's importer reads (`neo4j-admin database import`
 * syntax), chosen so that no text can be misread:
 * - every string is quoted, with `"` doubled (RFC 4180; the importer's default, backslashes are
 *   literal): commas, semicolons, quotes and newlines inside a string are data;
 * - list elements are separated by U+001F (the unit separator), not `;`: a list cell is split on
 *   that character before anything else, so an element holding it is refused (listSeparatorProblem);
 * - a null is an empty, unquoted cell, which the importer stores as no property at all, as the
 *   online writes do for null fields.
 * - a line break inside a graph value is written as a stand-in control character (LINE_BREAK_STAND_INS)
 *   and put back once the database runs (bulk-cypher's restoreLineBreaks): the importer's multiline
 *   mode, which a raw line break needs, reads every file on one thread and made the bench's import a
 *   fifth slower. JSON carries a control character only as a `\u` escape, so a value that already
 *   holds a stand-in is refused (standInProblem) like the list separator. Other files (the audit's)
 *   keep raw breaks; CsvFile records whether one was written, and multiline mode is used then.
 */

/** The importer's --array-delimiter, in the form it accepts. */
export const LIST_SEPARATOR_OPTION = 'U+001F';
export const LIST_SEPARATOR = '\u001f';

/** A lone UTF-16 surrogate: UTF-8 cannot carry it, so the file would hold U+FFFD instead. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** A quoted string cell. */
export function stringCell(value: string): string {
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}

export function optionalStringCell(value: string | null): string {
  return value === null ? '' : stringCell(value);
}

/** A quoted list cell; the caller has checked the elements with listSeparatorProblem. */
export function stringListCell(values: readonly string[]): string {
  return values.length === 0 ? '' : stringCell(values.join(LIST_SEPARATOR));
}

export function integerListCell(values: readonly number[]): string {
  return values.join(LIST_SEPARATOR);
}

/** Line feed and carriage return as written into graph cells; the record and group separators. */
export const LINE_BREAK_STAND_INS = { '\n': '\u001e', '\r': '\u001d' } as const;
const LINE_BREAKS = /[\r\n]/g;

/** The value with its line breaks replaced by their stand-ins (callers check hasLineBreak first). */
export function withStandIns(value: string): string {
  return value.replace(LINE_BREAKS, (c) => LINE_BREAK_STAND_INS[c as '\n' | '\r']);
}

/** Why `value` cannot go through the stand-ins; null when it can. */
export function standInProblem(field: string, value: string): string | null {
  if (!value.includes(LINE_BREAK_STAND_INS['\n']) && !value.includes(LINE_BREAK_STAND_INS['\r'])) return null;
  return (
    `${field} holds the control character U+001E or U+001D, which --bulk-neo4j uses for line breaks; ` +
    'remove it, or load this file with the online import'
  );
}

/** Whether the cell needs the importer's multiline mode. */
export function hasLineBreak(cell: string): boolean {
  return cell.includes('\n') || cell.includes('\r');
}

/** Why `value`, an element of a list property, cannot go through the importer; null when it can. */
export function listElementProblem(field: string, value: string): string | null {
  if (value.includes(LIST_SEPARATOR)) {
    return (
      `${field} holds the control character U+001F, which --bulk-neo4j uses to separate list elements; ` +
      'remove it, or load this file with the online import'
    );
  }
  return graphTextProblem(field, value);
}

/** Why `value`, a string property of the graph, cannot go through the importer; null when it can. */
export function graphTextProblem(field: string, value: string): string | null {
  return standInProblem(field, value) ?? textProblem(field, value);
}

/** Why `value` cannot be written as UTF-8 unchanged; null when it can. */
export function textProblem(field: string, value: string): string | null {
  return LONE_SURROGATE.test(value) ? `${field} holds a lone UTF-16 surrogate, which UTF-8 cannot carry; fix the text's encoding` : null;
}
