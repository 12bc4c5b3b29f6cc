import { gql } from '../api';
import { formatDate } from '../format';
import { Link } from '../Link';
import { usePageHeading } from '../page';
import { HOME } from '../queries';
import { href } from '../router';
import { ErrorMessage, Loading } from '../Status';
import type { EntityRef } from '../types';
import { useQuery } from '../use-query';

interface HomeData {
  events: { edges: Array<{ node: EntityRef }> };
  sources: Array<{ id: string; title: string; publisher: string | null; publishedAt: string | null }>;
}

/** Where a visit starts: what the explorer is for, recent events and the sources quoted. */
export function HomePage() {
  const heading = usePageHeading('Explorer');
  const [state, retry] = useQuery('home', (signal) => gql<HomeData>(HOME, {}, signal));
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Who did what, and where it says so
      </h1>
      <p className="lead">
        Search for a person, organization, event, law or topic above. Every relationship shown links to the sentence of the
        source document it comes from. Or ask <Link href="/path">how two of them are connected</Link>.
      </p>
      {state.status === 'loading' && <Loading what="recent events" />}
      {state.status === 'error' && <ErrorMessage error={state.error} retry={retry} />}
      {state.status === 'done' && (
        <div className="columns">
          <section aria-labelledby="home-events">
            <h2 id="home-events">Recent events</h2>
            {state.data.events.edges.length === 0 ? (
              <p>The graph has no events yet.</p>
            ) : (
              <ul className="plain-list">
                {state.data.events.edges.map(({ node }) => (
                  <li key={node.id}>
                    <Link href={href.entity(node.id)}>{node.name}</Link>
                    {node.date !== null && node.date !== undefined && <span className="muted"> · {formatDate(node.date)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="home-sources">
            <h2 id="home-sources">Sources</h2>
            <ul className="plain-list">
              {state.data.sources.map((source) => (
                <li key={source.id}>
                  <Link href={href.source(source.id)}>{source.title}</Link>
                  <span className="muted">
                    {source.publisher !== null && ` · ${source.publisher}`}
                    {source.publishedAt !== null && ` · ${formatDate(source.publishedAt)}`}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
