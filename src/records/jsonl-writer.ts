import { closeSync, openSync, writeSync } from 'node:fs';
import type { EntityRecord, RecordBatch, RelationshipRecord, SourceRecord } from '../domain/records';

/** Lines are written in blocks of about this many characters: few syscalls, no file-sized string. */
const FLUSH_CHARS = 4_000_000;

/** The seed/import line shapes (seed/README.md), sources carrying their text inline. */
export function sourceLine(s: SourceRecord): string {
  return JSON.stringify({ record: 'source', ...s });
}

export function entityLine(e: EntityRecord): string {
  return JSON.stringify({ record: 'entity', ...e });
}

export function relationshipLine(r: RelationshipRecord): string {
  return JSON.stringify({ record: 'relationship', ...r });
}

/** Writes every batch as JSON Lines, in order, to a new file; returns the lines and bytes written. */
export function writeJsonLines(path: string, batches: Iterable<RecordBatch>): { lines: number; bytes: number } {
  const fd = openSync(path, 'w');
  let block: string[] = [];
  let chars = 0;
  let lines = 0;
  let bytes = 0;
  const put = (line: string): void => {
    block.push(line, '\n');
    chars += line.length + 1;
    lines++;
    if (chars >= FLUSH_CHARS) flush();
  };
  const flush = (): void => {
    const buffer = Buffer.from(block.join(''), 'utf8');
    // writeSync may write less than asked; loop until the block is out.
    for (let at = 0; at < buffer.length; ) at += writeSync(fd, buffer, at);
    bytes += buffer.length;
    block = [];
    chars = 0;
  };
  try {
    for (const batch of batches) {
      for (const s of batch.sources) put(sourceLine(s));
      for (const e of batch.entities) put(entityLine(e));
      for (const r of batch.relationships) put(relationshipLine(r));
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { lines, bytes };
}
