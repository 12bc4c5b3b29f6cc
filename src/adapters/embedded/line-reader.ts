import { open } from 'node:fs/promises';

export interface FileLine {
  /** The line's bytes, without its newline. */
  readonly bytes: Buffer;
  /** False for a last line that has no newline: a write cut short. */
  readonly terminated: boolean;
}

const CHUNK_BYTES = 1 << 20;

/**
 * The lines of a file, read a chunk at a time so a snapshot of a large graph is never one string
 * (V8 caps a string at about 512 MB). Handed out a chunk's worth at a time: one await per line
 * would cost seconds over a million-line snapshot.
 */
export async function* readFileLines(path: string): AsyncGenerator<FileLine[]> {
  const handle = await open(path, 'r');
  try {
    let carried: Buffer[] = [];
    let position = 0;
    for (;;) {
      // A fresh buffer per read: the lines handed out are views into it.
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      const lines: FileLine[] = [];
      let from = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, from);
        if (newline === -1) break;
        const piece = chunk.subarray(from, newline);
        if (carried.length > 0) {
          lines.push({ bytes: Buffer.concat([...carried, piece]), terminated: true });
          carried = [];
        } else {
          lines.push({ bytes: piece, terminated: true });
        }
        from = newline + 1;
      }
      if (from < bytesRead) carried.push(chunk.subarray(from, bytesRead));
      position += bytesRead;
      if (lines.length > 0) yield lines;
    }
    if (carried.length > 0) yield [{ bytes: Buffer.concat(carried), terminated: false }];
  } finally {
    await handle.close();
  }
}
