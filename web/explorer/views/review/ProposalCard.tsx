import { useState, type FormEvent, type ReactNode } from 'react';
import { formatDate, kindLabel, typeLabel } from '../../format';
import { Link } from '../../Link';
import { href } from '../../router';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../types';
import { SearchBox } from '../SearchBox';
import { proposalName, sentence } from './proposals';
import type { Proposal } from './types';
export interface CardProps {
  proposal: Proposal;
  all: Proposal[];
  busy: boolean;
  canAccept: boolean;
  summary: ReactNode;
  onAccept: () => Promise<boolean>;
  onReject: (reason: string) => Promise<boolean>;
  onUpdate: (input: Record<string, string>, pickedName: string | null) => Promise<boolean>;
}

export function ProposalCard({ proposal: p, all, busy, canAccept, summary, onAccept, onReject, onUpdate }: CardProps) {
  const [mode, setMode] = useState<'view' | 'reject' | 'edit'>('view');
  const [reason, setReason] = useState('');
  const [name, setName] = useState(p.entity?.name ?? '');
  const [type, setType] = useState<RelationshipType>(p.relationship?.type ?? 'ATTENDED');
  const [role, setRole] = useState(p.relationship?.role ?? '');
  const [to, setTo] = useState<{ id: string; name: string | null } | null>(null);
  const titleId = `proposal-${p.id}-title`;
  const rel = p.relationship;
  const needsOrg = rel !== null && rel.type === 'HOLDS_POSITION' && rel.to === null && rel.toId === null;
  const orgProposals = all.filter((o) => o.entity?.kind === 'ORGANIZATION' && o.status !== 'REJECTED');
  /** Switches the card's mode and, once it is drawn, focuses the element it opens with. */
  const switchTo = (next: 'view' | 'reject' | 'edit', focusId: string): void => {
    setMode(next);
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };
  const back = (): void => switchTo('view', `proposal-${p.id}`);

  const submitEdit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input: Record<string, string> = {};
    if (p.entity !== null && name.trim() !== '' && name.trim() !== p.entity.name) input.name = name.trim();
    if (rel !== null) {
      if (type !== rel.type) input.type = type;
      if (role.trim() !== (rel.role ?? '') && role.trim() !== '') input.role = role.trim();
      if (to !== null) input.to = to.id;
    }
    if (Object.keys(input).length === 0) {
      back();
      return;
    }
    if (await onUpdate(input, to?.name ?? null)) setMode('view');
  };

  return (
    <li>
      <article id={`proposal-${p.id}`} tabIndex={-1} className={`proposal proposal-${p.status.toLowerCase()}`} aria-labelledby={titleId}>
        <h3 id={titleId}>{p.entity !== null ? p.entity.name : summary}</h3>
        <p className="proposal-meta">
          <span className={`proposal-status status-${p.status.toLowerCase()}`}>{sentence(p.status)}</span>
          {p.entity !== null && <> · {kindLabel(p.entity.kind)}</>}
          {p.entity?.date != null && <> · {formatDate(p.entity.date)}</>}
          {rel !== null && (
            <>
              {' · '}
              <span className={`confidence confidence-${rel.confidence.toLowerCase()}`}>{sentence(rel.confidence)} confidence</span>
            </>
          )}
        </p>
        {p.resolvedEntity !== null && (
          <p>
            Resolves to <Link href={href.entity(p.resolvedEntity.id)}>{p.resolvedEntity.name}</Link> (an existing {kindLabel(p.resolvedEntity.kind).toLowerCase()})
          </p>
        )}
        {p.evidence.map((e, i) => (
          <blockquote key={i} className="proposal-quote">
            “{e.quote}”
          </blockquote>
        ))}
        {needsOrg && p.status === 'PENDING' && <p className="notice">The organization is not named: choose one with Edit before accepting.</p>}
        {p.contradiction !== null && (
          <div className="notice contradiction">
            <p>
              <strong>Contradicts a stored fact</strong>
              {p.contradiction.relationship?.role != null && <> ({p.contradiction.relationship.role})</>}:
            </p>
            <blockquote>
              <Link href={href.source(p.contradiction.sourceId, { quote: p.contradiction.quote })}>“{p.contradiction.quote}”</Link>
            </blockquote>
          </div>
        )}
        {p.status === 'REJECTED' && p.rejectedReason !== null && <p className="muted">Reason: {p.rejectedReason}</p>}
        {p.status === 'ACCEPTED' && p.acceptedAs !== null && p.kind === 'ENTITY' && (
          <p>
            <Link href={href.entity(p.acceptedAs)}>Open {p.resolvedEntity?.name ?? proposalName(p)}’s page</Link>
          </p>
        )}
        {p.status === 'PENDING' && mode === 'view' && (
          <div className="proposal-buttons">
            <button type="button" disabled={busy || !canAccept} aria-describedby={titleId} onClick={() => void onAccept()}>
              Accept
            </button>
            <button
              type="button"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => switchTo('reject', `reason-${p.id}`)}
            >
              Reject
            </button>
            <button
              type="button"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => switchTo('edit', `edit-${p.id}-first`)}
            >
              Edit
            </button>
          </div>
        )}
        {p.status === 'PENDING' && mode === 'reject' && (
          <form
            className="proposal-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (reason.trim() === '') {
                document.getElementById(`reason-${p.id}`)?.focus();
                return;
              }
              void onReject(reason.trim()).then((ok) => ok && setMode('view'));
            }}
          >
            <label htmlFor={`reason-${p.id}`}>Reason for rejecting</label>
            <input id={`reason-${p.id}`} type="text" required value={reason} onChange={(e) => setReason(e.target.value)} />
            <div className="proposal-buttons">
              <button type="submit" disabled={busy}>
                Confirm rejection
              </button>
              <button type="button" onClick={back}>
                Cancel
              </button>
            </div>
          </form>
        )}
        {p.status === 'PENDING' && mode === 'edit' && (
          <form className="proposal-form" onSubmit={(event) => void submitEdit(event)}>
            {p.entity !== null && (
              <>
                <label htmlFor={`edit-${p.id}-first`}>Name</label>
                <input id={`edit-${p.id}-first`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
              </>
            )}
            {rel !== null && (
              <>
                <label htmlFor={`edit-${p.id}-first`}>Type</label>
                <select id={`edit-${p.id}-first`} value={type} onChange={(e) => setType(e.target.value as RelationshipType)}>
                  {RELATIONSHIP_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {typeLabel(t)}
                    </option>
                  ))}
                </select>
                <label htmlFor={`edit-${p.id}-role`}>Role</label>
                <input id={`edit-${p.id}-role`} type="text" value={role} onChange={(e) => setRole(e.target.value)} />
                {needsOrg && (
                  <fieldset>
                    <legend>Organization</legend>
                    <label htmlFor={`edit-${p.id}-org`}>One proposed from this document</label>
                    <select
                      id={`edit-${p.id}-org`}
                      value={to !== null && orgProposals.some((o) => o.id === to.id) ? to.id : ''}
                      onChange={(e) => setTo(e.target.value === '' ? null : { id: e.target.value, name: null })}
                    >
                      <option value="">None chosen</option>
                      {orgProposals.map((o) => (
                        <option key={o.id} value={o.id}>
                          {proposalName(o)}
                        </option>
                      ))}
                    </select>
                    <SearchBox label="Or an existing organization" onPick={(entity) => setTo({ id: entity.id, name: entity.name })} />
                    {to !== null && <p className="muted">Chosen: {to.name ?? all.find((o) => o.id === to.id)?.entity?.name ?? to.id}</p>}
                  </fieldset>
                )}
              </>
            )}
            <div className="proposal-buttons">
              <button type="submit" disabled={busy}>
                Save
              </button>
              <button type="button" onClick={back}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </article>
    </li>
  );
}
