import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { checkLine, parseJsonLines, type LineProblem, type LocatedLine } from './record-lines';
import { CsvReader, type CsvRow } from './csv-reader';
import { layoutOf, rowToRecord, type CsvLayout } from './csv-columns';

export interface RecordFileContent {
  readonly lines: LocatedLine[];
  readonly problems: LineProblem[];
  /** Source id -> text, for every source line (a textFile resolved beside the import file). */
  readonly texts: Map<string, string>;
}

/** Lines are parsed in blocks of this many, so a huge file never becomes one string. */
const BLOCK_LINES = 10_000;

/**
 * Reads a record file (a seed file, an import), JSON Lines or (by the `.csv` extension) CSV, checking every record against
 * the line schema and collecting every problem with its line number. `file` labels the problems.
 */
export async function readRecordFile(
  path: string,
  file: string = path,
  onLines?: (count: number) => void,
): Promise<RecordFileContent> {
  const content: RecordFileContent = { lines: [], problems: [], texts: new Map() };
  const isCsv = extname(path).toLowerCase() === '.csv';
  const sink = isCsv ? csvSink(file, content) : jsonLinesSink(file, content);
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    // A byte-order mark is not part of the first field or line.
    const text = first ? (chunk as string).replace(/^\uFEFF/, '') : (chunk as string);
    first = false;
    sink.push(text);
    onLines?.(sink.count());
  }
  sink.end();
  await resolveSourceTexts(content, dirname(resolve(path)));
  return content;
}

interface Sink {
  push(chunk: string): void;
  end(): void;
  count(): number;
}

function jsonLinesSink(file: string, out: RecordFileContent): Sink {
  let carry = '';
  let block: string[] = [];
  let firstLineNo = 1;
  let count = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    const parsed = parseJsonLines(block.join('\n'), file);
    const shift = firstLineNo - 1;
    for (const l of parsed.lines) out.lines.push({ ...l, lineNo: l.lineNo + shift });
    for (const p of parsed.problems) out.problems.push({ ...p, lineNo: p.lineNo + shift });
    firstLineNo += block.length;
    block = [];
  };
  return {
    push(chunk) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop() ?? '';
      for (const p of parts) {
        block.push(p);
        count++;
        if (block.length >= BLOCK_LINES) flush();
      }
    },
    end() {
      if (carry !== '') {
        block.push(carry);
        count++;
      }
      flush();
    },
    count: () => count,
  };
}

function csvSink(file: string, out: RecordFileContent): Sink {
  const reader = new CsvReader();
  let layout: CsvLayout | null = null;
  let headerRefused = false;
  let count = 0;
  const take = (rows: readonly CsvRow[]): void => {
    for (const row of rows) {
      count++;
      if (layout === null && !headerRefused) {
        const found = layoutOf(row.fields);
        if ('problem' in found) {
          // Without a layout no row can be read; one problem for the header says it all.
          headerRefused = true;
          out.problems.push({ file, lineNo: row.lineNo, recordId: null, message: found.problem });
        } else layout = found;
        continue;
      }
      if (layout === null) continue;
      const id = row.fields[layout.columns.indexOf('id')]?.trim() || null;
      if (row.problem !== null) {
        out.problems.push({ file, lineNo: row.lineNo, recordId: id, message: `malformed CSV: ${row.problem}` });
        continue;
      }
      if (row.fields.length !== layout.columns.length) {
        const message = `expected ${layout.columns.length} fields (as in the header), got ${row.fields.length}`;
        out.problems.push({ file, lineNo: row.lineNo, recordId: id, message });
        continue;
      }
      const checked = checkLine(rowToRecord(layout, row.fields), file, row.lineNo);
      if (checked.line) out.lines.push(checked.line);
      else out.problems.push(checked.problem);
    }
  };
  return {
    push: (chunk) => take(reader.push(chunk)),
    end: () => {
      take(reader.end());
      if (layout === null && !headerRefused) out.problems.push({ file, lineNo: 1, recordId: null, message: 'empty CSV: no header row' });
    },
    count: () => count,
  };
}

/** Inline texts as they are; a textFile is read relative to the record file. */
async function resolveSourceTexts(content: RecordFileContent, dir: string): Promise<void> {
  for (const l of content.lines) {
    const v = l.value;
    if (v.record !== 'source') continue;
    if (v.text !== null) content.texts.set(v.id, v.text);
    else if (v.textFile !== null) {
      try {
        content.texts.set(v.id, await readFile(resolve(dir, v.textFile), 'utf8'));
      } catch {
        content.problems.push({ file: l.file, lineNo: l.lineNo, recordId: v.id, message: `textFile "${v.textFile}" cannot be read` });
      }
    }
  }
}
