import { compareStrings } from '../../domain/compare';
import type { IngestionRecord, IngestionStatus, ProposalRecord, ProposalStatus } from '../../domain/review';
import type { PageOf, PageRequest } from '../../ports/graph-store';

/** The review queue as the embedded store holds it: records by id, and the indexes its reads need. */
export class ReviewState {
  readonly ingestions = new Map<string, IngestionRecord>();
  readonly proposals = new Map<string, ProposalRecord>();
  private readonly byTextHash = new Map<string, string>();
  /** Ingestion id -> its proposal ids. */
  private readonly byIngestion = new Map<string, Set<string>>();

  putIngestion(ingestion: IngestionRecord): void {
    const old = this.ingestions.get(ingestion.id);
    if (old) this.byTextHash.delete(old.textHash);
    this.ingestions.set(ingestion.id, ingestion);
    this.byTextHash.set(ingestion.textHash, ingestion.id);
  }

  putProposal(proposal: ProposalRecord): void {
    const old = this.proposals.get(proposal.id);
    if (old) this.byIngestion.get(old.ingestionId)?.delete(old.id);
    this.proposals.set(proposal.id, proposal);
    const ids = this.byIngestion.get(proposal.ingestionId);
    if (ids) ids.add(proposal.id);
    else this.byIngestion.set(proposal.ingestionId, new Set([proposal.id]));
  }

  byHash(hash: string): IngestionRecord | null {
    const id = this.byTextHash.get(hash);
    return id === undefined ? null : (this.ingestions.get(id) ?? null);
  }

  list(status: IngestionStatus | null, page: PageRequest): PageOf<IngestionRecord> {
    const all = [...this.ingestions.values()]
      .filter((i) => status === null || i.status === status)
      .sort((a, b) => compareStrings(b.createdAt, a.createdAt) || compareStrings(a.id, b.id));
    return { items: all.slice(page.offset, page.offset + page.first), totalCount: all.length };
  }

  proposalsOf(ingestionId: string, status: ProposalStatus | null): ProposalRecord[] {
    return [...(this.byIngestion.get(ingestionId) ?? [])]
      .map((id) => this.proposals.get(id)!)
      .filter((p) => status === null || p.status === status)
      .sort((a, b) => compareStrings(a.id, b.id));
  }
}
