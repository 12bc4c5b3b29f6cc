import { Suspense, lazy } from 'react';
import { gql } from '../api';
import { EvidenceList, quotedOf } from '../EvidenceQuote';
import { plural } from '../format';
import { usePageHeading } from '../page';
import { ENTITY_NAMES, PATHS } from '../queries';
import { href, navigate } from '../router';
import { Sentence } from '../Sentence';
import { relationshipSentence } from '../sentences';
import { ErrorMessage, Loading } from '../Status';
import type { EntityRef, Path } from '../types';
import { useQuery } from '../use-query';
import { SearchBox } from './SearchBox';

const PathGraph = lazy(() => import('../network/PathGraph').then((m) => ({ default: m.PathGraph })));

async function nameOf(id: string | null, signal: AbortSignal): Promise<EntityRef | null> {
  if (id === null) return null;
  return (await gql<{ entity: EntityRef | null }>(ENTITY_NAMES, { id }, signal)).entity;
}

/** "How is A connected to B?": the shortest chains of sourced facts between two entities. */
export function PathFinder({ params }: { params: URLSearchParams }) {
  const from = params.get('from') || null;
  const to = params.get('to') || null;
  const [ends] = useQuery(`ends:${from ?? ''}:${to ?? ''}`, async (signal) => Promise.all([nameOf(from, signal), nameOf(to, signal)]));
  const [fromEntity, toEntity] = ends.status === 'done' ? ends.data : [null, null];
  const title = fromEntity !== null && toEntity !== null ? `How is ${fromEntity.name} connected to ${toEntity.name}?` : 'How are they connected?';
  const heading = usePageHeading(ends.status === 'loading' ? null : title);

  return (
    <article className="path-finder">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form className="path-form" onSubmit={(event) => event.preventDefault()} aria-label="The two ends">
        <SearchBox label="From" initialText={fromEntity?.name ?? ''} placeholder="A person, organization, event…" onPick={(e) => navigate(href.path(e.id, to ?? undefined))} />
        <button type="button" className="swap" disabled={from === null && to === null} onClick={() => navigate(href.path(to ?? undefined, from ?? undefined))}>
          Swap
        </button>
        <SearchBox label="To" initialText={toEntity?.name ?? ''} placeholder="…and another one" onPick={(e) => navigate(href.path(from ?? undefined, e.id))} />
      </form>
      {ends.status === 'error' && <ErrorMessage error={ends.error} />}
      {ends.status === 'done' && from !== null && fromEntity === null && <p className="error" role="alert">No entity with id “{from}”.</p>}
      {ends.status === 'done' && to !== null && toEntity === null && <p className="error" role="alert">No entity with id “{to}”.</p>}
      {fromEntity !== null && toEntity !== null && <Paths from={fromEntity} to={toEntity} />}
      {(from === null || to === null) && <p className="muted">Pick both ends; the shortest chains of sourced relationships between them appear here, each step with its quote.</p>}
    </article>
  );
}

function Paths({ from, to }: { from: EntityRef; to: EntityRef }) {
  const [state, retry] = useQuery(`paths:${from.id}:${to.id}`, (signal) =>
    gql<{ paths: Path[] }>(PATHS, { from: from.id, to: to.id }, signal).then((d) => d.paths),
  );
  if (state.status === 'loading') return <Loading what="paths" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} retry={retry} />;
  const paths = state.data;
  if (paths.length === 0) return <p role="status">No connection between {from.name} and {to.name} within 6 steps.</p>;
  return (
    <>
      <p role="status">
        {paths.length === 1 ? 'One shortest path' : `${String(paths.length)} shortest paths`} of {plural(paths[0]?.length ?? 0, 'step', 'steps')}.
      </p>
      <Suspense fallback={<Loading what="the drawing" />}>
        <PathGraph paths={paths} fromId={from.id} label={`Drawing of the ${paths.length === 1 ? 'path' : 'paths'} from ${from.name} to ${to.name}`} />
      </Suspense>
      {paths.map((path, i) => (
        <section key={path.relationships.map((r) => r.id).join()} className="path" aria-labelledby={`path-${String(i)}`}>
          <h2 id={`path-${String(i)}`}>
            Path {i + 1}: {path.nodes.map((n) => n.name).join(' → ')}
          </h2>
          <ol className="hops">
            {path.relationships.map((rel) => (
              <li key={rel.id}>
                <p className="sentence">
                  <Sentence parts={relationshipSentence(rel, 'none')} />
                </p>
                <EvidenceList evidence={rel.evidence.map(quotedOf)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
