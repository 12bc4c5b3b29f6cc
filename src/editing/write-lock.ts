import { SerialQueue } from '../concurrency/serial-queue';

/**
 * One lock per process for every read-validate-write sequence (edits and imports): two editors
 * checking "is this id free?" and then both writing it must not interleave. Per process, not per
 * store object, because each request sees the store through its own wrapper.
 */
export const writeLock = new SerialQueue();
