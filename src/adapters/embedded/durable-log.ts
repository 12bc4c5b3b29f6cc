import type { ChangeRecord } from '../../domain/change';
import { storeUnavailable } from '../../domain/errors';
import type { WriteOp } from '../../ports/graph-writes';
import type { StoreStats } from '../../ports/store';
import type { Logger } from 'pino';
import type { DataLock } from './data-lock';
import { diskProblem } from './disk-problem';
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
  /** When that snapshot was written, ms since the epoch. */
  readonly snapshotAtMs: number;
  readonly logger?: Logger;
}

/** The journal of an open data directory, held under its lock, with the seq of the last line. */
export class DurableLog {
  /** Set by the first failed append or emptying; every write after it is refused. */
  private failure: unknown = null;
  /** Raised after a failed snapshot, so a full disk is not retried on every write. */
  private compactAt: number;
  private snapshotBytes: number;
  private snapshotAtMs: number;

  constructor(
    private readonly journal: Journal,
    private readonly lock: DataLock,
    private lastSeq: number,
    private readonly policy: CompactionPolicy,
  ) {
    this.compactAt = Math.max(policy.afterBytes, policy.snapshotBytes);
    this.snapshotBytes = policy.snapshotBytes;
    this.snapshotAtMs = policy.snapshotAtMs;
  }

  stats(): StoreStats {
    return { journalBytes: this.journal.bytes, snapshotBytes: this.snapshotBytes, lastCompactionMs: this.snapshotAtMs };
  }

  /** Resolves once the write is on disk; rejects with STORE_UNAVAILABLE when it cannot be. */
  async append(ops: readonly WriteOp[], changes: readonly ChangeRecord[]): Promise<void> {
    // After a failed fsync the kernel may have dropped the dirty pages while reporting the error
    // once (PostgreSQL's "fsyncgate"), so no later write can be trusted: only a restart, which
    // rebuilds from what is really on disk, is safe.
    if (this.failure !== null) {
      throw storeUnavailable(
        `writes are refused since an earlier one could not be made durable: ${diskProblem(this.failure)}. ` +
          'Reads go on; make the disk writable, then restart the server.',
        this.failure,
      );
    }
    try {
      await this.journal.append({ seq: this.lastSeq + 1, ops, changes });
      this.lastSeq++;
    } catch (e) {
      this.failure = e;
      this.policy.logger?.error({ err: e }, 'a write could not be made durable; writes are refused until a restart');
      throw storeUnavailable(
        `the write could not be made durable, so nothing was changed: ${diskProblem(e)}. ` +
          'Reads go on; writes are refused until the disk is writable again and the server restarted.',
        e,
      );
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
    this.snapshotBytes = snapshotBytes;
    this.snapshotAtMs = Date.now();
    logger?.info(
      { lastSeq: this.lastSeq, journalBytes, snapshotBytes, ms: Math.round(performance.now() - started) },
      'journal folded into a new snapshot',
    );
  }

  async close(): Promise<void> {
    try {
      await this.journal.close();
    } finally {
      // On a read-only disk the lock file cannot go; it names this process, which is about to be
      // gone, so the next start takes it over. Failing here would only turn a clean stop into exit 1.
      await this.lock.release().catch((e: unknown) => {
        this.policy.logger?.warn({ err: e }, 'could not remove the lock file; the next start takes it over');
      });
    }
  }
}
