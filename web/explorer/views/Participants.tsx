import { gql } from '../api';
import { EvidenceList, quotedOf } from '../EvidenceQuote';
import { kindLabel, roleLabel } from '../format';
import { Link } from '../Link';
import { PARTICIPANTS } from '../queries';
import { href } from '../router';
import { ErrorMessage, Loading } from '../Status';
import { PARTICIPATION_ROLES, type Participant } from '../types';
import { useQuery } from '../use-query';

/** An event's participants as one table, a row group per role: host, chair, speakers, ... */
export function Participants({ id }: { id: string }) {
  const [state, retry] = useQuery(`participants:${id}`, (signal) =>
    gql<{ entity: { participants?: Participant[] } | null }>(PARTICIPANTS, { id }, signal).then((d) => d.entity?.participants ?? []),
  );
  if (state.status === 'loading') return <Loading what="participants" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} retry={retry} />;
  const byRole = PARTICIPATION_ROLES.map((role) => [role, state.data.filter((p) => p.role === role)] as const).filter(([, list]) => list.length > 0);
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">Participants</h2>
      {byRole.length === 0 ? (
        <p>The sources name no participants of this event.</p>
      ) : (
        <table className="participants">
          <caption className="visually-hidden">Participants by role, with the body each acted for and the quote that says so</caption>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Capacity</th>
              <th scope="col">On behalf of</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          {byRole.map(([role, list]) => (
            <tbody key={role}>
              <tr className="role-row">
                <th scope="rowgroup" colSpan={4}>
                  {roleLabel(role, list.length > 1)} ({list.length})
                </th>
              </tr>
              {list.map((p, i) => (
                <tr key={`${p.entity.id}-${String(i)}`}>
                  <th scope="row" data-label="Participant">
                    <Link href={href.entity(p.entity.id)}>{p.entity.name}</Link>
                    <span className="muted"> · {kindLabel(p.entity.kind)}</span>
                  </th>
                  <td data-label="Capacity">{p.capacity ?? '—'}</td>
                  <td data-label="On behalf of">
                    {p.onBehalfOf === null ? '—' : <Link href={href.entity(p.onBehalfOf.id)}>{p.onBehalfOf.name}</Link>}
                  </td>
                  <td data-label="Evidence">
                    <EvidenceList evidence={p.evidence.map(quotedOf)} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
