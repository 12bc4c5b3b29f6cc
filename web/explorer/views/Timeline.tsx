import { gql } from '../api';
import { EvidenceList, quotedOf } from '../EvidenceQuote';
import { formatDate } from '../format';
import { TIMELINE } from '../queries';
import { ErrorMessage, Loading } from '../Status';
import type { EntityDetail, TimelineItem } from '../types';
import { useQuery } from '../use-query';

/** The API's `Entity.timeline`: dated facts as sentences, oldest first, each with its quotes. */
export function Timeline({ entity }: { entity: EntityDetail }) {
  const [state, retry] = useQuery(`timeline:${entity.id}`, (signal) =>
    gql<{ entity: { timeline: TimelineItem[] } | null }>(TIMELINE, { id: entity.id }, signal).then((d) => d.entity?.timeline ?? []),
  );
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {state.status === 'loading' && <Loading what="the timeline" />}
      {state.status === 'error' && <ErrorMessage error={state.error} retry={retry} />}
      {state.status === 'done' &&
        (state.data.length === 0 ? (
          <p>No dated facts about {entity.name}.</p>
        ) : (
          <ol className="timeline">
            {state.data.map((item) => (
              <li key={`${item.relationship.id}-${item.date}`}>
                <p className="sentence">
                  <time dateTime={item.date}>{formatDate(item.date)}</time> {item.summary}
                </p>
                <EvidenceList evidence={item.relationship.evidence.map(quotedOf)} />
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
