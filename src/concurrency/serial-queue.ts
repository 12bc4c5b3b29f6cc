/** A FIFO async lock: each holder runs after the previous one settled, whether it failed or not. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * One lock per process for every read-validate-write sequence: two editors checking "is this id
 * free?" and then both writing it must not interleave. Per process, not per store object, because
 * each request sees the store through its own wrapper.
 */
export const writeLock = new Mutex();
