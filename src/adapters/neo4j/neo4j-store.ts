import type { RelationshipType } from '../../domain/enums';
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
import { compareScored, parseQuery, scoreDoc } from '../../search/score';
import { buildSearchDoc } from '../../search/search-doc';
import * as Q from './cypher';
import { hasDateWindow } from '../../domain/date-window';
import { int, Neo4jRunner, run, type Neo4jOptions } from './driver';
import { prefixQuery } from './lucene';
import { entityFromProps, relationshipFromRow, sourceFromProps, type Props, type RelationshipRow } from './mapping';
import { migrateSchema, type MigrateOptions, type MigrationResult } from './migrate';
import { SchemaGate } from './schema-gate';
import { entityListParams, nonEmpty, participationParams, relationshipFilterParams } from './params';
import * as traversals from './traversals';
import { byIds, distinct, fetchEntities, fetchRelationships } from './fetch';
import { writeBatch } from './upsert';
import { citationCounts, citationsOf } from './citations';
import { readChanges } from './audit';
import { relationshipsTouching, writeOps } from './writes';
import * as review from './review';
import { readPlanned } from './read-planned';
import { ALL_RECORD_FIELDS, type PlannedRead, type PlannedReads, type ReadPlan, type RecordFields } from '../../ports/read-plan';
import type { IngestionRecord, IngestionStatus, ProposalRecord, ProposalStatus } from '../../domain/review';
import type { ReviewQueue } from '../../ports/review-queue';
import type { StoreStats } from '../../ports/store';
import type { ChangeRecord } from '../../domain/change';
import type { ChangeQuery, GraphWrites, WriteCheck, WriteExpectation, WriteOp } from '../../ports/graph-writes';
import type { Bounded, Deadline } from '../../ports/deadline';

/**
 * Most full-text candidates a search ranks. Ranking happens here, in TS, so that both stores rank
 * with one function; the cap bounds what one query may pull. Below it, answers equal the embedded
 * store's exactly; above it, only the first SEARCH_CANDIDATE_CAP index hits are ranked and counted.
 */
export const SEARCH_CANDIDATE_CAP = 10_000;

/**
 * The Neo4j adapter. Data model, documented once here:
 * - `(:Entity:<Kind> {id, kind, name, aliases, description, orgType, country, date, searchText,
 *   nameForm, evidenceSourceIds, evidenceQuotes, evidenceConfidences, evidenceStarts, evidenceEnds})`,
 *   the kind label from ./labels;
 * - `(:Entity)-[:<TYPE> {id, role, onBehalfOfId, startDate, endDate, description, evidence...}]->(:Entity)`;
 * - `(:Source {id, title, publisher, publishedAt, url, text})`;
 * - beside the graph: `(:Change)` audit entries linked to `(:AuditRef {id})` nodes (./audit) and
 *   one `(:WriteLock)` node (./writes).
 * Evidence is five parallel lists because properties cannot be maps (the offsets are integer
 * JavaScript string indices, set on the way in, see domain/quote-span); null fields are absent
 * properties; `searchText` is the normalised tokens the full-text index holds, `nameForm` the
 * normalised name that nameContains matches. Two full-text indexes over evidenceSourceIds serve a
 * source's citations (./citation-cypher).
 */
export class Neo4jStore implements Bounded<Neo4jStore>, GraphStore, PlannedReads, GraphTraversals, GraphWrites, ReviewQueue {
  readonly kind = 'neo4j' as const;

  /** Every statement but the migration's own goes through the gate (./schema-gate). */
  private readonly runner: Neo4jRunner;
  private readonly gate: SchemaGate;

  private constructor(
    private readonly ungated: Neo4jRunner,
    private readonly checkWrite: WriteCheck,
  ) {
    this.gate = new SchemaGate(() => migrateSchema(ungated));
    this.runner = ungated.gatedBy(() => this.gate.open());
  }

