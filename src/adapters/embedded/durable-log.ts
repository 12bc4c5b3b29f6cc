import type { ChangeRecord } from '../../domain/change';
import { storeUnavailable } from '../../domain/errors';
import type { WriteOp } from '../../ports/graph-writes';
import type { Logger } from 'pino';
import type { DataLock } from './data-lock';
import type { dataFiles } from './data-files';
import type { GraphState } from './graph-state';
import type { Journal } from './journal';
import { writeSnapshot } from './snapshot';

/** When a running store folds its journal into a new snapshot (see compactIfDue). */
export interface CompactionPolicy {
  readonly files: ReturnType<typeof dataFiles>;
  /** The journal is folded once it holds at least this many bytes and as many as the snapshot. */
  readonly afterBytes: number;
  /** Size of the snapshot on disk now. */
  readonly snapshotBytes: number;
  readonly logger?: Logger;
}

/** The journal of an open data directory, held under its lock, with the seq of the last line. */
export class DurableLog {
  /** Set by the first failed append or emptying; every write after it is refused. */
  private failure: unknown = null;
  /** Raised after a failed snapshot, so a full disk is not retried on every write. */
  private compactAt: number;

  constructor(
    private readonly journal: Journal,
    private readonly lock: DataLock,
    private lastSeq: number,
    private readonly policy: CompactionPolicy,
  ) {
    this.compactAt = Math.max(policy.afterBytes, policy.snapshotBytes);
  }

  /** Resolves once the write is on disk; rejects with STORE_UNAVAILABLE when it cannot be. */
  async append(ops: readonly WriteOp[], changes: readonly ChangeRecord[]): Promise<void> {
    // After a failed fsync the kernel may have dropped the dirty pages while reporting the error
    // once (PostgreSQL's "fsyncgate"), so no later write can be trusted: only a restart, which
    // rebuilds from what is really on disk, is safe.
    if (this.failure !== null) {
      throw storeUnavailable('an earlier write could not be made durable; restart the server to recover', this.failure);
    }
    try {
      await this.journal.append({ seq: this.lastSeq + 1, ops, changes });
      this.lastSeq++;
    } catch (e) {
      this.failure = e;
      throw storeUnavailable('the write could not be made durable; nothing was changed', e);
    }
  }

  /**
   * Folds the journal into a new snapshot once it has grown as large as the snapshot (and at least
   * policy.afterBytes), so a long-running server's restart replays little; the cost of writing the
   * snapshot is thereby spread over as many journal bytes. Called by the store's write queue after
   * a write was applied, so `state` is exactly what the journal's lines produce and holds still.
   * Never fails the write that triggered it, which is already durable:
   * - a snapshot that cannot be written leaves the old snapshot and the whole journal, which still
   *   rebuild the state (a new snapshot renamed into place before the error is equally sound: open
   *   skips journal lines at or below its lastSeq);
   * - a journal that cannot be emptied is treated like a failed append: later writes are refused
   *   until a restart, which rebuilds from the snapshot and whatever lines the journal still has.
   */
  async compactIfDue(state: GraphState): Promise<void> {
    if (this.failure !== null || this.journal.bytes < this.compactAt) return;
    const started = performance.now();
    const { files, logger } = this.policy;
    const journalBytes = this.journal.bytes;
    let snapshotBytes: number;
    try {
      snapshotBytes = await writeSnapshot(files.snapshot, files.snapshotTemp, state, this.lastSeq);
    } catch (e) {
      this.compactAt = journalBytes * 2;
      logger?.warn({ err: e, journalBytes }, 'could not write a snapshot; the journal keeps every write and folding is retried later');
      return;
    }
    try {
      await this.journal.empty();
    } catch (e) {
      this.failure = e;
      logger?.error({ err: e }, 'could not empty the journal after a snapshot; writes are refused until a restart');
      return;
    }
    this.compactAt = Math.max(this.policy.afterBytes, snapshotBytes);
    logger?.info(
      { lastSeq: this.lastSeq, journalBytes, snapshotBytes, ms: Math.round(performance.now() - started) },
      'journal folded into a new snapshot',
    );
  }

  async close(): Promise<void> {
    try {
      await this.journal.close();
    } finally {
      await this.lock.release();
    }
  }
}
