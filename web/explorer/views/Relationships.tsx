import { useState, type FormEvent } from 'react';
import { gql, messageOf } from '../api';
import { EvidenceList, quotedOf } from '../EvidenceQuote';
import { PARTIAL_DATE, plural, typeLabel } from '../format';
import { href, listParam, navigate } from '../router';
import { Sentence } from '../Sentence';
import { relationshipSentence } from '../sentences';
import { ErrorMessage, Loading } from '../Status';
import { RELATIONSHIP_TYPES, type EntityDetail, type PageInfo, type Relationship, type RelationshipType } from '../types';
import { useQuery } from '../use-query';
import { RELATIONSHIPS_PAGE } from '../queries';

interface Page {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Array<{ node: Relationship }>;
}

/** The entity's relationships, grouped by type, as sentences with their quotes; filterable. */
export function Relationships({ entity, params }: { entity: EntityDetail; params: URLSearchParams }) {
  const types = listParam(params, 'types', RELATIONSHIP_TYPES);
  const activeAt = params.get('activeAt') ?? '';
  const validDate = activeAt === '' || PARTIAL_DATE.test(activeAt);
  const variables = { id: entity.id, types: types.length > 0 ? types : null, activeAt: activeAt === '' ? null : activeAt };
  const load = (after: string | null, signal?: AbortSignal) =>
    gql<{ entity: { relationships: Page } | null }>(RELATIONSHIPS_PAGE, { ...variables, after }, signal).then((d) => d.entity?.relationships ?? null);
  const [state, retry] = useQuery(`rels:${JSON.stringify(variables)}`, async (signal) =>
    validDate ? load(null, signal) : null,
  );
  // Further pages, appended by "Show more"; reset whenever the filters change (the key below).
  const [more, setMore] = useState<{ key: string; pages: Page[]; error: string | null }>({ key: '', pages: [], error: null });
  const key = JSON.stringify(variables);
  const extra = more.key === key ? more.pages : [];

  const applyFilters = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    const type = String(form.get('type') ?? '');
    const date = String(form.get('activeAt') ?? '').trim();
    if (type === '') next.delete('types');
    else next.set('types', type);
    if (date === '') next.delete('activeAt');
    else next.set('activeAt', date);
    navigate(href.entity(entity.id, Object.fromEntries(next)), { replace: true });
  };

  const first = state.status === 'done' ? state.data : null;
  const pages = first === null ? [] : [first, ...extra];
  const last = pages[pages.length - 1];
  const relationships = pages.flatMap((page) => page.edges.map((edge) => edge.node));

  return (
    <section aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">Relationships</h2>
      <form className="filters" onSubmit={applyFilters} key={key}>
        <label>
          Type
          <select name="type" defaultValue={types.join(',')}>
            <option value="">All types</option>
            {types.length > 1 && <option value={types.join(',')}>{types.map(typeLabel).join(', ')}</option>}
            {RELATIONSHIP_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Active at (year, month or day)
          <input
            name="activeAt"
            defaultValue={activeAt}
            placeholder="e.g. 2023 or 2023-12-14"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            aria-invalid={!validDate}
            aria-describedby={validDate ? undefined : 'active-at-error'}
          />
        </label>
        <button type="submit">Apply</button>
      </form>
      {!validDate && (
        <p id="active-at-error" className="error" role="alert">
          “{activeAt}” is not a date: write a year (2023), a month (2023-12) or a day (2023-12-14).
        </p>
      )}
      {state.status === 'loading' && <Loading what="relationships" />}
      {state.status === 'error' && <ErrorMessage error={state.error} retry={retry} />}
      {first !== null && (
        <>
          <p className="muted" role="status">
            {plural(first.totalCount, 'relationship', 'relationships')}
            {types.length > 0 || activeAt !== '' ? ' match the filters' : ''}
          </p>
          <GroupedRelationships entityId={entity.id} relationships={relationships} />
          {more.key === key && more.error !== null && <p className="error" role="alert">{more.error}</p>}
          {last?.pageInfo.hasNextPage === true && (
            <button
              type="button"
              onClick={() =>
                load(last.pageInfo.endCursor).then(
                  (page) => page !== null && setMore({ key, pages: [...extra, page], error: null }),
                  (error: unknown) => setMore({ key, pages: extra, error: messageOf(error) }),
                )
              }
            >
              Show more relationships
            </button>
          )}
        </>
      )}
    </section>
  );
}

function GroupedRelationships({ entityId, relationships }: { entityId: string; relationships: Relationship[] }) {
  const groups = new Map<RelationshipType, Relationship[]>();
  for (const rel of relationships) groups.set(rel.type, [...(groups.get(rel.type) ?? []), rel]);
  const ordered = RELATIONSHIP_TYPES.filter((type) => groups.has(type));
  return (
    <>
      {ordered.map((type) => (
        <section key={type} className="relationship-group" aria-labelledby={`group-${type}`}>
          <h3 id={`group-${type}`}>
            {typeLabel(type)} <span className="count">({groups.get(type)?.length ?? 0})</span>
          </h3>
          <ul className="facts">
            {(groups.get(type) ?? []).map((rel) => (
              <li key={rel.id}>
                <p className="sentence">
                  <Sentence parts={relationshipSentence(rel, rel.from.id === entityId ? 'from' : 'to')} />
                </p>
                {rel.description !== null && <p className="muted">{rel.description}</p>}
                <EvidenceList evidence={rel.evidence.map(quotedOf)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
