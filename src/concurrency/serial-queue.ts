/**
 * Runs tasks one at a time in call order: each starts once the previous one settled, whether it
 * failed or not, so a failed task never blocks the ones after it. The one serialising primitive
 * of the codebase: the embedded store's writes (journal order is apply order) and the write
 * side's read-check-write sequences (editing/write-lock.ts) both queue through it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
