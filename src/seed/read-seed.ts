import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DomainError, ErrorCode } from '../domain/errors';
import type { RecordBatch } from '../domain/records';
import { projectRoot } from '../paths';
import { formatProblem, type LineProblem, type LocatedLine } from '../records/record-lines';
import { readRecordFile } from '../records/read-record-file';
import { toBatch } from '../records/to-batch';
import { validateGraph } from '../records/validate-graph';

/** The repository's seed folder. */
export const DEFAULT_SEED_DIR = join(projectRoot(), 'seed');

/**
 * Reads every `*.jsonl` file of a seed folder with the import's own reader, validates the whole
 * set and returns it as one batch; refuses it, naming every offending record, when anything is wrong.
 */
export async function loadSeedDirectory(dir: string = DEFAULT_SEED_DIR): Promise<RecordBatch> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new DomainError(ErrorCode.INVALID_DATA, `no *.jsonl seed files in ${dir}`);
  const lines: LocatedLine[] = [];
  const problems: LineProblem[] = [];
  const texts = new Map<string, string>();
  for (const f of files) {
    const path = join(dir, f);
    const content = await readRecordFile(path, relative(process.cwd(), path) || f);
    // Not push(...spread): a large seed file would overflow the call stack.
    for (const l of content.lines) lines.push(l);
    for (const p of content.problems) problems.push(p);
    for (const [id, text] of content.texts) texts.set(id, text);
  }
  problems.push(...validateGraph(lines, texts));
  if (problems.length > 0) {
    throw new DomainError(
      ErrorCode.INVALID_DATA,
      `seed data refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
  return toBatch(lines, texts);
}
