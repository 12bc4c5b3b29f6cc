/** One CSV record: its fields, the line it starts on, and why it is malformed (null when it is not). */
export interface CsvRow {
  readonly lineNo: number;
  readonly fields: readonly string[];
  readonly problem: string | null;
}

const QUOTE = '"';
const COMMA = ',';

/**
 * An incremental RFC 4180 reader: fields may be quoted, and a quoted field may hold commas, doubled
 * quotes and line breaks. Fed in chunks, so a file of any size streams through. Records end at LF or
 * CRLF. A malformed record is still returned (with `problem`), so every bad line is reported, not
 * only the first; blank lines are skipped.
 */
export class CsvReader {
  private fields: string[] = [];
  private field = '';
  /** `start`: before a field; `plain`/`quoted`: inside one; `closed`: just after a closing quote. */
  private state: 'start' | 'plain' | 'quoted' | 'quotePending' | 'closed' = 'start';
  private line = 1;
  private rowLine = 1;
  private problem: string | null = null;
  private pendingCr = false;
  private quotedAt = 1;

  /** Consumes `chunk` and returns the records it completed. */
  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === '\n') continue;
      }
      switch (this.state) {
        case 'quoted':
          if (c === QUOTE) this.state = 'quotePending';
          else {
            if (c === '\n') this.line++;
            this.field += c;
          }
          break;
        case 'quotePending':
          // A doubled quote is a literal quote; anything else closed the field.
          if (c === QUOTE) {
            this.field += QUOTE;
            this.state = 'quoted';
          } else {
            this.state = 'closed';
            this.afterField(c, rows);
          }
          break;
        case 'closed':
          this.afterField(c, rows);
          break;
        case 'start':
          if (c === QUOTE) {
            this.state = 'quoted';
            this.quotedAt = this.line;
          } else this.plain(c, rows);
          break;
        case 'plain':
          this.plain(c, rows);
          break;
      }
    }
    return rows;
  }

  /** Ends the input; returns the last record when the file does not end with a line break. */
  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    if (this.state === 'quoted') {
      this.note(`a quoted field opened on line ${this.quotedAt} is never closed`);
      this.state = 'closed';
    }
    if (this.state !== 'start' || this.fields.length > 0) this.endRow(rows);
    return rows;
  }

  private plain(c: string, rows: CsvRow[]): void {
    if (c === COMMA) this.endField();
    else if (c === '\n' || c === '\r') this.endLine(c, rows);
    else {
      if (c === QUOTE) this.note(`a quote inside an unquoted field (field ${this.fields.length + 1}); quote the whole field and double the quote`);
      this.field += c;
      this.state = 'plain';
    }
  }

  private afterField(c: string, rows: CsvRow[]): void {
    if (c === COMMA) this.endField();
    else if (c === '\n' || c === '\r') this.endLine(c, rows);
    else {
      this.note(`text after the closing quote of field ${this.fields.length + 1}`);
      this.field += c;
    }
  }

  private endLine(c: string, rows: CsvRow[]): void {
    this.endRow(rows);
    // CRLF is one break: the LF after a CR is skipped, and a lone CR still ends the line.
    this.pendingCr = c === '\r';
    this.line++;
    this.rowLine = this.line;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'start';
  }

  private endRow(rows: CsvRow[]): void {
    const blank = this.fields.length === 0 && this.state === 'start';
    this.endField();
    if (!blank || this.problem !== null) rows.push({ lineNo: this.rowLine, fields: this.fields, problem: this.problem });
    this.fields = [];
    this.problem = null;
  }

  private note(message: string): void {
    this.problem ??= message;
  }
}
