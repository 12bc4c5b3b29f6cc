/**
 * `next` of a value a loader knew at once (KnownLoader.loadNow) or will know later: applied now
 * when it can be, so a resolver stays synchronous under a planned read and returns a promise only
 * when it has to wait.
 */
export function nowOrLater<T, U>(value: T | Promise<T>, next: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
