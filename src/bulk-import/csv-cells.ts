/**
 * How values become cells of the CSV files Neo4j's importer reads (`neo4j-admin database import`
 * syntax), chosen so that no text can be misread:
 * - every string is quoted, with `"` doubled (RFC 4180; the importer's default, backslashes are
 *   literal): commas, semicolons, quotes and newlines inside a string are data;
 * - list elements are separated by U+001F (the unit separator), not `;`: a list cell is split on
 *   that character before anything else, so an element holding it is refused (listSeparatorProblem);
 * - a null is an empty, unquoted cell, which the importer stores as no property at all, as the
 *   online writes do for null fields.
 * Newlines need the importer's multiline mode for the file they occur in; CsvFile records whether
 * one was written.
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
  return textProblem(field, value);
}

/** Why `value` cannot be written as UTF-8 unchanged; null when it can. */
export function textProblem(field: string, value: string): string | null {
  return LONE_SURROGATE.test(value) ? `${field} holds a lone UTF-16 surrogate, which UTF-8 cannot carry; fix the text's encoding` : null;
}
