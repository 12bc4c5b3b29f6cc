import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChangeRecord } from '../../domain/change';
import { DomainError, ErrorCode } from '../../domain/errors';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import type { IngestionRecord, ProposalRecord } from '../../domain/review';
import { fsyncDirectory } from './data-files';
import { withEvidenceOffsets } from './evidence-upgrade';
import type { GraphState } from './graph-state';
import { readFileLines } from './line-reader';

/**
 * The snapshot is JSON Lines: a header, then every source, entity, relationship and audit entry,
 * one record a line in that order (the header counts each section), then an end line. Entities
 * come before the relationships that need them, so loading is one pass.
 *
 * Version 2 is version 1 with evidence offsets (start, end). Version 1 is still read, its evidence
 * given offsets as it loads (./evidence-upgrade); code older than the offsets refuses version 2,
 * so it cannot add evidence without them to an upgraded directory. Version 3 adds the review
 * queue (ingestions, then proposals) after the audit entries; older versions hold none, and older
 * code refuses version 3 rather than drop the queue on its next snapshot.
 */
interface SnapshotHeader {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION | 1 | 2;
  /** The last journal entry the snapshot holds. */
  readonly lastSeq: number;
  readonly sources: number;
  readonly entities: number;
  readonly relationships: number;
  readonly changes: number;
  /** Absent before version 3. */
  readonly ingestions?: number;
  readonly proposals?: number;
}

const FORMAT = 'rightsgraph-embedded-snapshot';
const VERSION = 3;
const END_LINE = '{"end":true}';
const FLUSH_CHARS = 1 << 20;

/**
 * Writes the whole state as the snapshot, atomically: to a temporary file, fsynced, renamed over
 * the old one, and the directory fsynced, so a crash leaves either the old snapshot or the new.
 * The state must not change meanwhile. Resolves to the snapshot's size in bytes.
 */
export async function writeSnapshot(path: string, tempPath: string, state: GraphState, lastSeq: number): Promise<number> {
  const header: SnapshotHeader = {
    format: FORMAT,
    version: VERSION,
    lastSeq,
    sources: state.sources.size,
    entities: state.graph.order,
    relationships: state.graph.size,
    changes: state.audit.size,
    ingestions: state.review.ingestions.size,
    proposals: state.review.proposals.size,
  };
  const handle = await open(tempPath, 'w');
  try {
    const out = new ChunkedWriter(handle);
    out.line(JSON.stringify(header));
    for (const s of state.sources.values()) if (out.line(JSON.stringify(s))) await out.flush();
    for (const { attributes } of state.graph.nodeEntries()) if (out.line(JSON.stringify(attributes))) await out.flush();
    for (const { attributes } of state.graph.edgeEntries()) if (out.line(JSON.stringify(attributes))) await out.flush();
    for (const c of state.audit.values()) if (out.line(JSON.stringify(c))) await out.flush();
    for (const i of state.review.ingestions.values()) if (out.line(JSON.stringify(i))) await out.flush();
    for (const p of state.review.proposals.values()) if (out.line(JSON.stringify(p))) await out.flush();
    out.line(END_LINE);
    await out.flush();
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tempPath, { force: true });
    throw e;
  }
  const bytes = (await handle.stat()).size;
  await handle.close();
  await rename(tempPath, path);
  await fsyncDirectory(dirname(path));
  return bytes;
}

export interface SnapshotRead {
  /** The last journal entry the snapshot holds. */
  readonly lastSeq: number;
  /** Entities and relationships whose evidence was given offsets while loading (./evidence-upgrade). */
  readonly upgraded: number;
}

/** Loads a snapshot into an empty state. */
export async function readSnapshot(path: string, state: GraphState): Promise<SnapshotRead> {
  let header: SnapshotHeader | null = null;
  let lineNo = 0;
  let ended = false;
  let upgraded = 0;
  const textOf = (sourceId: string): string | undefined => state.sources.get(sourceId)?.text;
  const withOffsets = <T extends EntityRecord | RelationshipRecord>(record: T): T => {
    const located = withEvidenceOffsets(record, textOf, `snapshot ${path} line ${lineNo}`);
    if (located !== record) upgraded++;
    return located;
  };
  for await (const lines of readFileLines(path)) {
    for (const { bytes } of lines) {
      lineNo++;
      if (ended) throw refused(path, lineNo, 'follows the end line');
      const text = bytes.toString('utf8');
      if (header === null) {
        header = parseHeader(path, text);
        continue;
      }
      const index = lineNo - 2;
      const record: unknown = parseLine(path, lineNo, text);
      const [sources, entities, relationships, changes, ingestions, proposals] = sectionEnds(header);
      if (index < sources) state.putSource(record as SourceRecord);
      else if (index < entities) state.putEntity(withOffsets(record as EntityRecord));
      else if (index < relationships) state.putRelationship(withOffsets(record as RelationshipRecord));
      else if (index < changes) state.audit.add(record as ChangeRecord);
      else if (index < ingestions) state.review.putIngestion(record as IngestionRecord);
      else if (index < proposals) state.review.putProposal(record as ProposalRecord);
      else if (text === END_LINE) ended = true;
      else throw refused(path, lineNo, 'is past the counts of the header but is not the end line');
    }
  }
  if (header === null || !ended) throw refused(path, lineNo, 'is the last, but the end line is missing (the file is cut short)');
  return { lastSeq: header.lastSeq, upgraded };
}

/** Where each section ends, counted in record lines after the header. */
function sectionEnds(h: SnapshotHeader): [number, number, number, number, number, number] {
  let end = 0;
  const ends = [h.sources, h.entities, h.relationships, h.changes, h.ingestions ?? 0, h.proposals ?? 0].map((n) => (end += n));
  return ends as [number, number, number, number, number, number];
}

function parseHeader(path: string, text: string): SnapshotHeader {
  const header = parseLine(path, 1, text) as Partial<SnapshotHeader>;
  if (header.format !== FORMAT || ![1, 2, VERSION].includes(header.version ?? 0)) {
    throw refused(path, 1, `is not a ${FORMAT} version 1 to ${VERSION} header`);
  }
  return header as SnapshotHeader;
}

function parseLine(path: string, lineNo: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw refused(path, lineNo, 'is not JSON');
  }
}

function refused(path: string, lineNo: number, problem: string): DomainError {
  return new DomainError(ErrorCode.INVALID_DATA, `snapshot ${path} line ${lineNo} ${problem}; the store will not open`);
}

/** Gathers lines into ~1 MB writes; `line` answers true when a flush is due. */
class ChunkedWriter {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly handle: FileHandle) {}

  line(text: string): boolean {
    this.parts.push(text, '\n');
    this.chars += text.length + 1;
    return this.chars >= FLUSH_CHARS;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    await this.handle.writeFile(text, 'utf8');
  }
}
