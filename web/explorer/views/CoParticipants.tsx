import { gql } from '../api';
import { formatDate, kindLabel, plural } from '../format';
import { Link } from '../Link';
import { CO_PARTICIPANTS } from '../queries';
import { href } from '../router';
import { ErrorMessage, Loading } from '../Status';
import type { CoParticipation, EntityDetail } from '../types';
import { useQuery } from '../use-query';

/** Who was at the same events as this person or organization, most shared first. */
export function CoParticipants({ entity }: { entity: EntityDetail }) {
  const [state, retry] = useQuery(`co:${entity.id}`, (signal) =>
    gql<{ coParticipants: CoParticipation[] }>(CO_PARTICIPANTS, { id: entity.id }, signal).then((d) => d.coParticipants),
  );
  return (
    <section aria-labelledby="co-heading">
      <h2 id="co-heading">Met at the same events</h2>
      {state.status === 'loading' && <Loading what="co-participants" />}
      {state.status === 'error' && <ErrorMessage error={state.error} retry={retry} />}
      {state.status === 'done' &&
        (state.data.length === 0 ? (
          <p>The sources place nobody else at the events {entity.name} took part in.</p>
        ) : (
          <ol className="co-participants">
            {state.data.map((co) => (
              <li key={co.entity.id}>
                <p>
                  <Link href={href.entity(co.entity.id)}>{co.entity.name}</Link>
                  <span className="muted">
                    {' '}
                    · {kindLabel(co.entity.kind)} · {plural(co.count, 'shared event', 'shared events')}
                  </span>
                </p>
                <ul className="plain-list events">
                  {co.events.map((event) => (
                    <li key={event.id}>
                      <Link href={href.entity(event.id)}>{event.name}</Link>
                      {event.date !== null && event.date !== undefined && <span className="muted"> · {formatDate(event.date)}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
