import type { Caller } from '../domain/change';
import { DomainError, ErrorCode } from '../domain/errors';
import type { GraphStore } from '../ports/graph-store';
import type { GraphWrites, WriteOp } from '../ports/graph-writes';
import { changeRecord, type ChangeInput } from './change-log';
import { RecordingStore } from './recording-store';
import { writeLock } from './write-lock';

/** What an editor needs from a store: reads to validate against, and the write port. */
export type EditorStore = GraphStore & GraphWrites;

/** Writes `ops` with an audit entry per change, in one `store.write`, carrying what the edit read. */
export type Commit = (ops: readonly WriteOp[], change: ChangeInput | readonly ChangeInput[]) => Promise<void>;

/** One try and two more: a third clash in a row means heavy contention the caller should hear of. */
const EDIT_ATTEMPTS = 3;

/**
 * Runs one edit under the process's write lock, its reads recorded (RecordingStore) so that its
 * write carries them as expectations. A CONFLICT means another API process wrote one of them
 * after this edit read it: the edit then runs again from its first read, on the new state.
 * Every write service (GraphEditor, the review queue) runs its edits through here.
 */
export async function runEdit<S extends EditorStore, T>(
  store: S,
  actor: Caller,
  now: () => Date,
  work: (store: S, commit: Commit) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeLock.run(async () => {
        const recording = new RecordingStore(store);
        const commit: Commit = (ops, change) => {
          const at = now();
          const changes = (Array.isArray(change) ? change : [change]) as readonly ChangeInput[];
          return store.write(ops, changes.map((c) => changeRecord(actor, at, c)), recording.expectations());
        };
        // The recording proxy passes every other member through, so it is still an S.
        return work(recording.store as S, commit);
      });
    } catch (e) {
      if (!(e instanceof DomainError && e.code === ErrorCode.CONFLICT) || attempt >= EDIT_ATTEMPTS) throw e;
    }
  }
}
