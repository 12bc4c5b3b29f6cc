import { mkdir, rm, stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '../../domain/errors';
import { dataFiles, fsyncDirectory } from './data-files';
import { DataLock } from './data-lock';
import { DurableLog } from './durable-log';
import { opsWithEvidenceOffsets } from './evidence-upgrade';
import { GraphState } from './graph-state';
import { Journal, scanJournal } from './journal';
import type { JournalEntry } from './journal-line';
import { readSnapshot, writeSnapshot } from './snapshot';
import { storedView } from './stored-view';
import type { WriteCheck } from '../../ports/graph-writes';

export interface EmbeddedOpenOptions {
  /** Holds snapshot.jsonl, journal.log and LOCK; created when missing. */
  readonly dataDir: string;
  /** The write side's rules (src/editing), also run on every journal entry replayed. */
  readonly checkWrite: WriteCheck;
  readonly logger?: Logger;
  /** The running store folds its journal into a new snapshot past this size (and the snapshot's); default 64 MiB. */
  readonly compactAfterBytes?: number;
}

const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

/**
 * Opens a data directory under its lock: loads the snapshot (an empty one on first start; the
 * composition root seeds through the port),
 * replays the journal, folds both into a fresh snapshot and empties the journal, so every start
 * begins from one file. The running store folds again as the journal grows (DurableLog.compactIfDue).
 */
export async function openDataDir(options: EmbeddedOpenOptions): Promise<{ state: GraphState; log: DurableLog }> {
  const started = performance.now();
  const { dataDir, logger } = options;
  const files = dataFiles(dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = await DataLock.acquire(files.lock, logger);
  try {
    // Left by a crash during compaction; the snapshot it was to replace is still whole.
    await rm(files.snapshotTemp, { force: true });
    const state = new GraphState();
    const created = !(await exists(files.snapshot));
    let snapshotSeq = 0;
    let upgraded = 0;
    if (created) {
      if (((await sizeOf(files.journal)) ?? 0) > 0) {
        throw new DomainError(
          ErrorCode.INVALID_DATA,
          `${files.journal} has writes but there is no snapshot for them to follow; the store will not open`,
        );
      }
    } else {
      ({ lastSeq: snapshotSeq, upgraded } = await readSnapshot(files.snapshot, state));
    }
    const scan = created
      ? { replayed: 0, lastSeq: 0, tornBytes: 0 }
      : await scanJournalIfAny(files.journal, snapshotSeq, (entry) => replay(state, options.checkWrite, entry));
    if (scan.tornBytes > 0) {
      logger?.warn({ journal: files.journal, bytes: scan.tornBytes }, 'dropped a torn last journal line: a write that was never acknowledged');
    }
    // A snapshot whose evidence was given offsets is written again, so they are found only once.
    const compacted = created || scan.replayed > 0 || upgraded > 0;
    const snapshot = compacted
      ? { bytes: await writeSnapshot(files.snapshot, files.snapshotTemp, state, scan.lastSeq), atMs: Date.now() }
      : await snapshotFile(files.snapshot);
    const journal = await Journal.openEmpty(files.journal);
    // The journal may be new; its name must be on disk before any write is acknowledged in it.
    await fsyncDirectory(dataDir).catch(async (e: unknown) => {
      await journal.close();
      throw e;
    });
    logger?.info(
      {
        dataDir,
        created,
        sources: state.sources.size,
        entities: state.graph.order,
        relationships: state.graph.size,
        changes: state.audit.size,
        replayed: scan.replayed,
        evidenceUpgraded: upgraded,
        compacted,
        ms: Math.round(performance.now() - started),
      },
      'embedded store opened',
    );
    const policy = {
      files,
      afterBytes: options.compactAfterBytes ?? COMPACT_AFTER_BYTES,
      snapshotBytes: snapshot.bytes,
      snapshotAtMs: snapshot.atMs,
      logger,
    };
    return { state, log: new DurableLog(journal, lock, scan.lastSeq, policy) };
  } catch (e) {
    await lock.release();
    throw e;
  }
}

async function scanJournalIfAny(
  path: string,
  afterSeq: number,
  apply: (entry: JournalEntry) => void,
): Promise<{ replayed: number; lastSeq: number; tornBytes: number }> {
  if (!(await exists(path))) return { replayed: 0, lastSeq: afterSeq, tornBytes: 0 };
  return scanJournal(path, afterSeq, apply);
}

/**
 * A journal line is re-checked like a new write: one that no longer applies means damage. Lines
 * written before evidence had offsets are given them first (./evidence-upgrade).
 */
function replay(state: GraphState, checkWrite: WriteCheck, logged: JournalEntry): void {
  const ops = opsWithEvidenceOffsets(logged.ops, (id) => state.sources.get(id)?.text, `journal entry ${logged.seq}`);
  const entry = ops === logged.ops ? logged : { ...logged, ops };
  try {
    checkWrite(storedView(state), entry.ops, entry.changes);
  } catch (e) {
    throw new DomainError(
      ErrorCode.INVALID_DATA,
      `journal entry ${entry.seq} does not apply to the state before it (${e instanceof Error ? e.message : String(e)}); ` +
        'the store will not open',
      undefined,
      { cause: e },
    );
  }
  state.apply(entry.ops, entry.changes);
}

async function snapshotFile(path: string): Promise<{ bytes: number; atMs: number }> {
  const info = await stat(path);
  return { bytes: info.size, atMs: info.mtimeMs };
}

async function exists(path: string): Promise<boolean> {
  return (await sizeOf(path)) !== null;
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
