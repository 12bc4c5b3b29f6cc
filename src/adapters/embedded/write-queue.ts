/**
 * Runs tasks one at a time in call order, so journal order is apply order and each write is
 * checked against the state every earlier write left. A failed task does not stop the ones after.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
