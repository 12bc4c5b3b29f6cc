import { gql, notFound } from '../api';
import { EvidenceList, quotedOf } from '../EvidenceQuote';
import { countryLabel, formatDate, kindLabel, sentenceCase } from '../format';
import { Link } from '../Link';
import { usePageHeading } from '../page';
import { ENTITY_PAGE } from '../queries';
import { href, navigate } from '../router';
import { ErrorMessage, Loading } from '../Status';
import { Tabs, type Tab } from '../Tabs';
import type { EntityDetail } from '../types';
import { useQuery } from '../use-query';
import { CoParticipants } from './CoParticipants';
import { Participants } from './Participants';
import { Relationships } from './Relationships';
import { Timeline } from './Timeline';

type TabId = 'relationships' | 'participants' | 'timeline' | 'co-participants';

function tabsFor(entity: EntityDetail): Array<Tab & { id: TabId }> {
  return [
    ...(entity.kind === 'EVENT' ? [{ id: 'participants' as const, label: 'Participants' }] : []),
    { id: 'relationships', label: 'Relationships' },
    { id: 'timeline', label: 'Timeline' },
    ...(entity.kind === 'PERSON' || entity.kind === 'ORGANIZATION' ? [{ id: 'co-participants' as const, label: 'Met at the same events' }] : []),
  ];
}

/** One entity: what it is, then its relationships, participants, timeline and co-participants. */
export function EntityPage({ id, params }: { id: string; params: URLSearchParams }) {
  const [state, retry] = useQuery(`entity:${id}`, async (signal) => {
    const data = await gql<{ entity: EntityDetail | null }>(ENTITY_PAGE, { id }, signal);
    if (data.entity === null) throw notFound('entity', id);
    return data.entity;
  });
  const heading = usePageHeading(state.status === 'done' ? state.data.name : state.status === 'error' ? 'Entity not available' : null);

  if (state.status === 'loading') return <Loading what="the entity" />;
  if (state.status === 'error') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Entity not available
        </h1>
        <ErrorMessage error={state.error} retry={retry} />
      </>
    );
  }
  const entity = state.data;
  const tabs = tabsFor(entity);
  const requested = params.get('tab');
  const selected = tabs.find((tab) => tab.id === requested)?.id ?? tabs[0]?.id ?? 'relationships';
  const selectTab = (tab: string): void => {
    const next = new URLSearchParams(params);
    next.set('tab', tab);
    navigate(href.entity(id, Object.fromEntries(next)), { replace: true });
  };

  return (
    <article className="entity">
      <header className="entity-header">
        <p className={`kind kind-${entity.kind.toLowerCase()}`}>{kindLabel(entity.kind)}</p>
        <h1 ref={heading} tabIndex={-1}>
          {entity.name}
        </h1>
        {entity.description !== null && <p className="lead">{entity.description}</p>}
        <Properties entity={entity} />
        <p className="actions">
          <Link href={href.network(id)} className="button">
            Draw network
          </Link>
          <Link href={href.path(id)} className="button">
            How is it connected to…
          </Link>
        </p>
        {entity.evidence.length > 0 && (
          <details className="entity-evidence">
            <summary>Where the sources name it ({entity.evidence.length})</summary>
            <EvidenceList evidence={entity.evidence.map(quotedOf)} />
          </details>
        )}
      </header>
      <Tabs label={`About ${entity.name}`} tabs={tabs} selected={selected} onSelect={selectTab}>
        {selected === 'relationships' && <Relationships entity={entity} params={params} />}
        {selected === 'participants' && <Participants id={id} />}
        {selected === 'timeline' && <Timeline entity={entity} />}
        {selected === 'co-participants' && <CoParticipants entity={entity} />}
      </Tabs>
    </article>
  );
}

function Properties({ entity }: { entity: EntityDetail }) {
  const rows: Array<[string, string]> = [];
  if (entity.aliases.length > 0) rows.push(['Also known as', entity.aliases.join(' · ')]);
  if (entity.orgType !== undefined && entity.orgType !== null) rows.push(['Type', sentenceCase(entity.orgType)]);
  if (entity.country !== undefined && entity.country !== null) rows.push(['Country', countryLabel(entity.country)]);
  if (entity.date !== undefined && entity.date !== null) rows.push(['Date', formatDate(entity.date)]);
  if (rows.length === 0) return null;
  return (
    <dl className="properties">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
