import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkLine, parseJsonLines, type LineProblem, type LocatedLine } from '../records/record-lines';
import { validateGraph } from '../records/validate-graph';

interface Waiting {
  readonly line: LocatedLine;
  /** The line that first defined the same id, when this one repeats it. */
  readonly earlier: number | undefined;
}

/**
 * The online import's validation (records/: the line schema, then validateGraph) applied line by
 * line as a file streams past, so that a file of millions of lines is checked without holding its
 * records: each line is judged by validateGraph itself, given only what that line refers to. A line
 * that refers to a later one (a relationship before its entity, evidence before its source) waits
 * for the end of the file. The problems are those readRecordFile and validateGraph report for the
 * whole file, in line order (test/import/bulk-validation.test.ts compares them).
 */
export class StreamValidation {
  private readonly found: LineProblem[] = [];
  /** Id -> line that first defined it, per record kind, in file order. */
  readonly sources = new Map<string, number>();
  readonly entities = new Map<string, number>();
  readonly relationships = new Map<string, number>();
  /** Source id -> text (inline, or its textFile read beside the file). */
  readonly texts = new Map<string, string>();
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly file: string,
    /** Where textFile paths are resolved: the record file's folder. */
    private readonly dir: string,
  ) {}

  /** The line, checked, when it can be converted now; null when it is blank, has a problem, or waits for later lines. */
  line(raw: string, lineNo: number): LocatedLine | null {
    if (raw.trim() === '') return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // parseJsonLines words the problem, as for the online import.
      for (const p of parseJsonLines(raw, this.file).problems) this.found.push({ ...p, lineNo });
      return null;
    }
    const checked = checkLine(json, this.file, lineNo);
    if (!checked.line) {
      this.found.push(checked.problem);
      return null;
    }
    const l = checked.line;
    const v = l.value;
    const ids = v.record === 'source' ? this.sources : v.record === 'entity' ? this.entities : this.relationships;
    const earlier = ids.get(v.id);
    if (earlier === undefined) ids.set(v.id, lineNo);
    if (v.record === 'source') {
      const text = v.text ?? this.readTextFile(l, v.textFile ?? '');
      if (text !== null) this.texts.set(v.id, text);
    } else if (!this.canCheck(l)) {
      this.waiting.push({ line: l, earlier });
      return null;
    }
    return this.check(l, earlier) ? l : null;
  }

  /** Checks the lines that waited for later ones; returns those that passed. */
  finish(): LocatedLine[] {
    const passed: LocatedLine[] = [];
    for (const { line, earlier } of this.waiting) if (this.check(line, earlier)) passed.push(line);
    this.waiting.length = 0;
    return passed;
  }

  /** Every problem so far, in line order (a line's own problems in the order found). */
  problems(): LineProblem[] {
    // Array.prototype.sort is stable.
    return [...this.found].sort((a, b) => a.lineNo - b.lineNo);
  }

  get problemCount(): number {
    return this.found.length;
  }

  /** Adds a problem found while converting a checked line. */
  refuse(l: LocatedLine, message: string): void {
    this.found.push({ file: l.file, lineNo: l.lineNo, recordId: l.value.id, message });
  }

  /** Whether every entity and source the line names has been seen (or it names nothing unseen). */
  private canCheck(l: LocatedLine): boolean {
    const v = l.value;
    if (v.record === 'source') return true;
    for (const e of v.evidence) if (!this.texts.has(e.sourceId)) return false;
    if (v.record === 'entity') return true;
    return this.entities.has(v.fromId) && this.entities.has(v.toId) && (v.onBehalfOfId === null || this.entities.has(v.onBehalfOfId));
  }

  /**
   * validateGraph over this line alone, told of the entities and source texts it names that exist;
   * a repeated id is shown to it beside a copy of the line at the earlier line number, whose own
   * findings are dropped.
   */
  private check(l: LocatedLine, earlier: number | undefined): boolean {
    const v = l.value;
    const entityIds = new Set<string>();
    const sourceTexts = new Map<string, string>();
    if (v.record !== 'source') {
      for (const e of v.evidence) {
        const text = this.texts.get(e.sourceId);
        if (text !== undefined) sourceTexts.set(e.sourceId, text);
      }
      if (v.record === 'relationship') {
        for (const ref of [v.fromId, v.toId, v.onBehalfOfId]) if (ref !== null && this.entities.has(ref)) entityIds.add(ref);
      }
    }
    const lines = earlier === undefined ? [l] : [{ ...l, lineNo: earlier }, l];
    const before = this.found.length;
    for (const p of validateGraph(lines, new Map(), { entityIds, sourceTexts })) if (p.lineNo === l.lineNo) this.found.push(p);
    return this.found.length === before;
  }

  private readTextFile(l: LocatedLine, textFile: string): string | null {
    try {
      return readFileSync(resolve(this.dir, textFile), 'utf8');
    } catch {
      // Worded as records/read-record-file words it.
      this.found.push({ file: l.file, lineNo: l.lineNo, recordId: l.value.id, message: `textFile "${textFile}" cannot be read` });
      return null;
    }
  }
}
