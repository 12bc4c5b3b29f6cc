import { createHash } from 'node:crypto';
import type { ChangeRecord } from '../../domain/change';
import type { WriteOp } from '../../ports/graph-writes';

/** One acknowledged write, as the journal keeps it. */
export interface JournalEntry {
  /** Consecutive from 1 over the life of a data directory; the snapshot names the last it holds. */
  readonly seq: number;
  readonly ops: readonly WriteOp[];
  readonly changes: readonly ChangeRecord[];
}

/**
 * `<seq> <bytes> <sha256 hex> <json>\n`, where json is `{"ops":[...],"changes":[...]}` and bytes
 * its UTF-8 length. The length and digest tell a line cut short by a crash from a whole one.
 */
export function encodeJournalLine(entry: JournalEntry): Buffer {
  const body = Buffer.from(JSON.stringify({ ops: entry.ops, changes: entry.changes }), 'utf8');
  const head = Buffer.from(`${entry.seq} ${body.length} ${sha256(body)} `, 'ascii');
  return Buffer.concat([head, body, NEWLINE]);
}

/** The entry a line holds, or null when the line is not whole (wrong length or digest, bad JSON). */
export function decodeJournalLine(line: Buffer): JournalEntry | null {
  const head = HEAD.exec(line.subarray(0, HEAD_MAX_BYTES).toString('ascii'));
  if (!head) return null;
  const body = line.subarray(head[0].length);
  if (body.length !== Number(head[2]) || sha256(body) !== head[3]) return null;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { ops?: unknown; changes?: unknown };
    if (!Array.isArray(parsed.ops) || !Array.isArray(parsed.changes)) return null;
    return { seq: Number(head[1]), ops: parsed.ops as WriteOp[], changes: parsed.changes as ChangeRecord[] };
  } catch {
    return null;
  }
}

const HEAD = /^([1-9][0-9]{0,15}) ([0-9]{1,16}) ([0-9a-f]{64}) /;
const HEAD_MAX_BYTES = 16 + 1 + 16 + 1 + 64 + 1;
const NEWLINE = Buffer.from('\n');

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
