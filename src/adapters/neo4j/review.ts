import type { ManagedTransaction } from 'neo4j-driver';
import type { IngestionRecord, IngestionStatus, ProposalRecord, ProposalStatus } from '../../domain/review';
import type { PageOf, PageRequest } from '../../ports/graph-store';
import { run, type Neo4jRunner } from './driver';
import type { Props } from './mapping';
import { paging } from './params';
import * as R from './review-cypher';

/** The review queue's reads and puts (ports/review-queue); each read is one round trip. */

export async function getIngestions(runner: Neo4jRunner, ids: readonly string[]): Promise<(IngestionRecord | null)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read('getIngestions', (tx) => run(tx, R.GET_INGESTIONS, { ids: [...new Set(ids)] }));
  const byId = new Map(rows.map((r) => ingestionFromProps(r.get('row') as Props)).map((i) => [i.id, i]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function ingestionsByTextHash(runner: Neo4jRunner, hashes: readonly string[]): Promise<(IngestionRecord | null)[]> {
  if (hashes.length === 0) return [];
  const rows = await runner.read('ingestionsByTextHash', (tx) => run(tx, R.INGESTIONS_BY_TEXT_HASH, { hashes: [...new Set(hashes)] }));
  const byHash = new Map(rows.map((r) => ingestionFromProps(r.get('row') as Props)).map((i) => [i.textHash, i]));
  return hashes.map((h) => byHash.get(h) ?? null);
}

export async function listIngestions(runner: Neo4jRunner, status: IngestionStatus | null, page: PageRequest): Promise<PageOf<IngestionRecord>> {
  const [record] = await runner.read('listIngestions', (tx) => run(tx, R.LIST_INGESTIONS, { status, ...paging(page) }));
  if (!record) return { items: [], totalCount: 0 };
  return { items: (record.get('items') as Props[]).map(ingestionFromProps), totalCount: record.get('totalCount') as number };
}

export async function getProposals(runner: Neo4jRunner, ids: readonly string[]): Promise<(ProposalRecord | null)[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read('getProposals', (tx) => run(tx, R.GET_PROPOSALS, { ids: [...new Set(ids)] }));
  const byId = new Map(rows.map((r) => proposalFromJson(r.get('json') as string)).map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function proposalsOf(runner: Neo4jRunner, ingestionIds: readonly string[], status: ProposalStatus | null): Promise<ProposalRecord[][]> {
  if (ingestionIds.length === 0) return [];
  const rows = await runner.read('proposalsOf', (tx) => run(tx, R.PROPOSALS_OF, { ids: [...new Set(ingestionIds)], status }));
  const byIngestion = new Map<string, ProposalRecord[]>();
  for (const p of rows.map((r) => proposalFromJson(r.get('json') as string))) {
    const list = byIngestion.get(p.ingestionId);
    if (list) list.push(p);
    else byIngestion.set(p.ingestionId, [p]);
  }
  return ingestionIds.map((id) => byIngestion.get(id) ?? []);
}

/** Inside a checked write (./writes). */
export async function putReview(tx: ManagedTransaction, ingestions: readonly IngestionRecord[], proposals: readonly ProposalRecord[]): Promise<void> {
  if (ingestions.length > 0) await run(tx, R.PUT_INGESTIONS, { rows: ingestions.map((i) => ({ ...i })) });
  if (proposals.length > 0) {
    const rows = proposals.map((p) => ({ id: p.id, ingestionId: p.ingestionId, status: p.status, kind: p.kind, json: JSON.stringify(p) }));
    await run(tx, R.PUT_PROPOSALS, { rows });
  }
}

/** For the write check's expectations: the stored records, by id. */
export async function fetchReview(
  tx: ManagedTransaction,
  ingestionIds: readonly string[],
  proposalIds: readonly string[],
): Promise<{ ingestions: Map<string, IngestionRecord>; proposals: Map<string, ProposalRecord> }> {
  const [ingestions, proposals] = await Promise.all([
    ingestionIds.length ? run(tx, R.GET_INGESTIONS, { ids: ingestionIds }) : [],
    proposalIds.length ? run(tx, R.GET_PROPOSALS, { ids: proposalIds }) : [],
  ]);
  return {
    ingestions: new Map(ingestions.map((r) => ingestionFromProps(r.get('row') as Props)).map((i) => [i.id, i])),
    proposals: new Map(proposals.map((r) => proposalFromJson(r.get('json') as string)).map((p) => [p.id, p])),
  };
}

/** Fields in the record's order, so a stored ingestion compares equal to the one written. */
function ingestionFromProps(p: Props): IngestionRecord {
  return {
    id: p.id as string,
    sourceId: p.sourceId as string,
    status: p.status as IngestionStatus,
    createdAt: p.createdAt as string,
    createdBy: p.createdBy as string,
    textHash: p.textHash as string,
  };
}

function proposalFromJson(json: string): ProposalRecord {
  return JSON.parse(json) as ProposalRecord;
}
