import type { RelationshipType } from '../domain/enums';
import type { ChangeRecord } from '../domain/change';
import type { IngestionStatus, ProposalStatus } from '../domain/review';
import type { EntityListRequest, GraphBatch, PageRequest, RelationshipFilter, SearchRequest } from '../ports/graph-store';
import type { ChangeQuery, WriteExpectation, WriteOp } from '../ports/graph-writes';
import type { Store } from '../ports/store';
import type { Deadline } from '../ports/deadline';
import type { ReadPlan, RecordFields } from '../ports/read-plan';
import type { CoParticipationRequest, NeighborhoodRequest, PathRequest, TimelineWindow } from '../ports/traversals';

export interface CallCounter {
  count: number;
}

/**
 * Wraps a store for one request and counts its round trips, so `extensions.storeCalls` means the
 * same for both adapters: it counts port calls, not whatever an adapter does inside one.
 *
 * A plain class rather than a Proxy: one small object per request, monomorphic calls, and a new
 * port method fails to compile here until someone decides whether it is a round trip.
 */
export class CountingStore implements Store {
  constructor(
    private readonly store: Store,
    readonly counter: CallCounter,
  ) {}

  get kind(): Store['kind'] {
    return this.store.kind;
  }

  /** Not a round trip: the same counter over a bounded view of the store. */
  within(deadline: Deadline): CountingStore {
    return new CountingStore(this.store.within(deadline), this.counter);
  }

  getEntities(ids: readonly string[]) {
    this.counter.count++;
    return this.store.getEntities(ids);
  }

  readPlanned(ids: readonly string[], plan: ReadPlan, fields?: RecordFields) {
    this.counter.count++;
    return this.store.readPlanned(ids, plan, fields);
  }

  getRelationships(ids: readonly string[]) {
    this.counter.count++;
    return this.store.getRelationships(ids);
  }

  getSources(ids: readonly string[]) {
    this.counter.count++;
    return this.store.getSources(ids);
  }

  listSources() {
    this.counter.count++;
    return this.store.listSources();
  }

  search(request: SearchRequest) {
    this.counter.count++;
    return this.store.search(request);
  }

  listEntities(request: EntityListRequest) {
    this.counter.count++;
    return this.store.listEntities(request);
  }

  relationshipsOf(ids: readonly string[], filter: RelationshipFilter, page: PageRequest) {
    this.counter.count++;
    return this.store.relationshipsOf(ids, filter, page);
  }

  participationsOf(eventIds: readonly string[], types: readonly RelationshipType[]) {
    this.counter.count++;
    return this.store.participationsOf(eventIds, types);
  }

  citationsOf(sourceIds: readonly string[], first: number) {
    this.counter.count++;
    return this.store.citationsOf(sourceIds, first);
  }

  citationCounts(sourceIds: readonly string[]) {
    this.counter.count++;
    return this.store.citationCounts(sourceIds);
  }

  shortestPaths(request: PathRequest) {
    this.counter.count++;
    return this.store.shortestPaths(request);
  }

  neighborhood(request: NeighborhoodRequest) {
    this.counter.count++;
    return this.store.neighborhood(request);
  }

  coParticipants(request: CoParticipationRequest) {
    this.counter.count++;
    return this.store.coParticipants(request);
  }

  timelines(ids: readonly string[], window: TimelineWindow) {
    this.counter.count++;
    return this.store.timelines(ids, window);
  }

  write(ops: readonly WriteOp[], changes: readonly ChangeRecord[], expected?: readonly WriteExpectation[]) {
    this.counter.count++;
    return this.store.write(ops, changes, expected);
  }

  changes(query: ChangeQuery) {
    this.counter.count++;
    return this.store.changes(query);
  }

  relationshipsTouching(ids: readonly string[]) {
    this.counter.count++;
    return this.store.relationshipsTouching(ids);
  }

  getIngestions(ids: readonly string[]) {
    this.counter.count++;
    return this.store.getIngestions(ids);
  }

  ingestionsByTextHash(hashes: readonly string[]) {
    this.counter.count++;
    return this.store.ingestionsByTextHash(hashes);
  }

  listIngestions(status: IngestionStatus | null, page: PageRequest) {
    this.counter.count++;
    return this.store.listIngestions(status, page);
  }

  getProposals(ids: readonly string[]) {
    this.counter.count++;
    return this.store.getProposals(ids);
  }

  proposalsOf(ingestionIds: readonly string[], status: ProposalStatus | null) {
    this.counter.count++;
    return this.store.proposalsOf(ingestionIds, status);
  }

  // Not round trips a request makes: loading, health checks and shutdown.
  upsert(batch: GraphBatch) {
    return this.store.upsert(batch);
  }

  ping() {
    return this.store.ping();
  }

  close() {
    return this.store.close();
  }
}
