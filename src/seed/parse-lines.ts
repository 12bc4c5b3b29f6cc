import { lineSchema, type Line } from './record-schema';

export interface LocatedLine {
  readonly file: string;
  readonly lineNo: number;
  readonly value: Line;
}

export interface LineProblem {
  readonly file: string;
  readonly lineNo: number;
  /** The record's id when it could be read, so the message names the offending record. */
  readonly recordId: string | null;
  readonly message: string;
}

/** Parses JSON Lines; reports every bad line instead of stopping at the first. */
export function parseJsonLines(content: string, file: string): { lines: LocatedLine[]; problems: LineProblem[] } {
  const lines: LocatedLine[] = [];
  const problems: LineProblem[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      problems.push({ file, lineNo, recordId: null, message: `not valid JSON (${(e as Error).message})` });
      return;
    }
    const parsed = lineSchema.safeParse(json);
    if (parsed.success) {
      lines.push({ file, lineNo, value: parsed.data });
      return;
    }
    const recordId = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : null;
    const message = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    problems.push({ file, lineNo, recordId, message });
  });
  return { lines, problems };
}

export function formatProblem(p: LineProblem): string {
  const where = `${p.file}:${p.lineNo}`;
  return p.recordId ? `${where} (record "${p.recordId}"): ${p.message}` : `${where}: ${p.message}`;
}
