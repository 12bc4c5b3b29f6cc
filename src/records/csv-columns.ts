/**
 * The two CSV layouts the importer reads, told apart by their header. Each row is one record with
 * one evidence item (sourceId, quote, confidence); `aliases` is `|`-separated. Columns may come in
 * any order and optional ones may be left out; an unknown column is refused so a typo cannot
 * silently drop a field.
 */

export const ENTITY_COLUMNS = [
  'id', 'kind', 'name', 'aliases', 'orgType', 'country', 'date', 'description', 'sourceId', 'quote', 'confidence',
] as const;

export const RELATIONSHIP_COLUMNS = [
  'id', 'type', 'fromId', 'toId', 'role', 'onBehalfOfId', 'startDate', 'endDate', 'description', 'sourceId', 'quote', 'confidence',
] as const;

const ENTITY_REQUIRED = ['id', 'kind', 'name', 'sourceId', 'quote'];
const RELATIONSHIP_REQUIRED = ['id', 'type', 'fromId', 'toId', 'sourceId', 'quote'];

export type CsvKind = 'entity' | 'relationship';

export interface CsvLayout {
  readonly kind: CsvKind;
  /** Column names in file order. */
  readonly columns: readonly string[];
}

/** The layout a header describes, or why it describes none. */
export function layoutOf(header: readonly string[]): CsvLayout | { problem: string } {
  const columns = header.map((h) => h.trim());
  const kind: CsvKind | null = columns.includes('kind') ? 'entity' : columns.includes('type') ? 'relationship' : null;
  if (kind === null) {
    return {
      problem:
        `the header names neither an entity CSV (a "kind" column: ${ENTITY_COLUMNS.join(',')}) ` +
        `nor a relationship CSV (a "type" column: ${RELATIONSHIP_COLUMNS.join(',')})`,
    };
  }
  const known: readonly string[] = kind === 'entity' ? ENTITY_COLUMNS : RELATIONSHIP_COLUMNS;
  const required = kind === 'entity' ? ENTITY_REQUIRED : RELATIONSHIP_REQUIRED;
  const unknown = columns.filter((c) => !known.includes(c));
  const missing = required.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  const faults = [
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}` : '',
    missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
    repeated.length ? `repeated column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')}` : '',
  ].filter(Boolean);
  if (faults.length) return { problem: `${kind} CSV header: ${faults.join('; ')} (columns: ${known.join(',')})` };
  return { kind, columns };
}

/** A row as a line-shaped record for the shared schema; empty cells are absent fields. */
export function rowToRecord(layout: CsvLayout, fields: readonly string[]): Record<string, unknown> {
  const cell = new Map<string, string>();
  layout.columns.forEach((c, i) => {
    const v = (fields[i] ?? '').trim();
    if (v !== '') cell.set(c, v);
  });
  const record: Record<string, unknown> = { record: layout.kind };
  const evidence: Record<string, string> = {};
  for (const [column, value] of cell) {
    if (column === 'sourceId' || column === 'quote' || column === 'confidence') evidence[column] = value;
    else if (column === 'aliases') record.aliases = value.split('|').map((a) => a.trim()).filter(Boolean);
    else record[column] = value;
  }
  record.evidence = Object.keys(evidence).length > 0 ? [evidence] : [];
  return record;
}
