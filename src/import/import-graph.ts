import { basename } from 'node:path';
import type { GraphStore } from '../ports/graph-store';
import type { GraphWrites } from '../ports/graph-writes';
import { RecordingStore } from '../editing/recording-store';
import { toBatch } from '../records/to-batch';
import type { LineProblem, LocatedLine } from '../records/record-lines';
import { validateGraph } from '../records/validate-graph';
import { writeLock } from '../editing/write-lock';
import { fetchExisting, type RecordKind, type WantedIds } from './fetch-existing';
import { importChange } from './import-change';
import { planImport, sourceTextConflicts, type KindCounts } from './import-plan';
import { readRecordFile, type RecordFileContent } from '../records/read-record-file';
import { writeChunks } from './write-chunks';
import { partRefused } from './part-refused';

export const DEFAULT_IMPORT_ACTOR = 'import-cli';

/** Re-exported: the bulk importer numbers its audit parts the same way. */
export { WRITE_LIMIT } from './write-chunks';

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
 * `store.write` with an IMPORT audit entry, or, beyond WRITE_LIMIT (what one Neo4j transaction
 * can hold), in several, each atomic with its own entry.
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
  const existing = await fetchExisting(recording.store, wantedIds(lines, texts));
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
  if (chunks.length > 1) context.progress(`writing ${plan.ops.length} records in ${chunks.length} parts, each atomic on its own`);
  const now = context.now ?? (() => new Date());
  for (const [i, ops] of chunks.entries()) {
    const change = importChange(ops, plan.replacing, {
      at: now(),
      actor: context.actor ?? DEFAULT_IMPORT_ACTOR,
      file: basename(context.path),
      part: chunks.length > 1 ? `${i + 1}/${chunks.length}` : null,
    });
    try {
      // What the comparison read: another writer changing it before this part lands is a CONFLICT.
      await store.write(ops, [change], recording.expectationsFor(ops));
    } catch (e) {
      throw partRefused(e, ops, i, chunks.length);
    }
    if (chunks.length > 1) context.progress(`wrote part ${i + 1}/${chunks.length} (${ops.length} record${ops.length === 1 ? '' : 's'})`);
  }
  return { ...planned, written: plan.ops.length, writes: chunks.length };
}

/**
 * The file's own ids, to compare, and what its records refer to, to resolve against the store;
 * with the characters each of its records holds, so the reads can be sized.
 */
function wantedIds(lines: readonly LocatedLine[], texts: ReadonlyMap<string, string>): WantedIds {
  const sources: string[] = [];
  const entities: string[] = [];
  const relationships: string[] = [];
  const chars = { sources: new Map<string, number>(), entities: new Map<string, number>(), relationships: new Map<string, number>() };
  for (const { value: v } of lines) {
    if (v.record === 'source') {
      sources.push(v.id);
      chars.sources.set(v.id, texts.get(v.id)?.length ?? 0);
      continue;
    }
    let evidence = 0;
    for (const e of v.evidence) {
      sources.push(e.sourceId);
      evidence += e.quote.length;
    }
    if (v.record === 'entity') {
      entities.push(v.id);
      chars.entities.set(v.id, evidence);
    } else {
      relationships.push(v.id);
      chars.relationships.set(v.id, evidence);
      entities.push(v.fromId, v.toId);
      if (v.onBehalfOfId !== null) entities.push(v.onBehalfOfId);
    }
  }
  return { sources, entities, relationships, chars: (kind: RecordKind, id: string) => chars[kind].get(id) };
}
