import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUDIT_REF_LABEL, CHANGE_LABEL, SOURCE_LABEL, TOUCHED_TYPE } from '../adapters/neo4j/labels';
import type { MigrationResult } from '../adapters/neo4j/migrate';
import { neo4jStore } from '../open-store';
import type { LineProblem } from '../records/record-lines';
import { LIST_SEPARATOR_OPTION } from './csv-cells';
import { convertToCsv, type ExpectedGraph } from './convert';
import type { CsvFile } from './csv-file';
import type { LineBreakProperty } from './graph-csv';
import { buildLauncher, runImporter, serve, servedOptions } from './neo4j-processes';
import { finishImport } from './finish-import';
import { countGraph, type CountRow } from './verify-counts';

export interface BulkImportOptions {
  readonly actor: string;
  /** How problems name the file; the path by default. */
  readonly file?: string;
  /** Heap of the importer's and the server's JVM. */
  readonly heap?: string;
  /** The importer's memory beyond the heap, and the server's page cache while it migrates and counts. */
  readonly offHeap?: string;
  readonly onProgress?: (message: string) => void;
  readonly now?: () => Date;
}

/** Wall-clock milliseconds of each phase. */
export interface BulkPhases {
  /** Reading, validating and writing the CSV files. */
  readonly convertMs: number;
  /** Neo4j's importer (a JVM of its own). */
  readonly importMs: number;
  /** Starting Neo4j on the new store, storing empty lists and putting back line breaks (./finish-import). */
  readonly startMs: number;
  /** The product's migration: constraints and indexes, populated over the whole graph, and the schema version. */
  readonly migrateMs: number;
  /** Counting every label and type, and stopping Neo4j. */
  readonly verifyMs: number;
}

export type BulkImportResult =
  | { readonly ok: false; readonly lines: number; readonly problems: readonly LineProblem[] }
  | {
      readonly ok: true;
      readonly lines: number;
      readonly expected: ExpectedGraph;
      readonly counts: readonly CountRow[];
      readonly migration: MigrationResult;
      readonly phases: BulkPhases;
      /** The properties whose line breaks went through the CSV files as stand-ins. */
      readonly lineBreaks: readonly LineBreakProperty[];
    };

/** Refusals that are the caller's to fix (a DIR in use); reported without a stack. */
export class BulkImportRefused extends Error {}

const DEFAULT_HEAP = '2g';
const DEFAULT_OFF_HEAP = '2g';

/**
 * `npm run import -- --bulk-neo4j <file.jsonl> --data <DIR>`: loads a record file into a new Neo4j
 * database in DIR with Neo4j's offline importer, then serves it once to migrate its schema and to
 * check that every label and type holds what the file holds. The file is validated first, as the
 * online import validates it; a bad file is refused with its problems and DIR is not created.
 * DIR must not exist or be empty: this never writes into an existing database.
 */
