import type { ChangeRecord } from '../../domain/change';
import { storeUnavailable } from '../../domain/errors';
import type { WriteOp } from '../../ports/graph-writes';
import type { DataLock } from './data-lock';
import type { Journal } from './journal';

/** The journal of an open data directory, held under its lock, with the seq of the last line. */
export class DurableLog {
  /** Set by the first failed append; every write after it is refused. */
  private failure: unknown = null;

  constructor(
    private readonly journal: Journal,
    private readonly lock: DataLock,
    private lastSeq: number,
  ) {}

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

  async close(): Promise<void> {
    try {
      await this.journal.close();
    } finally {
      await this.lock.release();
    }
  }
}
