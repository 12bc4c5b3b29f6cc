import { createHash } from 'node:crypto';
import { ChangeOperation, Role, type Caller } from '../domain/change';
import { badInput, DomainError, ErrorCode } from '../domain/errors';
import { IngestionStatus, ProposalStatus, type IngestionRecord, type ProposalRecord } from '../domain/review';
import { runEdit, type Commit } from '../editing/edit-session';
import { slugOf } from '../editing/ids';
import { newSourceSchema, parseInput } from '../editing/input-schemas';
import { newId } from '../editing/lookups';
import type { Extraction } from '../ingest/extraction';
import type { WriteOp } from '../ports/graph-writes';
import { acceptPlan } from './accept-plan';
import { proposalsFor } from './propose';
import type { ReviewStore } from './review-store';
import { applyUpdate, type ProposalChanges } from './update-proposal';

export type { ReviewStore };

/** The source an ingestion stores; its text is the extraction's (what the spans index). */
export interface IngestedSource {
  readonly id?: string | null;
  readonly title: string;
  readonly publisher?: string | null;
  readonly publishedAt?: string | null;
  readonly url?: string | null;
}

export interface Filed {
  readonly ingestion: IngestionRecord;
  /** False when the same text was filed before: that ingestion is answered, nothing proposed again. */
  readonly created: boolean;
}

/**
 * The review queue's write side. Each method is one edit (editing/edit-session): read, validate,
 * then one atomic, audited `store.write`, so a filing, an acceptance (the facts, the proposals'
 * new status and the ingestion's) or a rejection lands whole or not at all.
 */
export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly actor: Caller,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores the source, the ingestion and its proposals; the same text twice files once. */
  file(extraction: Extraction, input: IngestedSource): Promise<Filed> {
    return this.edit(async (store, commit) => {
      const text = extraction.source.text;
      const textHash = createHash('sha256').update(text).digest('hex');
      const [earlier] = await store.ingestionsByTextHash([textHash]);
      if (earlier) return { ingestion: earlier, created: false };
      const v = parseInput(newSourceSchema, { ...input, text }, 'source');
      const sourceId = await newId(v.id, slugOf(v.title) || 'source', 'source', (ids) => store.getSources(ids));
      const id = await newId(null, `ingestion-${sourceId}`, 'ingestion', (ids) => store.getIngestions(ids));
      const proposals = await proposalsFor(store, extraction, id);
      const ingestion: IngestionRecord = {
        id,
        sourceId,
        status: proposals.length > 0 ? IngestionStatus.OPEN : IngestionStatus.DONE,
        createdAt: this.now().toISOString(),
        createdBy: this.actor.name,
        textHash,
      };
      const ops: WriteOp[] = [
        { op: 'putSource', source: { ...v, id: sourceId } },
        { op: 'putIngestion', ingestion },
        ...proposals.map((proposal) => ({ op: 'putProposal' as const, proposal })),
      ];
      const { text: _text, ...described } = v;
      await commit(ops, {
        operation: ChangeOperation.INGEST_DOCUMENT,
        ids: [sourceId, id],
        before: null,
        after: { source: { ...described, id: sourceId, textLength: text.length, textSha256: textHash }, ingestion, proposalIds: proposals.map((p) => p.id) },
      });
      return { ingestion, created: true };
    });
  }

  /**
   * Writes the proposals' facts (and the entity proposals they need) through the editing checks,
   * in one write; proposals already accepted are answered as they are.
   */
  accept(ids: readonly string[]): Promise<ProposalRecord[]> {
    return this.edit(async (store, commit) => {
      const requested = await targetProposals(store, ids);
      const plan = await acceptPlan(store, requested);
      if (plan.ops.length > 0) await commit([...plan.ops, ...(await closedIngestions(store, plan.proposals))], plan.changes);
      const byId = new Map(plan.proposals.map((p) => [p.id, p]));
      return requested.map((p) => byId.get(p.id) ?? p);
    });
  }

  rejectProposals(ids: readonly string[], reason: string): Promise<ProposalRecord[]> {
    return this.edit(async (store, commit) => {
      const why = reason.trim();
      if (why === '') throw badInput('"reason" is empty: say why the proposals are rejected, for whoever reviews them next.');
      const requested = await targetProposals(store, ids);
      const accepted = requested.find((p) => p.status === ProposalStatus.ACCEPTED);
      if (accepted) throw badInput(`Proposal "${accepted.id}" is already accepted; edit or remove the fact "${accepted.acceptedAs}" instead.`);
      const rejected = requested
        .filter((p) => p.status === ProposalStatus.PENDING)
        .map((p): ProposalRecord => ({ ...p, status: ProposalStatus.REJECTED, rejectedReason: why }));
      if (rejected.length > 0) {
        const ops: WriteOp[] = rejected.map((proposal) => ({ op: 'putProposal', proposal }));
        await commit([...ops, ...(await closedIngestions(store, rejected))], {
          operation: ChangeOperation.REJECT_PROPOSALS,
          ids: [...new Set(rejected.flatMap((p) => [p.id, p.ingestionId]))],
          before: null,
          after: { rejected: rejected.map((p) => p.id), reason: why },
        });
      }
      const byId = new Map(rejected.map((p) => [p.id, p]));
      return requested.map((p) => byId.get(p.id) ?? p);
    });
  }

  /** Fixes a pending proposal before it is accepted (see update-proposal). */
  updateProposal(id: string, changes: ProposalChanges): Promise<ProposalRecord> {
    return this.edit(async (store, commit) => {
      const [existing] = await targetProposals(store, [id]);
      if (existing!.status !== ProposalStatus.PENDING) throw badInput(`Proposal "${id}" is ${existing!.status.toLowerCase()}; only a pending one can change.`);
      const updated = await applyUpdate(store, existing!, changes);
      if (JSON.stringify(updated) === JSON.stringify(existing)) return existing!;
      await commit([{ op: 'putProposal', proposal: updated }], {
        operation: ChangeOperation.UPDATE_PROPOSAL,
        ids: [id, updated.ingestionId],
        before: existing,
        after: updated,
      });
      return updated;
    });
  }

  private edit<T>(work: (store: ReviewStore, commit: Commit) => Promise<T>): Promise<T> {
    return runEdit(this.store, this.actor, this.now, work);
  }
}

