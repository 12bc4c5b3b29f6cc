import { join } from 'node:path';
import { ChangeOperation, Role, type ChangeRecord } from '../domain/change';
import { changeRecord } from '../editing/change-log';
import type { KindCounts } from '../import/import-plan';
import { WRITE_LIMIT } from '../import/import-graph';
import { changeToRow } from '../adapters/neo4j/audit';
import { stringCell, stringListCell } from './csv-cells';
import { CsvFile } from './csv-file';

export const CHANGE_ID_SPACE = 'Change';
export const AUDIT_REF_ID_SPACE = 'AuditRef';

export interface ImportedIds {
  /** Each kind's ids in file order. */
  readonly sources: Iterable<string>;
  readonly entities: Iterable<string>;
  readonly relationships: Iterable<string>;
  readonly counts: KindCounts;
  /** Whether an id of a later kind was already an id of an earlier one (an AuditRef is one per id, whatever the kind). */
  readonly seenAsSource: (id: string) => boolean;
  readonly seenAsEntity: (id: string) => boolean;
}

export interface AuditContext {
  readonly at: Date;
  readonly actor: string;
  /** The file's name, without its folder. */
  readonly file: string;
}

export interface AuditFiles {
  readonly changes: CsvFile;
  readonly auditRefs: CsvFile;
  readonly touched: CsvFile;
}

/**
 * The audit the online import leaves (import/import-change.ts through the adapter's CREATE_CHANGES),
 * as CSV: IMPORT entries of at most WRITE_LIMIT.ops ids each, sources then entities then
 * relationships as the online import orders its writes, numbered `part i/n` when there are several;
 * one `(:AuditRef {id})` per distinct id and `(:Change)-[:TOUCHED]->(:AuditRef)` for each id of an
 * entry. Into an empty database every record is added, none replaced; an empty file, like an
 * online import that writes nothing, leaves no entry.
 */
export function writeAuditCsv(dir: string, ids: ImportedIds, context: AuditContext): { files: AuditFiles; entries: number } {
  const total = ids.counts.sources + ids.counts.entities + ids.counts.relationships;
  const parts = Math.max(1, Math.ceil(total / WRITE_LIMIT.ops));
  const files: AuditFiles = {
    changes: new CsvFile(join(dir, 'changes.csv'), [`id:ID(${CHANGE_ID_SPACE})`, 'at', 'actor', 'operation', 'ids:string[]', 'before', 'after']),
    auditRefs: new CsvFile(join(dir, 'audit-refs.csv'), [`id:ID(${AUDIT_REF_ID_SPACE})`]),
    touched: new CsvFile(join(dir, 'touched.csv'), [`:START_ID(${CHANGE_ID_SPACE})`, `:END_ID(${AUDIT_REF_ID_SPACE})`]),
  };
  try {
    let chunk: string[] = [];
    let added = { sources: 0, entities: 0, relationships: 0 };
    let part = 0;
    const flush = (): void => {
      part++;
      const change = importEntry(chunk, added, { ...context, part: parts > 1 ? `${part}/${parts}` : null });
      writeChange(files, change);
      chunk = [];
      added = { sources: 0, entities: 0, relationships: 0 };
    };
    const take = (kind: keyof KindCounts, id: string, shared: boolean): void => {
      if (!shared) files.auditRefs.row(stringCell(id));
      chunk.push(id);
      added[kind]++;
      if (chunk.length >= WRITE_LIMIT.ops) flush();
    };
    for (const id of ids.sources) take('sources', id, false);
    for (const id of ids.entities) take('entities', id, ids.seenAsSource(id));
    for (const id of ids.relationships) take('relationships', id, ids.seenAsSource(id) || ids.seenAsEntity(id));
    if (chunk.length > 0) flush();
    return { files, entries: part };
  } finally {
    for (const file of Object.values(files)) file.close();
  }
}

/** The entry import/import-change.ts makes for a write of these ids, all of them added. */
export function importEntry(ids: readonly string[], added: KindCounts, context: AuditContext & { part: string | null }): ChangeRecord {
  const replaced = { sources: 0, entities: 0, relationships: 0 };
  const { at, actor, file, part } = context;
  return changeRecord({ name: actor, role: Role.ADMIN }, at, {
    operation: ChangeOperation.IMPORT,
    ids,
    before: { replaced },
    after: { file, ...(part ? { part } : {}), added, replaced },
  });
}

const CHANGE_COLUMNS = ['id', 'at', 'actor', 'operation', 'ids', 'before', 'after'] as const;

function writeChange(files: AuditFiles, change: ChangeRecord): void {
  const { props, refs } = changeToRow(change);
  if (Object.keys(props).sort().join() !== [...CHANGE_COLUMNS].sort().join()) {
    throw new Error(`bulk CSV columns of a change (${CHANGE_COLUMNS.join()}) differ from the Neo4j audit's properties (${Object.keys(props).join()})`);
  }
  const cells = CHANGE_COLUMNS.map((key) => {
    const value = props[key];
    if (key === 'ids') return stringListCell(value as string[]);
    return value === null || value === undefined ? '' : stringCell(String(value));
  });
  files.changes.row(cells.join(','));
  for (const ref of refs) files.touched.row(`${stringCell(change.id)},${stringCell(ref)}`);
}
