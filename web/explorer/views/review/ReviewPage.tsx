import { gql } from '../../api';
import { formatDate, plural } from '../../format';
import { Link } from '../../Link';
import { usePageHeading } from '../../page';
import { INGESTIONS } from '../../queries';
import { href, navigate } from '../../router';
import { Loading } from '../../Status';
import { useQuery } from '../../use-query';
import { EditorSignIn, ReviewError, useEditorToken } from './EditorSignIn';
import type { IngestionListItem } from './types';

/**
 * The review queue for editors: the ingestions filed from press releases (/review) and one of
 * them (/review/<id>): its text with every proposal's quote marked, and the proposals to accept,
 * reject or fix. Every request carries the editor token signed in with (api.ts).
 */

const STATUSES = ['OPEN', 'DONE'] as const;

/** /review: the ingestions, newest first, with a status filter. */
export function ReviewPage({ params }: { params: URLSearchParams }) {
  const token = useEditorToken();
  const raw = params.get('status');
  const status = STATUSES.find((s) => s === raw) ?? null;
  const [state, retry] = useQuery(`ingestions:${status ?? ''}:${token ?? ''}`, async (signal) => {
    const { ingestions } = await gql<{ ingestions: { totalCount: number; edges: { node: IngestionListItem }[] } }>(INGESTIONS, { status }, signal);
    return ingestions.edges.map((e) => e.node).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
  const heading = usePageHeading('Review queue');
  return (
    <article className="review">
      <h1 ref={heading} tabIndex={-1}>
        Review queue
      </h1>
      <p className="lede">Documents filed for review, newest first: open one to accept, reject or fix what was extracted from it.</p>
      <EditorSignIn />
      <div className="review-filter">
        <label htmlFor="review-status">Show</label>
        <select id="review-status" value={status ?? ''} onChange={(e) => navigate(href.review(e.target.value), { replace: true })}>
          <option value="">All ingestions</option>
          <option value="OPEN">Open (proposals pending)</option>
          <option value="DONE">Done</option>
        </select>
      </div>
      {state.status === 'loading' && <Loading what="the review queue" />}
      {state.status === 'error' && <ReviewError error={state.error} retry={retry} />}
      {state.status === 'done' &&
        (state.data.length === 0 ? (
          <p className="status" role="status">
            No ingestions{status === null ? '' : ` with status ${status.toLowerCase()}`}.
          </p>
        ) : (
          <ul className="ingestions">
            {state.data.map((item) => (
              <li key={item.id}>
                <Link href={href.ingestion(item.id)}>{item.source.title}</Link>
                <span className="muted">
                  {' · '}
                  {item.status === 'OPEN' ? `${plural(item.pending.length, 'proposal', 'proposals')} pending of ${String(item.proposals.length)}` : 'done'}
                  {' · filed '}
                  {formatDate(item.createdAt.slice(0, 10))} by {item.createdBy}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </article>
  );
}
