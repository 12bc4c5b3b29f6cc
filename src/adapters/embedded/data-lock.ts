import { open, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { storeUnavailable } from '../../domain/errors';

/**
 * Lock files this process holds. A lock naming our own pid that is not in here was left by an
 * earlier life of a process with the same pid: in a container the server is pid 1 on every start.
 */
const HELD = new Set<string>();

/** Exclusive use of a data directory by one process, through a lock file holding its pid. */
export class DataLock {
  private constructor(private readonly path: string) {}

  /**
   * Takes the lock, or refuses with STORE_UNAVAILABLE naming the live process that holds it. A
   * lock left by a dead process is taken over. (Two processes taking over the same stale lock at
   * the same instant could both succeed; this guards against a second start, not against a race.)
   */
  static async acquire(lockPath: string, logger?: Logger): Promise<DataLock> {
    const path = resolve(lockPath);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx');
        try {
          await handle.writeFile(`${process.pid}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        HELD.add(path);
        return new DataLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = await readHolder(path);
      if (holder !== null && (holder === process.pid ? HELD.has(path) : isAlive(holder))) {
        throw storeUnavailable(
          `data directory is in use by process ${holder} (lock file ${path}); ` +
            'stop that process, or give this one a DATA_DIR of its own',
        );
      }
      logger?.warn({ lock: path, stalePid: holder }, 'taking over the lock of a process that is gone');
      await rm(path, { force: true });
    }
    throw storeUnavailable(`could not take the lock ${path}: other processes keep taking it`);
  }

  async release(): Promise<void> {
    HELD.delete(this.path);
    // Only our own lock: if it was taken over (we looked dead), it is someone else's now.
    if ((await readHolder(this.path)) === process.pid) await rm(this.path, { force: true });
  }
}

async function readHolder(path: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
