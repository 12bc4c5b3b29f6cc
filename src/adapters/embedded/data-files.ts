import { open } from 'node:fs/promises';
import { join } from 'node:path';

/** The files of a data directory. */
export function dataFiles(dataDir: string): { snapshot: string; snapshotTemp: string; journal: string; lock: string } {
  return {
    snapshot: join(dataDir, 'snapshot.jsonl'),
    snapshotTemp: join(dataDir, 'snapshot.jsonl.tmp'),
    journal: join(dataDir, 'journal.log'),
    lock: join(dataDir, 'LOCK'),
  };
}

/**
 * Makes a create, rename or delete in `dir` durable: fsync of a file covers its bytes, not the
 * directory entry that names it.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync, and NTFS journals its metadata anyway.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
