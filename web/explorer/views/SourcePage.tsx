import { gql, notFound } from '../api';
import { formatDate, plural } from '../format';
import { usePageHeading } from '../page';
import { SOURCE } from '../queries';
import { spansOf, targetOf } from '../source-spans';
import { ErrorMessage, Loading } from '../Status';
import type { SourceDetail } from '../types';
import { useQuery } from '../use-query';
import { QuotedSpans, SourceText } from './SourceText';

async function loadSource(id: string, signal: AbortSignal): Promise<SourceDetail> {
  const { source } = await gql<{ source: SourceDetail | null }>(SOURCE, { id }, signal);
  if (source === null) throw notFound('source', id);
  return source;
}

/**
 * A source document: its whole text with every quoted span marked and numbered, and the list of
 * spans with the facts each supports. A quote link (`?start=&end=` or `?quote=`) opens the page
 * scrolled to its span, marked as the one followed.
 */
export function SourcePage({ id, params }: { id: string; params: URLSearchParams }) {
  const [state, retry] = useQuery(`source:${id}`, (signal) => loadSource(id, signal));
  const heading = usePageHeading(state.status === 'done' ? state.data.title : state.status === 'error' ? 'Source not available' : null);

  if (state.status === 'loading') return <Loading what="the source" />;
  if (state.status === 'error') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Source not available
        </h1>
        <ErrorMessage error={state.error} retry={retry} />
      </>
    );
  }
  const doc = state.data;
  const { text } = doc;
  const target = targetOf(text, params);
  const spans = spansOf(doc.citations, target);

  return (
    <article className="source">
      <header>
        <p className="kind kind-document">Source</p>
        <h1 ref={heading} tabIndex={-1}>
          {doc.title}
        </h1>
        <dl className="properties">
          {doc.publisher !== null && (
            <div>
              <dt>Publisher</dt>
              <dd>{doc.publisher}</dd>
            </div>
          )}
          {doc.publishedAt !== null && (
            <div>
              <dt>Published</dt>
              <dd>{formatDate(doc.publishedAt)}</dd>
            </div>
          )}
          {doc.url !== null && (
            <div>
              <dt>Original</dt>
              <dd>
                <a href={doc.url} rel="noreferrer noopener">
                  {doc.url}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </header>
      {params.has('quote') && target === null && (
        <p className="notice" role="alert">
          The quote you followed was not found in this source’s text: “{params.get('quote')}”.
        </p>
      )}
      {doc.citationCount > doc.citations.length && (
        <p className="notice">
          {plural(doc.citationCount, 'quote', 'quotes')} cite this source; the first {doc.citations.length} are marked.
        </p>
      )}
      <div className="source-layout">
        <SourceText text={text} spans={spans} />
        <QuotedSpans text={text} spans={spans} />
      </div>
    </article>
  );
}
