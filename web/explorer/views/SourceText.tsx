import { useEffect, type ReactNode } from 'react';
import { kindLabel } from '../format';
import { Link } from '../Link';
import { href } from '../router';
import { Sentence } from '../Sentence';
import { relationshipSentence } from '../sentences';
import { layoutText, type Span, type SpanNode } from '../source-spans';
import type { Citation } from '../types';

const markId = (span: Span): string => `span-${String(span.n)}`;
const entryId = (span: Span): string => `quoted-${String(span.n)}`;

/** The text, a `<mark>` per quoted span, each followed by the number of its entry in the list. */
export function SourceText({ text, spans }: { text: string; spans: ReadonlyArray<Span> }) {
  const target = spans.find((span) => span.target);
  useEffect(() => {
    if (target === undefined) return;
    // Its entry first (the list scrolls by itself beside the text on wide screens), the text last.
    document.getElementById(entryId(target))?.scrollIntoView({ block: 'nearest' });
    const mark = document.getElementById(markId(target));
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus({ preventScroll: true });
  }, [target?.n]);
  return (
    <section className="source-text" aria-label="Text of the source">
      {layoutText(text, spans).map((paragraph) => (
        <p key={paragraph.start}>{render(paragraph.nodes)}</p>
      ))}
    </section>
  );
}

function render(nodes: ReadonlyArray<SpanNode>): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.kind === 'text') return node.text;
    const { span } = node;
    return (
      <span key={i} className="span-wrap">
        <mark
          id={node.first ? markId(span) : undefined}
          className={span.target ? 'target' : undefined}
          tabIndex={node.first && span.target ? -1 : undefined}
          title={span.target ? 'The quote you followed' : undefined}
          aria-current={span.target ? 'location' : undefined}
        >
          {render(node.children)}
        </mark>
        {node.last && (
          <sup className="span-ref">
            <a href={`#${entryId(span)}`} aria-label={`Quote ${String(span.n)}: what it supports`}>
              {span.n}
            </a>
          </sup>
        )}
      </span>
    );
  });
}

/** Every quoted span, in text order, with the facts it supports and a way back to it in the text. */
export function QuotedSpans({ text, spans }: { text: string; spans: ReadonlyArray<Span> }) {
  if (spans.length === 0) return null;
  return (
    // Focusable: on wide screens it is a scrolling box of its own.
    <section className="quoted-spans" aria-labelledby="quoted-spans-heading" tabIndex={0}>
      <h2 id="quoted-spans-heading">Quoted spans ({spans.length})</h2>
      <ol>
        {spans.map((span) => (
          <li key={span.n} id={entryId(span)} value={span.n} className={span.target ? 'target' : undefined}>
            <p className="span-quote">
              <a href={`#${markId(span)}`} title="Show it in the text">
                “{text.slice(span.start, span.end)}”
              </a>
            </p>
            {span.citations.length === 0 ? (
              <p className="muted">The quote you followed.</p>
            ) : (
              <ul className="facts">
                {span.citations.map((citation, i) => (
                  <li key={i}>
                    <Fact citation={citation} />
                    {' · '}
                    <span className={`confidence confidence-${citation.confidence.toLowerCase()}`}>
                      {citation.confidence.charAt(0) + citation.confidence.slice(1).toLowerCase()} confidence
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Fact({ citation }: { citation: Citation }) {
  if (citation.relationship !== null) return <Sentence parts={relationshipSentence(citation.relationship, 'none')} />;
  if (citation.entity !== null) {
    return (
      <>
        Names <Link href={href.entity(citation.entity.id)}>{citation.entity.name}</Link> ({kindLabel(citation.entity.kind).toLowerCase()})
      </>
    );
  }
  return <>A fact no longer in the graph</>;
}
