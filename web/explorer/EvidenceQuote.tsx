import { confidenceLabel } from './format';
import { Link } from './Link';
import { href } from './router';
import type { Confidence } from './types';

export interface Quoted {
  readonly quote: string;
  readonly confidence: Confidence;
  readonly sourceId: string;
  /** The source's title where known (network edges carry only its id). */
  readonly sourceTitle?: string | undefined;
  readonly start?: number | undefined;
  readonly end?: number | undefined;
}

/** The source page scrolled to this quote: by its offsets, or by its text where they are unknown. */
export function quoteHref(q: Quoted): string {
  return q.start !== undefined && q.end !== undefined
    ? href.source(q.sourceId, { start: String(q.start), end: String(q.end) })
    : href.source(q.sourceId, { quote: q.quote });
}

/** One piece of evidence: the verbatim quote (a link to it in its source), confidence, source. */
export function EvidenceQuote({ evidence }: { evidence: Quoted }) {
  const target = quoteHref(evidence);
  return (
    <figure className="evidence">
      <blockquote cite={target}>
        <Link href={target} title="Read this quote highlighted in its source">
          “{evidence.quote}”
        </Link>
      </blockquote>
      <figcaption>
        <span className={`confidence confidence-${evidence.confidence.toLowerCase()}`} title={confidenceLabel(evidence.confidence)}>
          {evidence.confidence.charAt(0) + evidence.confidence.slice(1).toLowerCase()} confidence
        </span>
        {' · '}
        <Link href={target}>{evidence.sourceTitle ?? evidence.sourceId}</Link>
      </figcaption>
    </figure>
  );
}

/** Adapts the API's evidence shape. */
export function quotedOf(e: { quote: string; confidence: Confidence; source: { id: string; title: string }; start?: number; end?: number }): Quoted {
  return { quote: e.quote, confidence: e.confidence, sourceId: e.source.id, sourceTitle: e.source.title, start: e.start, end: e.end };
}

export function EvidenceList({ evidence }: { evidence: ReadonlyArray<Quoted> }) {
  return (
    <>
      {evidence.map((e, i) => (
        <EvidenceQuote key={`${e.sourceId}-${String(i)}`} evidence={e} />
      ))}
    </>
  );
}