  /**
   * Opens no connection, so a server can start while Neo4j is still down. `checkWrite` is the
   * write side's rule set (src/editing), handed in by the composition root.
   */
  static create(options: Neo4jOptions, checkWrite: WriteCheck): Neo4jStore {
    return new Neo4jStore(new Neo4jRunner(options), checkWrite);
  }

  /**
   * Brings the schema to SCHEMA_VERSION now (./migrate); `force` reruns the whole pass even at the
   * current version, `freshData` skips the data migrations. Queries migrate on their own on first
   * use; this is for `npm run migrate` and the bulk load.
   */
  async migrate(options: MigrateOptions = {}): Promise<MigrationResult> {
    const result = await migrateSchema(this.ungated, options);
    this.gate.markOpen();
    return result;
  }

  async getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    if (ids.length === 0) return [];
    return this.runner.readOne('getEntities', Q.GET_ENTITIES, { ids: distinct(ids) }, (records) =>
      byIds(ids, records, (r) => entityFromProps(r.get('props') as Props)),
    );
  }

  readPlanned(ids: readonly string[], plan: ReadPlan, fields: RecordFields = ALL_RECORD_FIELDS): Promise<PlannedRead> {
    return readPlanned(this.runner, ids, plan, fields);
  }

  async getRelationships(ids: readonly string[]): Promise<(RelationshipRecord | null)[]> {
    if (ids.length === 0) return [];
    return this.runner.read('getRelationships', (tx) => fetchRelationships(tx, ids));
  }

  async getSources(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    if (ids.length === 0) return [];
    return this.runner.readOne('getSources', Q.GET_SOURCES, { ids: distinct(ids) }, (records) =>
      byIds(ids, records, (r) => sourceFromProps(r.get('props') as Props)),
    );
  }

  async listSources(): Promise<SourceRecord[]> {
    const records = await this.runner.read('listSources', (tx) => run(tx, Q.LIST_SOURCES));
    return records.map((r) => sourceFromProps(r.get('props') as Props));
  }

  async search(request: SearchRequest): Promise<PageOf<EntityRecord>> {
    const query = parseQuery(request.text);
    if (query.tokens.length === 0) return { items: [], totalCount: 0 };
    return this.runner.read('search', async (tx) => {
      const candidates = await run(tx, Q.SEARCH_CANDIDATES, {
        lucene: prefixQuery(query.tokens),
        kinds: nonEmpty(request.kinds),
        cap: int(SEARCH_CANDIDATE_CAP),
      });
      const hits = candidates
        .map((r) => {
          const name = r.get('name') as string;
          const aliases = (r.get('aliases') as string[] | null) ?? [];
          return { id: r.get('id') as string, name, score: scoreDoc(query, buildSearchDoc(name, aliases)) };
        })
        .filter((h) => h.score > 0)
        .sort(compareScored);
      const page = hits.slice(request.offset, request.offset + request.first).map((h) => h.id);
      const items = (await fetchEntities(tx, page)).filter((e): e is EntityRecord => e !== null);
      return { items, totalCount: hits.length };
    });
  }

  async listEntities(request: EntityListRequest): Promise<PageOf<EntityRecord>> {
    const statement = request.orderBy === EntityOrder.DATE_DESC ? Q.LIST_ENTITIES_BY_DATE_DESC : Q.LIST_ENTITIES_BY_NAME;
    const [record] = await this.runner.read('listEntities', (tx) => run(tx, statement, entityListParams(request)));
    if (!record) return { items: [], totalCount: 0 };
    return {
      items: (record.get('items') as Props[]).map(entityFromProps),
      totalCount: record.get('totalCount') as number,
    };
  }

  async relationshipsOf(
    ids: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
  ): Promise<PageOf<RelationshipRecord>[]> {
    const unique = distinct(ids);
    if (unique.length === 0) return [];
    const statement = Q.RELATIONSHIPS_OF[filter.direction][hasDateWindow(filter) ? 'windowed' : 'all'];
    const byId = await this.runner.readOne('relationshipsOf', statement, { ids: unique, ...relationshipFilterParams(filter, page) }, (records) =>
      new Map(
        records.map((r) => [
          r.get('id') as string,
          { items: (r.get('items') as RelationshipRow[]).map(relationshipFromRow), totalCount: r.get('totalCount') as number },
        ]),
      ),
    );
    return ids.map((id) => byId.get(id) ?? { items: [], totalCount: 0 });
  }

  async participationsOf(
    eventIds: readonly string[],
    types: readonly RelationshipType[],
  ): Promise<RelationshipRecord[][]> {
    const unique = distinct(eventIds);
    if (unique.length === 0) return [];
    const byId = await this.runner.readOne('participationsOf', Q.PARTICIPATIONS_OF, { ids: unique, ...participationParams(types) }, (records) =>
      new Map(records.map((r) => [r.get('id') as string, (r.get('rows') as RelationshipRow[]).map(relationshipFromRow)])),
    );
    return eventIds.map((id) => byId.get(id) ?? []);
  }

  citationsOf(sourceIds: readonly string[], first: number): Promise<CitationRecord[][]> {
    return citationsOf(this.runner, sourceIds, first);
  }

  citationCounts(sourceIds: readonly string[]): Promise<number[]> {
    return citationCounts(this.runner, sourceIds);
  }

  /**
   * One transaction per call, so a batch lands whole or not at all (callers split very large
   * imports); a relationship that names a missing entity fails it with INVALID_DATA.
   */
  async upsert(batch: GraphBatch): Promise<void> {
    await this.runner.write('upsert', (tx) => writeBatch(tx, batch));
  }

  write(ops: readonly WriteOp[], changes: readonly ChangeRecord[], expected: readonly WriteExpectation[] = []): Promise<void> {
    return writeOps(this.runner, this.checkWrite, ops, changes, expected);
  }

  changes(query: ChangeQuery): Promise<PageOf<ChangeRecord>> {
    return readChanges(this.runner, query);
  }

  relationshipsTouching(ids: readonly string[]): Promise<RelationshipRecord[]> {
    return relationshipsTouching(this.runner, ids);
  }

  getIngestions(ids: readonly string[]): Promise<(IngestionRecord | null)[]> {
    return review.getIngestions(this.runner, ids);
  }

  ingestionsByTextHash(hashes: readonly string[]): Promise<(IngestionRecord | null)[]> {
    return review.ingestionsByTextHash(this.runner, hashes);
  }

  listIngestions(status: IngestionStatus | null, page: PageRequest): Promise<PageOf<IngestionRecord>> {
    return review.listIngestions(this.runner, status, page);
  }

  getProposals(ids: readonly string[]): Promise<(ProposalRecord | null)[]> {
    return review.getProposals(this.runner, ids);
  }

  proposalsOf(ingestionIds: readonly string[], status: ProposalStatus | null): Promise<ProposalRecord[][]> {
    return review.proposalsOf(this.runner, ingestionIds, status);
  }

  shortestPaths(request: PathRequest): Promise<PathRecord[]> {
    return traversals.shortestPaths(this.runner, request);
  }

  neighborhood(request: NeighborhoodRequest): Promise<SubgraphRecord> {
    return traversals.neighborhood(this.runner, request);
  }

  coParticipants(request: CoParticipationRequest): Promise<CoParticipationRecord[]> {
    return traversals.coParticipants(this.runner, request);
  }

  timelines(ids: readonly string[], window: TimelineWindow): Promise<TimelineRecord[][]> {
    return traversals.timelines(this.runner, ids, window);
  }

  /** A view sharing the driver, the schema gate and the write check, whose every transaction is bounded by `deadline`. */
  within(deadline: Deadline): Neo4jStore {
    return Object.create(this, { runner: { value: this.runner.within(deadline) } }) as Neo4jStore;
  }

  /**
   * Ready means answering with the schema in place: reachability first (its own, plain error),
   * then the schema gate, so a fresh database reports ready only once migrated.
   */
  async ping(): Promise<void> {
    await this.ungated.read('ping', (tx) => run(tx, Q.PING));
    await this.gate.open();
  }

  stats(): StoreStats {
    return { sessionsOpen: this.ungated.sessionsOpen };
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