export async function bulkImportNeo4j(path: string, dataDir: string, options: BulkImportOptions): Promise<BulkImportResult> {
  const dir = resolve(dataDir);
  refuseUsedDir(dir);
  const progress = options.onProgress ?? (() => undefined);
  const heap = options.heap ?? DEFAULT_HEAP;
  const offHeap = options.offHeap ?? DEFAULT_OFF_HEAP;
  const workDir = mkdtempSync(join(tmpdir(), 'rightsgraph-bulk-'));
  try {
    let started = performance.now();
    const conversion = convertToCsv(path, workDir, {
      actor: options.actor,
      at: (options.now ?? (() => new Date()))(),
      file: options.file,
      onProgress: (lines) => progress(`validated and converted ${lines} lines`),
    });
    if (!conversion.ok) return conversion;
    const convertMs = performance.now() - started;
    progress(`converted ${conversion.lines} lines in ${(convertMs / 1000).toFixed(1)} s; running Neo4j's importer`);

    await buildLauncher();
    refuseUsedDir(dir);
    started = performance.now();
    await runImporter(dir, importerOptions(conversion.files, workDir, offHeap), heap, join(workDir, 'importer.log'));
    const importMs = performance.now() - started;
    progress(`imported in ${(importMs / 1000).toFixed(1)} s; starting Neo4j on ${dir} to migrate and verify`);

    started = performance.now();
    const server = await serve(dir, heap, offHeap);
    try {
      await finishImport(server.uri, conversion.lineBreaks);
      const startMs = performance.now() - started;
      progress(`started Neo4j and finished what the importer cannot write in ${(startMs / 1000).toFixed(1)} s; building constraints and indexes`);
      started = performance.now();
      const store = neo4jStore(servedOptions(server.uri));
      let migration: MigrationResult;
      try {
        // Every record is new and written by this code: the data migrations would scan the graph to change nothing.
        migration = await store.migrate({ freshData: true, onStep: (step, ms) => progress(`migration: ${step} in ${(ms / 1000).toFixed(1)} s`) });
      } finally {
        await store.close();
      }
      const migrateMs = performance.now() - started;
      started = performance.now();
      const counts = await countGraph(server.uri, conversion.expected);
      await server.stop();
      const verifyMs = performance.now() - started;
      const phases = { convertMs, importMs, startMs, migrateMs, verifyMs };
      return { ok: true, lines: conversion.lines, expected: conversion.expected, counts, migration, phases, lineBreaks: conversion.lineBreaks };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The counts that differ; empty when the database holds exactly what the file holds. */
export function countMismatches(counts: readonly CountRow[]): CountRow[] {
  return counts.filter((c) => c.expected !== c.found);
}

function refuseUsedDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new BulkImportRefused(`--data ${dir} is a file, not a directory`);
  if (readdirSync(dir).length > 0) {
    throw new BulkImportRefused(
      `--data ${dir} is not empty (it may hold a database); --bulk-neo4j only creates a new database and never writes ` +
        'over one: give a new or empty directory, or use the online import to add to an existing database',
    );
  }
}

function importerOptions(files: readonly CsvFile[], workDir: string, offHeap: string): string[] {
  const [sources, entities, relationships, changes, auditRefs, touched] = files as [CsvFile, CsvFile, CsvFile, CsvFile, CsvFile, CsvFile];
  const groups: [string, CsvFile][] = [
    [`--nodes=${SOURCE_LABEL}=`, sources],
    // Labels from the file's :LABEL column (Entity plus the kind's), types from its :TYPE column.
    ['--nodes=', entities],
    [`--nodes=${CHANGE_LABEL}=`, changes],
    [`--nodes=${AUDIT_REF_LABEL}=`, auditRefs],
    ['--relationships=', relationships],
    [`--relationships=${TOUCHED_TYPE}=`, touched],
  ];
  const used = groups.filter(([, file]) => file.rows > 0);
  const longest = Math.max(...files.map((f) => f.longestRow));
  // Whole values must fit the read buffer; a UTF-16 unit is at most 3 bytes of UTF-8.
  const bufferMiB = Math.max(4, Math.ceil((longest * 3) / (1 << 20)) + 1);
  return [
    ...used.map(([option, file]) => `${option}${file.path}`),
    `--array-delimiter=${LIST_SEPARATOR_OPTION}`,
    // Validated already: any bad entry is a bug here, not data to skip.
    '--bad-tolerance=0',
    // Graph values carry line breaks as stand-ins, so only an audit file with a break in a name needs this.
    // The "v2" format's chunker guesses row ends by scanning backwards and misreads some quoted texts; v1 reads them exactly.
    `--multiline-fields=${files.some((f) => f.multiline)}`,
    `--read-buffer-size=${bufferMiB}m`,
    `--max-off-heap-memory=${offHeap}`,
    `--report-file=${join(workDir, 'import.report')}`,
  ];
}
