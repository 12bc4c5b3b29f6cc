import { closeSync, openSync, writeSync } from 'node:fs';
import { hasLineBreak } from './csv-cells';

/** Rows are written in blocks of about this many characters: few syscalls, no file-sized string. */
const FLUSH_CHARS = 8_000_000;

/**
 * One CSV file for the importer, header first, written in large blocks. Remembers what the import
 * command must be told about it: whether a cell spans lines (multiline mode, slower, so only for
 * the files that need it) and the longest row (the importer's read buffer must hold a whole value).
 */
export class CsvFile {
  private readonly fd: number;
  private block: string[] = [];
  private chars = 0;
  /** Rows written, header excluded. */
  rows = 0;
  multiline = false;
  longestRow = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.block.push(header.join(','), '\n');
  }

  /** One row; `cells` are already encoded (./csv-cells). */
  row(cells: string): void {
    this.block.push(cells, '\n');
    this.chars += cells.length + 1;
    this.rows++;
    if (cells.length > this.longestRow) this.longestRow = cells.length;
    if (!this.multiline && hasLineBreak(cells)) this.multiline = true;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    const buffer = Buffer.from(this.block.join(''), 'utf8');
    // writeSync may write less than asked; loop until the block is out.
    for (let at = 0; at < buffer.length; ) at += writeSync(this.fd, buffer, at);
    this.block = [];
    this.chars = 0;
  }
}
