import { open, type FileHandle } from 'node:fs/promises';
import { DomainError, ErrorCode } from '../../domain/errors';
import { decodeJournalLine, encodeJournalLine, type JournalEntry } from './journal-line';
import { readFileLines } from './line-reader';

/** The append side of the journal: one line per write, on disk before `append` resolves. */
export class Journal {
  private constructor(
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /**
   * Opens (creating) the journal for appending, emptied: called once the snapshot holds all it
   * had. A torn last line goes with the rest, so the next append starts a line of its own.
   */
  static async openEmpty(path: string): Promise<Journal> {
    const handle = await open(path, 'a');
    try {
      if ((await handle.stat()).size > 0) {
        await handle.truncate(0);
        await handle.sync();
      }
      return new Journal(handle, 0);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** Bytes of the whole lines appended since it was opened or emptied. */
  get bytes(): number {
    return this.size;
  }

  /** Empties it once the snapshot holds everything it had; durable before it resolves. */
  async empty(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.size = 0;
  }

  async append(entry: JournalEntry): Promise<void> {
    const line = encodeJournalLine(entry);
    try {
      await this.handle.writeFile(line);
      // fdatasync: the bytes and the new length, which is all a reader needs.
      await this.handle.datasync();
      this.size += line.length;
    } catch (e) {
      // Leave no half line behind for the next append to follow; the caller gives up on this
      // journal either way, since after a failed fsync the kernel may have dropped dirty pages.
      await this.handle.truncate(this.size).catch(() => undefined);
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export interface JournalScan {
  /** Entries applied (those after the snapshot's last seq). */
  readonly replayed: number;
  readonly lastSeq: number;
  /** Bytes of the torn last line, 0 when none. */
  readonly tornBytes: number;
}

/**
 * Feeds each whole journal line after `afterSeq` to `apply`, in order. A last line that is cut
 * short or fails its digest was never acknowledged (append resolves only after the whole line is
 * on disk), so it is reported and left out; a bad line with whole lines after it is damage to
 * acknowledged writes, and the journal is refused.
 */
export async function scanJournal(
  path: string,
  afterSeq: number,
  apply: (entry: JournalEntry) => void,
): Promise<JournalScan> {
  let replayed = 0;
  let lastSeq = afterSeq;
  let torn: { bytes: number; lineNo: number } | null = null;
  let lineNo = 0;
  for await (const lines of readFileLines(path)) {
    for (const line of lines) {
      lineNo++;
      if (torn) throw damaged(path, torn.lineNo, 'is not whole but has whole lines after it');
      const entry = line.terminated ? decodeJournalLine(line.bytes) : null;
      if (!entry) {
        torn = { bytes: line.bytes.length + (line.terminated ? 1 : 0), lineNo };
        continue;
      }
      // Lines the snapshot already holds: a crash came between writing it and emptying the journal.
      if (entry.seq <= afterSeq) continue;
      if (entry.seq !== lastSeq + 1) throw damaged(path, lineNo, `has seq ${entry.seq}, expected ${lastSeq + 1}`);
      apply(entry);
      lastSeq = entry.seq;
      replayed++;
    }
  }
  return { replayed, lastSeq, tornBytes: torn?.bytes ?? 0 };
}

function damaged(path: string, lineNo: number, problem: string): DomainError {
  return new DomainError(
    ErrorCode.INVALID_DATA,
    `journal ${path} line ${lineNo} ${problem}; acknowledged writes may be lost, so the store will not open. ` +
      'Restore the data directory from a backup, or move the journal aside to start from the snapshot.',
  );
}
