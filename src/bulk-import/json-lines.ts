import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read per system call. */
const READ_BYTES = 8 << 20;
const NEWLINE = 0x0a;

/**
 * The lines of a UTF-8 file, numbered from 1, without their line break (`\n` or `\r\n`) and
 * without a leading byte-order mark: read in large blocks, cut at the last newline of each block so
 * that no character is split, and never held whole.
 */
export function* jsonLines(path: string): Generator<{ raw: string; lineNo: number }> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let carry: Buffer | null = null;
    let lineNo = 0;
    let first = true;
    for (;;) {
      const read = readSync(fd, buffer, 0, READ_BYTES, null);
      const chunk: Buffer = carry ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const end = read === 0 ? chunk.length : chunk.lastIndexOf(NEWLINE) + 1;
      let text = chunk.toString('utf8', 0, end);
      // Copied: the next read overwrites `buffer`, which the remainder still points into.
      carry = end < chunk.length ? Buffer.from(chunk.subarray(end)) : null;
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      let at = 0;
      while (at < text.length) {
        let next = text.indexOf('\n', at);
        if (next < 0) next = text.length;
        const stop = next > at && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
        yield { raw: text.slice(at, stop), lineNo: ++lineNo };
        at = next + 1;
      }
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}
