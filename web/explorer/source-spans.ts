/**
 * Lays a source's text out as paragraphs of plain text and quoted spans, ready to render with a
 * `<mark>` per span. Quotes overlap (a short quote inside a longer one), so spans nest; a span that
 * crosses another's end, or a paragraph break, is cut into pieces, one `<mark>` each.
 */
import type { Citation } from './types';

export interface Span {
  readonly start: number;
  readonly end: number;
  /** 1-based, in text order: the number of its entry in the list of quoted spans. */
  readonly n: number;
  /** What the span supports; empty for a span known only from the link that opened the page. */
  readonly citations: ReadonlyArray<Citation>;
  readonly target: boolean;
}

export type SpanNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mark'; readonly span: Span; readonly first: boolean; readonly last: boolean; readonly children: SpanNode[] };

export interface Paragraph {
  readonly start: number;
  readonly nodes: SpanNode[];
}

interface Piece {
  readonly span: Span;
  readonly start: number;
  readonly end: number;
}

/** Groups citations by their span, in text order, adding the linked-to span if it is not one of them. */
export function spansOf(citations: ReadonlyArray<Citation>, target: { start: number; end: number } | null): Span[] {
  const bySpan = new Map<string, { start: number; end: number; citations: Citation[] }>();
  const add = (start: number, end: number, citation: Citation | null): void => {
    const key = `${String(start)}:${String(end)}`;
    const entry = bySpan.get(key) ?? { start, end, citations: [] };
    if (citation !== null) entry.citations.push(citation);
    bySpan.set(key, entry);
  };
  for (const citation of citations) if (citation.end > citation.start) add(citation.start, citation.end, citation);
  if (target !== null) add(target.start, target.end, null);
  return [...bySpan.values()]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((entry, i) => ({ ...entry, n: i + 1, target: target !== null && entry.start === target.start && entry.end === target.end }));
}

/** Paragraphs are separated by blank lines; each keeps its offset so spans land where they belong. */
export function layoutText(text: string, spans: ReadonlyArray<Span>): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const breaks = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  const push = (start: number, end: number): void => {
    if (text.slice(start, end).trim() === '') return;
    const pieces = spans
      .filter((span) => span.start < end && span.end > start)
      .map((span) => ({ span, start: Math.max(span.start, start), end: Math.min(span.end, end) }));
    paragraphs.push({ start, nodes: nest(text, pieces, start, end) });
  };
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return paragraphs;
}

function byStartThenLongest(a: Piece, b: Piece): number {
  return a.start - b.start || b.end - a.end;
}

function nest(text: string, pieces: ReadonlyArray<Piece>, from: number, to: number): SpanNode[] {
  const nodes: SpanNode[] = [];
  let queue = [...pieces].sort(byStartThenLongest);
  let pos = from;
  while (queue.length > 0) {
    const [top, ...others] = queue as [Piece, ...Piece[]];
    if (top.start > pos) nodes.push({ kind: 'text', text: text.slice(pos, top.start) });
    const inner: Piece[] = [];
    const rest: Piece[] = [];
    for (const piece of others) {
      if (piece.start >= top.end) rest.push(piece);
      else if (piece.end <= top.end) inner.push(piece);
      else {
        // Crosses the end of `top`: the part inside nests, the rest carries on after it.
        inner.push({ ...piece, end: top.end });
        rest.push({ ...piece, start: top.end });
      }
    }
    nodes.push({
      kind: 'mark',
      span: top.span,
      first: top.start === top.span.start,
      last: top.end === top.span.end,
      children: nest(text, inner, top.start, top.end),
    });
    pos = Math.max(pos, top.end);
    queue = rest.sort(byStartThenLongest);
  }
  if (pos < to) nodes.push({ kind: 'text', text: text.slice(pos, to) });
  return nodes;
}

/** Where the link that opened the page points: offsets if valid, else the first match of the quote. */
export function targetOf(text: string, params: URLSearchParams): { start: number; end: number } | null {
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  if (params.has('start') && params.has('end') && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length) {
    return { start, end };
  }
  const quote = params.get('quote');
  if (quote === null || quote === '') return null;
  const at = text.indexOf(quote);
  return at < 0 ? null : { start: at, end: at + quote.length };
}
