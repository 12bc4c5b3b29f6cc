import { basename } from 'node:path';
import type { GraphStore } from '../ports/graph-store';
import type { GraphWrites, WriteOp } from '../ports/graph-writes';
import { RecordingStore } from '../editing/recording-store';
import { toBatch } from '../records/to-batch';
import type { LineProblem, LocatedLine } from '../records/record-lines';
import { validateGraph } from '../records/validate-graph';
import { writeLock } from '../editing/write-lock';
import { fetchExisting } from './fetch-existing';
import { importChange } from './import-change';
import { planImport, sourceTextConflicts, type KindCounts } from './import-plan';
import { readRecordFile, type RecordFileContent } from '../records/read-record-file';

export const DEFAULT_IMPORT_ACTOR = 'import-cli';

/**
 * The most one write may carry. A larger import is split into several writes, each atomic on its
 * own: Neo4j caps the memory of one transaction (128 MiB in neo4j/), which some 25,000 records
 * already pass. Source texts count by their length, since one source may be megabytes.
 */
export const WRITE_LIMIT = { ops: 10_000, chars: 32_000_000 } as const;

/** Progress is reported for files of at least this many lines, every this many. */
const PROGRESS_EVERY = 100_000;

export interface ImportOptions {
  /** Validate and compare only; nothing is written. */
  readonly dryRun?: boolean;
  readonly actor?: string;
  /** How problems name the file; the path by default. */
  readonly file?: string;
  readonly onProgress?: (message: string) => void;
  readonly now?: () => Date;
}

export interface ImportResult {
  readonly file: string;
  /** Lines that passed the schema. */
  readonly records: number;
  /** Every problem, by line; when there is any, nothing was written. */
  readonly problems: readonly LineProblem[];
  readonly added: KindCounts;
  readonly changed: KindCounts;
  readonly unchanged: number;
  /** Records written (0 on a dry run or a refused file). */
  readonly written: number;
  /** `store.write` calls made: 1, or more when the file was split into chunks. */
  readonly writes: number;
  readonly dryRun: boolean;
}

type ImportStore = GraphStore & GraphWrites;

const NONE: KindCounts = { sources: 0, entities: 0, relationships: 0 };

/**
 * Imports one JSON Lines or CSV file. The whole file is validated first, against itself and the
 * store (references to existing entities and sources resolve, quotes must be verbatim in their
 * source); any problem refuses the whole file. Only new or different records are written, in one
 * `store.write` with an IMPORT audit entry (several, each atomic, beyond WRITE_LIMIT).
 */
export async function importFile(store: ImportStore, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = options.file ?? path;
  const progress = options.onProgress ?? (() => undefined);
  let nextReport = PROGRESS_EVERY;
  const content = await readRecordFile(path, file, (count) => {
    if (count < nextReport) return;
    progress(`read ${count} lines`);
    nextReport = count + PROGRESS_EVERY;
  });
  if (content.lines.length >= PROGRESS_EVERY) progress(`read ${content.lines.length} records; comparing with the store`);
  // In-process callers (an API upload) must not interleave with other read-validate-write sequences.
  return writeLock.run(() => compareAndWrite(store, content, { ...options, file, path, progress }));
}

interface WriteContext extends ImportOptions {
  readonly file: string;
  readonly path: string;
  readonly progress: (message: string) => void;
}

async function compareAndWrite(store: ImportStore, content: RecordFileContent, context: WriteContext): Promise<ImportResult> {
  const { lines, texts } = content;
  // Read through the editor's recorder, so each write carries what the comparison saw of its records.
  const recording = new RecordingStore(store);
  const existing = await fetchExisting(recording.store, wantedIds(lines));
  const known = {
    entityIds: new Set(existing.entities.keys()),
    sourceTexts: new Map([...existing.sources.values()].map((s) => [s.id, s.text])),
  };
  const problems = [...content.problems, ...validateGraph(lines, texts, known), ...sourceTextConflicts(lines, texts, existing)];
  // Stable: problems of one line keep the order they were found in.
  problems.sort((a, b) => a.lineNo - b.lineNo);
  const dryRun = context.dryRun === true;
  const result = { file: context.file, records: lines.length, problems, unchanged: 0, written: 0, writes: 0, dryRun };
  if (problems.length > 0) return { ...result, added: NONE, changed: NONE };

  const plan = planImport(toBatch(lines, texts, known.sourceTexts), existing);
  const planned = { ...result, added: plan.added, changed: plan.changed, unchanged: plan.unchanged };
  if (dryRun || plan.ops.length === 0) return planned;

  const chunks = writeChunks(plan.ops);
  const now = context.now ?? (() => new Date());
  for (const [i, ops] of chunks.entries()) {
    const change = importChange(ops, plan.replacing, {
      at: now(),
      actor: context.actor ?? DEFAULT_IMPORT_ACTOR,
      file: basename(context.path),
      part: chunks.length > 1 ? `${i + 1}/${chunks.length}` : null,
    });
    // What the comparison read: another writer changing it before this part lands is a CONFLICT.
    await store.write(ops, [change], recording.expectationsFor(ops));
    if (chunks.length > 1) context.progress(`wrote part ${i + 1}/${chunks.length} (${ops.length} records)`);
  }
  return { ...planned, written: plan.ops.length, writes: chunks.length };
}

/** Consecutive runs of ops within WRITE_LIMIT; order is kept, so each chunk refers only to what precedes it. */
function writeChunks(ops: readonly WriteOp[]): WriteOp[][] {
  const chunks: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let chars = 0;
  for (const op of ops) {
    const size = approximateChars(op);
    if (current.length > 0 && (current.length >= WRITE_LIMIT.ops || chars + size > WRITE_LIMIT.chars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(op);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Cheap, not exact: the fields that can be long, plus a fixed allowance for the rest. */
function approximateChars(op: WriteOp): number {
  const evidence = (items: readonly { quote: string }[]): number => items.reduce((n, e) => n + e.quote.length + 100, 0);
  switch (op.op) {
    case 'putSource':
      return 500 + op.source.text.length;
    case 'putEntity':
      return 500 + evidence(op.entity.evidence) + (op.entity.description?.length ?? 0);
    case 'putRelationship':
      return 500 + evidence(op.relationship.evidence) + (op.relationship.description?.length ?? 0);
    default:
      return 100;
  }
}

/** The file's own ids, to compare, and what its records refer to, to resolve against the store. */
function wantedIds(lines: readonly LocatedLine[]): { sources: string[]; entities: string[]; relationships: string[] } {
  const sources: string[] = [];
  const entities: string[] = [];
  const relationships: string[] = [];
  for (const { value: v } of lines) {
    if (v.record === 'source') {
      sources.push(v.id);
      continue;
    }
    for (const e of v.evidence) sources.push(e.sourceId);
    if (v.record === 'entity') entities.push(v.id);
    else {
      relationships.push(v.id);
      entities.push(v.fromId, v.toId);
      if (v.onBehalfOfId !== null) entities.push(v.onBehalfOfId);
    }
  }
  return { sources, entities, relationships };
}