/** The proposals a call names, in its order (duplicates once); NOT_FOUND for an unknown id. */
async function targetProposals(store: ReviewStore, ids: readonly string[]): Promise<ProposalRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw badInput('"ids" is empty: name at least one proposal.');
  const found = await store.getProposals(unique);
  const missing = unique.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.NOT_FOUND, `There is no proposal with id ${missing.map((m) => `"${m}"`).join(', ')}.`, { ids: missing });
  }
  return found as ProposalRecord[];
}

/** The ingestions that no longer hold a pending proposal once `changed` are written, as DONE. */
async function closedIngestions(store: ReviewStore, changed: readonly ProposalRecord[]): Promise<WriteOp[]> {
  const ids = [...new Set(changed.map((p) => p.ingestionId))];
  const changedIds = new Set(changed.map((p) => p.id));
  const [ingestions, pending] = await Promise.all([store.getIngestions(ids), store.proposalsOf(ids, ProposalStatus.PENDING)]);
  return ids.flatMap((_, i) => {
    const ingestion = ingestions[i];
    const left = pending[i]!.filter((p) => !changedIds.has(p.id));
    return ingestion && left.length === 0 && ingestion.status !== IngestionStatus.DONE
      ? [{ op: 'putIngestion' as const, ingestion: { ...ingestion, status: IngestionStatus.DONE } }]
      : [];
  });
}

/** The actor the `npm run ingest` CLI files as, in the audit log and on the ingestion. */
export const CLI_INGEST_ACTOR: Caller = { name: 'cli-ingest', role: Role.EDITOR };

/** Files one extraction for review (see ReviewService.file): the CLI's and any batch caller's entry. */
export function fileIngestion(store: ReviewStore, extraction: Extraction, source: IngestedSource, caller: Caller = CLI_INGEST_ACTOR): Promise<Filed> {
  return new ReviewService(store, caller).file(extraction, source);
}
