import { lineSchema } from '../seed/record-schema';
import type { LineProblem, LocatedLine } from '../seed/parse-lines';

/**
 * Checks one decoded record against the import line schema, with the messages parse-lines gives
 * JSON Lines, so a CSV row and a JSON line are judged by the same rules and read alike.
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
