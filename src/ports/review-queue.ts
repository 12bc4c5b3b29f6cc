import type { IngestionRecord, IngestionStatus, ProposalRecord, ProposalStatus } from '../domain/review';
import type { PageOf, PageRequest } from './graph-store';

/**
 * The review queue's reads (its writes are `putIngestion` and `putProposal` ops of the write
 * port, so filing and accepting are audited and atomic like every edit). Batch-first, one result
 * per key in key order, null for a miss.
 */
export interface ReviewQueue {
  getIngestions(ids: readonly string[]): Promise<(IngestionRecord | null)[]>;
  /** Per text hash, the ingestion that filed that text, or null. */
  ingestionsByTextHash(hashes: readonly string[]): Promise<(IngestionRecord | null)[]>;
  /** Newest first (createdAt descending), then by id; every status when `status` is null. */
  listIngestions(status: IngestionStatus | null, page: PageRequest): Promise<PageOf<IngestionRecord>>;
  getProposals(ids: readonly string[]): Promise<(ProposalRecord | null)[]>;
  /** Per ingestion id, its proposals ordered by id; every status when `status` is null. */
  proposalsOf(ingestionIds: readonly string[], status: ProposalStatus | null): Promise<ProposalRecord[][]>;
}
