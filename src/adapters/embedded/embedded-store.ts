import { MultiDirectedGraph } from 'graphology';
import { compareNullableStrings, compareStrings } from '../../domain/compare';
import { Direction, type RelationshipType } from '../../domain/enums';
import { roleOf, ROLE_ORDER } from '../../domain/participation';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
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
import { compareScored, parseQuery, scoreDoc } from '../../search/score';
import { buildSearchDoc, type SearchDoc } from '../../search/search-doc';
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
import type { Graph } from './graph-types';
import * as traversals from './traversals';


/** The in-process store: a graphology multigraph keyed by entity and relationship ids. */
export class EmbeddedStore implements GraphStore, GraphTraversals {
  readonly kind = 'embedded' as const;
  private readonly graph: Graph = new MultiDirectedGraph();
  /** Names normalised once at write time, so a search only compares. */
  private readonly searchDocs = new Map<string, SearchDoc>();
  private readonly sources = new Map<string, SourceRecord>();

  async getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null));
  }

  async getRelationships(ids: readonly string[]): Promise<(RelationshipRecord | null)[]> {
    return ids.map((id) => (this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : null));
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
    this.graph.forEachNode((id, record) => {
      if (request.kinds?.length && !request.kinds.includes(record.kind)) return;
      const score = scoreDoc(query, this.searchDocs.get(id)!);
      if (score > 0) hits.push({ score, name: record.name, id, record });
    });
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

  async upsert(batch: GraphBatch): Promise<void> {
    for (const s of batch.sources) this.sources.set(s.id, s);
    for (const e of batch.entities) {
      this.searchDocs.set(e.id, buildSearchDoc(e.name, e.aliases));
      if (this.graph.hasNode(e.id)) this.graph.replaceNodeAttributes(e.id, asAttributes(e));
      else this.graph.addNode(e.id, asAttributes(e));
    }
    for (const r of batch.relationships) {
      // Adding is the common case and graphology checks the key itself; a replaced relationship
      // (its ends may have moved) is dropped and added again.
      try {
        this.graph.addDirectedEdgeWithKey(r.id, r.fromId, r.toId, asAttributes(r));
      } catch (e) {
        if (!this.graph.hasEdge(r.id)) throw e;
        this.graph.dropEdge(r.id);
        this.graph.addDirectedEdgeWithKey(r.id, r.fromId, r.toId, asAttributes(r));
      }
    }
  }

  async shortestPaths(request: PathRequest): Promise<PathRecord[]> {
    return traversals.shortestPaths(this.graph, request);
  }

  async neighborhood(request: NeighborhoodRequest): Promise<SubgraphRecord> {
    return traversals.neighborhood(this.graph, request);
  }

  async coParticipants(request: CoParticipationRequest): Promise<CoParticipationRecord[]> {
    return traversals.coParticipants(this.graph, request);
  }

  async timelines(ids: readonly string[], window: TimelineWindow): Promise<TimelineRecord[][]> {
    return ids.map((id) => traversals.timeline(this.graph, id, window));
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

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

/** Records are plain readonly objects; graphology's attribute type wants an index signature. */
function asAttributes<T extends object>(record: T): T & Record<string, unknown> {
  return record as T & Record<string, unknown>;
}

function pageOf<T>(all: readonly T[], page: PageRequest): PageOf<T> {
  return { items: all.slice(page.offset, page.offset + page.first), totalCount: all.length };
}
