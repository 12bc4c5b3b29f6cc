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
    const checked = checkLine(json, file, lineNo);
    if (checked.line) lines.push(checked.line);
    else problems.push(checked.problem);
  });
  return { lines, problems };
}

/**
 * Checks one decoded record against the line schema. JSON Lines and CSV rows (src/io) both come
 * through here, so they are judged by the same rules and their problems read alike.
 */
export function checkLine(
  value: unknown,
  file: string,
  lineNo: number,
): { line: LocatedLine; problem?: undefined } | { line?: undefined; problem: LineProblem } {
  const parsed = lineSchema.safeParse(value);
  if (parsed.success) return { line: { file, lineNo, value: parsed.data } };
  const id = (value as { id?: unknown } | null)?.id;
  const message = parsed.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { problem: { file, lineNo, recordId: typeof id === 'string' && id !== '' ? id : null, message } };
}

export function formatProblem(p: LineProblem): string {
  const where = `${p.file}:${p.lineNo}`;
  return p.recordId ? `${where} (record "${p.recordId}"): ${p.message}` : `${where}: ${p.message}`;
}
