import { basename, dirname, resolve } from 'node:path';
import type { EntityKind, RelationshipType } from '../domain/enums';
import type { LineProblem, LocatedLine } from '../records/record-lines';
import { toBatch } from '../records/to-batch';
import { writeAuditCsv } from './audit-csv';
import type { CsvFile } from './csv-file';
import { GraphCsv, type LineBreakProperty } from './graph-csv';
import { jsonLines } from './json-lines';
import { StreamValidation } from './stream-validation';

/** What the file holds, as the database must hold it afterwards. */
export interface ExpectedGraph {
  readonly sources: number;
  readonly entities: ReadonlyMap<EntityKind, number>;
  readonly relationships: ReadonlyMap<RelationshipType, number>;
  /** IMPORT audit entries, the distinct ids they name (AuditRef nodes) and their TOUCHED links. */
  readonly changes: number;
  readonly auditRefs: number;
  readonly touched: number;
}

export type Conversion =
  | { readonly ok: false; readonly problems: readonly LineProblem[]; readonly lines: number }
  | {
      readonly ok: true;
      readonly expected: ExpectedGraph;
      readonly files: readonly CsvFile[];
      readonly lines: number;
      /** Where the files carry line breaks as stand-ins, which the database must get back. */
      readonly lineBreaks: readonly LineBreakProperty[];
    };

export interface ConvertOptions {
  readonly actor: string;
  readonly at: Date;
  /** How problems name the file; the path by default. */
  readonly file?: string;
  readonly onProgress?: (lines: number) => void;
}

const PROGRESS_EVERY = 100_000;

/**
 * One pass over a JSON Lines record file: every line validated as the online import validates it
 * (./stream-validation) and, once checked, written as a row of the importer's CSV files in
 * `workDir`, the audit entries last. When any line has a problem the CSV files are incomplete and
 * must be thrown away; the problems say why, by line.
 */
export function convertToCsv(path: string, workDir: string, options: ConvertOptions): Conversion {
  const file = options.file ?? path;
  const validation = new StreamValidation(file, dirname(resolve(path)));
  const graph = new GraphCsv(workDir);
  const entities = new Map<EntityKind, number>();
  const relationships = new Map<RelationshipType, number>();
  let lines = 0;

  const write = (l: LocatedLine, escaped: boolean): void => {
    // After a problem, lines are still checked, to report every problem, but no longer written.
    const emit = validation.problemCount === 0;
    const { sources: [s], entities: [e], relationships: [r] } = toBatch([l], validation.texts);
    let problems: string[] = [];
    if (s) problems = graph.source(s, escaped, emit);
    else if (e) {
      problems = graph.entity(e, escaped, emit);
      entities.set(e.kind, (entities.get(e.kind) ?? 0) + 1);
    } else if (r) {
      problems = graph.relationship(r, escaped, emit);
      relationships.set(r.type, (relationships.get(r.type) ?? 0) + 1);
    }
    for (const message of problems) validation.refuse(l, message);
  };

  try {
    for (const { raw, lineNo } of jsonLines(path)) {
      lines = lineNo;
      const l = validation.line(raw, lineNo);
      if (l) write(l, raw.includes('\\u'));
      if (lineNo % PROGRESS_EVERY === 0) options.onProgress?.(lineNo);
    }
    // A line that waited has no raw text left to look at: check it for escapes' effects as if it had any.
    for (const l of validation.finish()) write(l, true);
  } finally {
    graph.close();
  }
  if (validation.problemCount > 0) return { ok: false, problems: validation.problems(), lines };

  const ids = {
    sources: validation.sources.keys(),
    entities: validation.entities.keys(),
    relationships: validation.relationships.keys(),
    counts: { sources: validation.sources.size, entities: validation.entities.size, relationships: validation.relationships.size },
    seenAsSource: (id: string) => validation.sources.has(id),
    seenAsEntity: (id: string) => validation.entities.has(id),
  };
  const audit = writeAuditCsv(workDir, ids, { actor: options.actor, at: options.at, file: basename(path) });
  return {
    ok: true,
    lines,
    lineBreaks: graph.lineBreakProperties(),
    files: [graph.sources, graph.entities, graph.relationships, audit.files.changes, audit.files.auditRefs, audit.files.touched],
    expected: {
      sources: graph.sources.rows,
      entities,
      relationships,
      changes: audit.entries,
      auditRefs: audit.files.auditRefs.rows,
      touched: audit.files.touched.rows,
    },
  };
}
