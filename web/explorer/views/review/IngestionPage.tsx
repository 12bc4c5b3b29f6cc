import { useRef, useState, type ReactNode } from 'react';
import { gql, messageOf, needsEditor, notFound } from '../../api';
import { formatDate, kindLabel, plural } from '../../format';
import { Link } from '../../Link';
import { usePageHeading } from '../../page';
import { ACCEPT_PROPOSALS, INGESTION, REJECT_PROPOSALS, UPDATE_PROPOSAL } from '../../queries';
import { href } from '../../router';
import { layoutText, type Span, type SpanNode } from '../../source-spans';
import { Loading } from '../../Status';
import { useQuery } from '../../use-query';
import { EditorSignIn, ReviewError, useEditorToken } from './EditorSignIn';
import { ProposalCard } from './ProposalCard';
import { GROUPS, acceptable, describe, proposalName, relationshipSummary } from './proposals';
import { type IngestionDetail, type Proposal } from './types';
export async function loadIngestion(id: string, signal: AbortSignal): Promise<IngestionDetail> {
  const { ingestion } = await gql<{ ingestion: IngestionDetail | null }>(INGESTION, { id }, signal);
  if (ingestion === null) throw notFound('ingestion', id);
  return ingestion;
}

export function IngestionPage({ id }: { id: string }) {
  const token = useEditorToken();
  const [reload, setReload] = useState(0);
  const [state, retry] = useQuery(`ingestion:${id}:${token ?? ''}:${String(reload)}`, (signal) => loadIngestion(id, signal));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [names, setNames] = useState<Record<string, string>>({});
  const statusRef = useRef<HTMLParagraphElement>(null);
  const last = useRef<IngestionDetail | null>(null);
  const title = state.status === 'done' ? state.data.source.title : state.status === 'error' ? 'Ingestion not available' : null;
  const heading = usePageHeading(title === null ? null : `Review: ${title}`);
  if (state.status === 'done') last.current = state.data;
  const data = state.status === 'done' ? state.data : last.current?.id === id ? last.current : null;

  const run = async (what: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    try {
      const done = await what();
      setMessage({ text: done, error: false });
      setReload((n) => n + 1);
      return true;
    } catch (e) {
      setMessage({ text: needsEditor(e) ? 'Sign in with an editor token to review.' : messageOf(e), error: true });
      return false;
    } finally {
      setBusy(false);
      requestAnimationFrame(() => statusRef.current?.focus());
    }
  };

  const statusLine = (
    <p ref={statusRef} tabIndex={-1} className={message?.error === true ? 'status review-message error-text' : 'status review-message'} role="status">
      {message?.text ?? ''}
    </p>
  );

  if (data === null) {
    if (state.status === 'loading') return <Loading what="the ingestion" />;
    return (
      <article className="review">
        <h1 ref={heading} tabIndex={-1}>
          Ingestion not available
        </h1>
        <EditorSignIn />
        {state.status === 'error' && <ReviewError error={state.error} retry={retry} />}
        <p>
          <Link href={href.review()}>Back to the review queue</Link>
        </p>
      </article>
    );
  }

  const byRef = new Map<string, Proposal>();
  for (const p of data.proposals) if (p.entity !== null) byRef.set(p.entity.ref, p);
  const highConfidence = data.proposals.filter((p) => p.relationship?.confidence === 'HIGH' && acceptable(p, byRef));
  const accepted = data.proposals.filter((p) => p.kind === 'ENTITY' && p.status === 'ACCEPTED' && p.acceptedAs !== null);
  const endName = (ref: string | null, existing: string | null): ReactNode => {
    if (existing !== null) return <Link href={href.entity(existing)}>{names[existing] ?? data.proposals.find((p) => p.resolvedEntity?.id === existing)?.resolvedEntity?.name ?? existing}</Link>;
    if (ref === null) return <em>an organization not named</em>;
    const end = byRef.get(ref);
    return <a href={end === undefined ? undefined : `#proposal-${end.id}`}>{end === undefined ? ref : proposalName(end)}</a>;
  };
  const spans: Span[] = [];
  const spanOwners: Proposal[][] = [];
  {
    const seen = new Map<string, number>();
    const all = data.proposals.flatMap((p) => p.evidence.map((e) => ({ p, e }))).sort((a, b) => a.e.start - b.e.start || b.e.end - a.e.end);
    for (const { p, e } of all) {
      const key = `${String(e.start)}:${String(e.end)}`;
      const at = seen.get(key);
      if (at !== undefined) {
        spanOwners[at]?.push(p);
        continue;
      }
      seen.set(key, spans.length);
      spans.push({ start: e.start, end: e.end, n: spans.length + 1, citations: [], target: false });
      spanOwners.push([p]);
    }
  }

  return (
    <article className="review">
      <p>
        <Link href={href.review()}>Review queue</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {data.source.title}
      </h1>
      <p className="muted">
        {data.status === 'OPEN' ? 'Open' : 'Done'} · filed {formatDate(data.createdAt.slice(0, 10))} by {data.createdBy} ·{' '}
        <Link href={href.source(data.source.id)}>the stored source</Link>
      </p>
      <EditorSignIn />
      {state.status === 'error' && <ReviewError error={state.error} retry={retry} />}
      {statusLine}
      <div className="review-actions">
        <button
          type="button"
          disabled={busy || highConfidence.length === 0}
          onClick={() =>
            void run(async () => {
              const ids = highConfidence.map((p) => p.id);
              const done = await gql<{ acceptProposals: { id: string }[] }>(ACCEPT_PROPOSALS, { ids });
              return `Accepted ${plural(done.acceptProposals.length, 'high-confidence proposal', 'high-confidence proposals')} and the entities they need.`;
            })
          }
        >
          Accept all high-confidence ({highConfidence.length})
        </button>
      </div>
      {accepted.length > 0 && (
        <section className="accepted" aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">Accepted entities</h2>
          <ul>
            {accepted.map((p) => (
              <li key={p.id}>
                <Link href={href.entity(p.acceptedAs ?? '')}>{p.resolvedEntity?.name ?? proposalName(p)}</Link> ({kindLabel(p.entity?.kind ?? 'PERSON').toLowerCase()})
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="source-layout">
        <section className="source-text" aria-label="Text of the document">
          {layoutText(data.source.text, spans).map((paragraph) => (
            <p key={paragraph.start}>{renderMarks(paragraph.nodes, spanOwners)}</p>
          ))}
        </section>
        <div className="proposals">
          {GROUPS.map((group) => {
            const items = data.proposals.filter(group.test);
            if (items.length === 0) return null;
            const groupId = `group-${group.title.toLowerCase().replace(/\s+/g, '-')}`;
            return (
              <section key={group.title} aria-labelledby={groupId}>
                <h2 id={groupId}>
                  {group.title} ({items.length})
                </h2>
                <ul className="proposal-list">
                  {items.map((p) => (
                    <ProposalCard
                      key={p.id}
                      proposal={p}
                      all={data.proposals}
                      busy={busy}
                      canAccept={acceptable(p, byRef)}
                      summary={p.relationship === null ? null : relationshipSummary(p, endName)}
                      onAccept={() =>
                        run(async () => {
                          await gql(ACCEPT_PROPOSALS, { ids: [p.id] });
                          return `Accepted ${describe(p, byRef)}.`;
                        })
                      }
                      onReject={(reason) =>
                        run(async () => {
                          await gql(REJECT_PROPOSALS, { ids: [p.id], reason });
                          return `Rejected ${describe(p, byRef)}.`;
                        })
                      }
                      onUpdate={(input, pickedName) =>
                        run(async () => {
                          if (pickedName !== null && typeof input.to === 'string') setNames((n) => ({ ...n, [input.to as string]: pickedName }));
                          await gql(UPDATE_PROPOSAL, { id: p.id, input });
                          return `Saved the changes to ${describe(p, byRef)}.`;
                        })
                      }
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </div>
    </article>
  );
}


function renderMarks(nodes: ReadonlyArray<SpanNode>, owners: Proposal[][]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.kind === 'text') return node.text;
    const { span } = node;
    const props = owners[span.n - 1] ?? [];
    const first = props[0];
    return (
      <span key={i} className="span-wrap">
        <mark id={node.first ? `proposal-span-${String(span.n)}` : undefined}>{renderMarks(node.children, owners)}</mark>
        {node.last && first !== undefined && (
          <sup className="span-ref">
            <a href={`#proposal-${first.id}`} aria-label={`Quote ${String(span.n)}: ${plural(props.length, 'proposal', 'proposals')}`}>
              {span.n}
            </a>
          </sup>
        )}
      </span>
    );
  });
}
