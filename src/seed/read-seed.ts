import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DomainError, ErrorCode } from '../domain/errors';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import type { GraphBatch } from '../ports/graph-store';
import { projectRoot } from '../paths';
import { formatProblem, parseJsonLines, type LineProblem, type LocatedLine } from '../records/record-lines';
import { validateGraph } from '../records/validate-graph';

/** The repository's seed folder. */
export const DEFAULT_SEED_DIR = join(projectRoot(), 'seed');

/**
 * Reads every `*.jsonl` file of a seed folder, validates the whole set and returns it as one
 * batch; refuses it, naming every offending record, when anything is wrong.
 */
export function loadSeedDirectory(dir: string = DEFAULT_SEED_DIR): GraphBatch {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new DomainError(ErrorCode.INVALID_DATA, `no *.jsonl seed files in ${dir}`);
  const lines: LocatedLine[] = [];
  const problems: LineProblem[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const parsed = parseJsonLines(readFileSync(path, 'utf8'), relative(process.cwd(), path) || f);
    // Not push(...spread): a large import file would overflow the call stack.
    for (const l of parsed.lines) lines.push(l);
    for (const p of parsed.problems) problems.push(p);
  }
  const texts = new Map<string, string>();
  for (const l of lines) {
    const v = l.value;
    if (v.record !== 'source') continue;
    if (v.text !== null) texts.set(v.id, v.text);
    else if (v.textFile !== null) {
      try {
        texts.set(v.id, readFileSync(join(dir, v.textFile), 'utf8'));
      } catch {
        problems.push({ file: l.file, lineNo: l.lineNo, recordId: v.id, message: `textFile "${v.textFile}" cannot be read` });
      }
    }
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

export function toBatch(lines: readonly LocatedLine[], texts: ReadonlyMap<string, string>): GraphBatch {
  const sources: SourceRecord[] = [];
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  for (const { value: v } of lines) {
    switch (v.record) {
      case 'source': {
        const { record: _r, textFile: _f, text: _t, ...rest } = v;
        sources.push({ ...rest, text: texts.get(v.id) ?? '' });
        break;
      }
      case 'entity': {
        const { record: _r, ...rest } = v;
        entities.push(rest);
        break;
      }
      case 'relationship': {
        const { record: _r, ...rest } = v;
        relationships.push(rest);
        break;
      }
      default: {
        const never: never = v;
        throw new Error(`unknown record ${JSON.stringify(never)}`);
      }
    }
  }
  return { sources, entities, relationships };
}
