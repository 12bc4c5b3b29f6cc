import { compareNullableStrings, compareStrings } from '../../domain/compare';
import { ALL_RECORD_FIELDS, type PlannedRead, type PlannedReads, type ReadPlan, type RecordFields } from '../../ports/read-plan';
import { readPlannedThrough } from './read-planned';
import type { ChangeRecord } from '../../domain/change';
import { Direction, type RelationshipType } from '../../domain/enums';
import { storeUnavailable } from '../../domain/errors';
import { roleOf, ROLE_ORDER } from '../../domain/participation';
import type { CitationRecord, EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import {
  EntityOrder,
  type EntityListRequest,
  type GraphBatch,
  type GraphStore,
  type PageOf,
  type PageRequest,
  type RelationshipFilter,
  type SearchRequest,
} from '../../ports/graph-store';
import {
  MAX_RELATIONSHIPS_PER_WRITE,
  type ChangeQuery,
  type GraphWrites,
  type WriteCheck,
  type WriteExpectation,
  type WriteOp,
} from '../../ports/graph-writes';
import { compareScored, parseQuery, scoreDoc } from '../../search/score';
import type { SearchIndex } from './search-index';
import { normalizeName } from '../../search/normalize';
import type {
  CoParticipationRecord,
  CoParticipationRequest,
  GraphTraversals,
  NeighborhoodRequest,
  PathRecord,
  PathRequest,
  SubgraphRecord,
  TimelineRecord,
  TimelineWindow,
} from '../../ports/traversals';
import { intervalMatches, relationshipInterval } from '../../domain/date-window';
import { EntityKind } from '../../domain/enums';
import type { DurableLog } from './durable-log';
import { GraphState } from './graph-state';
import type { Graph } from './graph-types';
import { openDataDir, type EmbeddedOpenOptions } from './open-data-dir';
import * as traversals from './traversals';
import { storedView } from './stored-view';
import { SerialQueue } from '../../concurrency/serial-queue';
import type { IngestionRecord, IngestionStatus, ProposalRecord, ProposalStatus } from '../../domain/review';
import type { ReviewQueue } from '../../ports/review-queue';
import type { StoreStats } from '../../ports/store';
import type { Bounded, Deadline } from '../../ports/deadline';

/**
 * The in-process store: a graphology multigraph keyed by entity and relationship ids.
 * `new EmbeddedStore(checkWrite)` lives in memory only (tests, benchmarks); `EmbeddedStore.open(...)` keeps
 * a data directory, where every write is journaled and fsynced before it resolves.
 */
export class EmbeddedStore implements Bounded<EmbeddedStore>, GraphStore, PlannedReads, GraphTraversals, GraphWrites, ReviewQueue {
  readonly kind = 'embedded' as const;
  private readonly graph: Graph;
  private readonly searchDocs: SearchIndex;
  private readonly sources: ReadonlyMap<string, SourceRecord>;
  private readonly queue = new SerialQueue();
  /** An object, so that the views `within` makes share it with the store they view. */
  private readonly life = { closed: false };
  /** Bounds the traversals of a view made by `within`; the store itself is unbounded. */
  private readonly deadline: Deadline | null = null;

  /**
   * With only `checkWrite` (the write side's rules, src/editing, handed in by the composition
   * root), an empty in-memory store; the other arguments are for `open`.
   */
  constructor(
    private readonly checkWrite: WriteCheck,
    private readonly state: GraphState = new GraphState(),
    private readonly log: DurableLog | null = null,
  ) {
    this.graph = state.graph;
    this.searchDocs = state.searchDocs;
    this.sources = state.sources;
  }

  /**
   * A store kept in `dataDir` (snapshot + journal, see open-data-dir.ts), empty on first start.
   * Refuses with STORE_UNAVAILABLE while another live process has it open.
   */
  static async open(options: EmbeddedOpenOptions): Promise<EmbeddedStore> {
    const { state, log } = await openDataDir(options);
    return new EmbeddedStore(options.checkWrite, state, log);
  }

  /** A view sharing all state (graph, queue, journal), whose traversals stop when `deadline` is spent. */
  within(deadline: Deadline): EmbeddedStore {
    return Object.create(this, { deadline: { value: deadline } }) as EmbeddedStore;
  }

  async getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    return ids.map((id) => this.state.entity(id));
  }

  readPlanned(ids: readonly string[], plan: ReadPlan, fields: RecordFields = ALL_RECORD_FIELDS): Promise<PlannedRead> {
    return readPlannedThrough(this, ids, plan, fields);
  }

  async getRelationships(ids: readonly string[]): Promise<(RelationshipRecord | null)[]> {
    return ids.map((id) => this.state.relationship(id));
  }

  async getSources(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    return ids.map((id) => this.sources.get(id) ?? null);
  }

  async listSources(): Promise<SourceRecord[]> {
    return [...this.sources.values()].sort((a, b) => compareStrings(a.id, b.id));
  }

  async search(request: SearchRequest): Promise<PageOf<EntityRecord>> {
    const query = parseQuery(request.text);
    const hits: { score: number; name: string; id: string; record: EntityRecord }[] = [];
    for (const id of this.searchDocs.candidates(query)) {
      const record = this.graph.getNodeAttributes(id);
      if (request.kinds?.length && !request.kinds.includes(record.kind)) continue;
      const score = scoreDoc(query, this.searchDocs.get(id)!);
      if (score > 0) hits.push({ score, name: record.name, id, record });
    }
    hits.sort(compareScored);
    return pageOf(hits.map((h) => h.record), request);
  }

  async listEntities(request: EntityListRequest): Promise<PageOf<EntityRecord>> {
    const matches: EntityRecord[] = [];
    const needle = request.nameContains ? normalizeName(request.nameContains) : null;
    this.graph.forEachNode((id, record) => {
      if (request.kinds?.length && !request.kinds.includes(record.kind)) return;
      if (request.country && record.country !== request.country) return;
      if (request.orgType && record.orgType !== request.orgType) return;
      if (needle !== null && !(this.searchDocs.get(id)!.forms[0] ?? '').includes(needle)) return;
      if (!inDateWindow(record.date, request.dateFrom ?? null, request.dateTo ?? null)) return;
      matches.push(record);
    });
    const byName = (a: EntityRecord, b: EntityRecord): number =>
      compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
    matches.sort(
      request.orderBy === EntityOrder.DATE_DESC
        ? (a, b) => compareNullableStrings(a.date, b.date, true) || byName(a, b)
        : byName,
    );
    return pageOf(matches, request);
  }

  async relationshipsOf(
    ids: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
  ): Promise<PageOf<RelationshipRecord>[]> {
    return ids.map((id) => {
      if (!this.graph.hasNode(id)) return { items: [], totalCount: 0 };
      const edges = this.edgesOf(id, filter.direction)
        .map((e) => this.graph.getEdgeAttributes(e))
        .filter((r) => !filter.types?.length || filter.types.includes(r.type))
        .filter((r) => this.matchesOtherEnd(r, id, filter))
        .sort(compareRelationships);
      return pageOf(edges, page);
    });
  }

  async participationsOf(
    eventIds: readonly string[],
    types: readonly RelationshipType[],
  ): Promise<RelationshipRecord[][]> {
    return eventIds.map((id) => {
      if (!this.graph.hasNode(id)) return [];
      const withNames = this.graph
        .inEdges(id)
        .map((e) => this.graph.getEdgeAttributes(e))
        .filter((r) => types.includes(r.type))
        .map((r) => ({ r, name: this.graph.getNodeAttributes(r.fromId).name }));
      withNames.sort(
        (a, b) =>
          rank(a.r) - rank(b.r) || compareStrings(a.name, b.name) || compareStrings(a.r.id, b.r.id),
      );
      return withNames.map((x) => x.r);
    });
  }

  async citationsOf(sourceIds: readonly string[], first: number): Promise<CitationRecord[][]> {
    return sourceIds.map((id) => this.state.citations.citations(id, first));
  }

  async citationCounts(sourceIds: readonly string[]): Promise<number[]> {
    return sourceIds.map((id) => this.state.citations.count(id));
  }

  /** In memory, a plain load; on disk, one journaled write, so it survives like any other. */
  async upsert(batch: GraphBatch): Promise<void> {
    if (this.log) return this.write(opsOf(batch), []);
    this.state.upsert(batch);
  }

  async write(ops: readonly WriteOp[], changes: readonly ChangeRecord[], expected: readonly WriteExpectation[] = []): Promise<void> {
    return this.queue.run(async () => {
      if (this.life.closed) throw storeUnavailable('the embedded store is closed');
      this.checkWrite(storedView(this.state), ops, changes, expected);
      if (ops.length === 0 && changes.length === 0) return;
      await this.log?.append(ops, changes);
      this.state.apply(ops, changes);
      await this.log?.compactIfDue(this.state);
    });
  }

  async changes(query: ChangeQuery): Promise<PageOf<ChangeRecord>> {
    return this.state.audit.query(query);
  }

  async relationshipsTouching(ids: readonly string[]): Promise<RelationshipRecord[]> {
    const found = new Set<string>();
    for (const id of ids) for (const r of this.state.relationshipIdsTouching(id)) found.add(r);
    return [...found]
      .sort(compareStrings)
      .slice(0, MAX_RELATIONSHIPS_PER_WRITE + 1)
      .map((id) => this.graph.getEdgeAttributes(id));
  }

  async getIngestions(ids: readonly string[]): Promise<(IngestionRecord | null)[]> {
    return ids.map((id) => this.state.review.ingestions.get(id) ?? null);
  }

  async ingestionsByTextHash(hashes: readonly string[]): Promise<(IngestionRecord | null)[]> {
    return hashes.map((hash) => this.state.review.byHash(hash));
  }

  async listIngestions(status: IngestionStatus | null, page: PageRequest): Promise<PageOf<IngestionRecord>> {
    return this.state.review.list(status, page);
  }

  async getProposals(ids: readonly string[]): Promise<(ProposalRecord | null)[]> {
    return ids.map((id) => this.state.review.proposals.get(id) ?? null);
  }

  async proposalsOf(ingestionIds: readonly string[], status: ProposalStatus | null): Promise<ProposalRecord[][]> {
    return ingestionIds.map((id) => this.state.review.proposalsOf(id, status));
  }

  async shortestPaths(request: PathRequest): Promise<PathRecord[]> {
    return traversals.shortestPaths(this.graph, request, this.deadline);
  }

  async neighborhood(request: NeighborhoodRequest): Promise<SubgraphRecord> {
    return traversals.neighborhood(this.graph, request, this.deadline);
  }

  async coParticipants(request: CoParticipationRequest): Promise<CoParticipationRecord[]> {
    return traversals.coParticipants(this.graph, request, this.deadline);
  }

  async timelines(ids: readonly string[], window: TimelineWindow): Promise<TimelineRecord[][]> {
    return ids.map((id) => traversals.timeline(this.graph, id, window, this.deadline));
  }

  async ping(): Promise<void> {}

  /** In memory only, nothing to report. */
  stats(): StoreStats {
    return this.log?.stats() ?? {};
  }

  /** Waits for queued writes, then releases the journal and the data directory's lock. */
  async close(): Promise<void> {
    await this.queue.run(async () => {
      if (this.life.closed) return;
      this.life.closed = true;
      await this.log?.close();
    });
  }

  /** The filters that look at the other end: its kind, and its date for the date window. */
  private matchesOtherEnd(r: RelationshipRecord, id: string, filter: RelationshipFilter): boolean {
    const other = this.graph.getNodeAttributes(r.fromId === id ? r.toId : r.fromId);
    if (filter.otherKinds?.length && !filter.otherKinds.includes(other.kind)) return false;
    const eventDate = other.kind === EntityKind.EVENT ? other.date : null;
    return intervalMatches(relationshipInterval(r.startDate, r.endDate, eventDate), filter);
  }

  private edgesOf(id: string, direction: Direction): string[] {
    switch (direction) {
      case Direction.OUTGOING:
        return this.graph.outEdges(id);
      case Direction.INCOMING:
        return this.graph.inEdges(id);
      case Direction.BOTH:
        // A self-loop is both in- and out-going; list it once.
        return [...new Set([...this.graph.outEdges(id), ...this.graph.inEdges(id)])];
      default: {
        const never: never = direction;
        throw new Error(`unknown direction ${String(never)}`);
      }
    }
  }
}

function compareRelationships(a: RelationshipRecord, b: RelationshipRecord): number {
  return compareStrings(a.type, b.type) || compareStrings(a.id, b.id);
}

function rank(r: RelationshipRecord): number {
  const role = roleOf(r.type);
  return role === null ? ROLE_ORDER.length : ROLE_ORDER.indexOf(role);
}

function inDateWindow(date: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (date === null) return false;
  return (from === null || date >= from) && (to === null || date <= to || date.startsWith(to));
}

function opsOf(batch: GraphBatch): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const source of batch.sources) ops.push({ op: 'putSource', source });
  for (const entity of batch.entities) ops.push({ op: 'putEntity', entity });
  for (const relationship of batch.relationships) ops.push({ op: 'putRelationship', relationship });
  return ops;
}

function pageOf<T>(all: readonly T[], page: PageRequest): PageOf<T> {
  return { items: all.slice(page.offset, page.offset + page.first), totalCount: all.length };
}
