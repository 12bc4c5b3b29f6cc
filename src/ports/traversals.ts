import type { Direction, EntityKind, RelationshipType } from '../domain/enums';
import type { RelationshipRecord } from '../domain/records';

/**
 * The traversal port: graph questions a table cannot answer. Every method is one round trip and
 * bounded; the bounds are validated above the port (see graphql/traversal/bounds.ts), the work
 * caps below are the adapters' own guard against supernodes. Orders are specified exactly so
 * both adapters give the same answers.
 */

export interface PathRequest {
  readonly fromId: string;
  readonly toId: string;
  readonly maxHops: number;
  readonly types?: readonly RelationshipType[] | null;
  /** OUTGOING follows from -> to, INCOMING to -> from, BOTH either way. */
  readonly direction: Direction;
  readonly first: number;
}

export interface PathRecord {
  /** From `fromId` to `toId`, in order. */
  readonly nodeIds: readonly string[];
  readonly relationships: readonly RelationshipRecord[];
}

export interface NeighborhoodRequest {
  readonly id: string;
  readonly depth: number;
  readonly types?: readonly RelationshipType[] | null;
  /** Nodes of other kinds are neither returned nor walked through; the centre always is. */
  readonly kinds?: readonly EntityKind[] | null;
  readonly limit: number;
}

export interface SubgraphRecord {
  /** Ordered by (distance from the centre, id); the centre first. */
  readonly nodeIds: readonly string[];
  /** Every relationship of the allowed types between two returned nodes, ordered by id. */
  readonly relationships: readonly RelationshipRecord[];
  readonly truncated: boolean;
}

export interface CoParticipationRequest {
  readonly id: string;
  /** Participation types counted, on both sides (domain/participation). */
  readonly types: readonly RelationshipType[];
  readonly first: number;
}

export interface CoParticipationRecord {
  readonly entityId: string;
  /** Distinct shared events. */
  readonly count: number;
  /** Newest first (undated last), then by id. */
  readonly eventIds: readonly string[];
}

/** Items whose date overlaps [from, to] ("2013" overlaps from = "2013-05"). */
export interface TimelineWindow {
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface TimelineRecord {
  /** The relationship's start date, else the date of the event at its other end. */
  readonly date: string;
  readonly relationship: RelationshipRecord;
}

/** Shared caps, so both adapters truncate at the same point. */
export const TRAVERSAL_CAPS = {
  /** Relationships returned with one neighbourhood. */
  SUBGRAPH_RELATIONSHIPS: 5000,
  /** Shortest paths enumerated before ordering and cutting to `first`. */
  PATHS_ENUMERATED: 10000,
  /** Timeline items for one entity. */
  TIMELINE_ITEMS: 2000,
} as const;

export interface GraphTraversals {
  /**
   * Shortest paths of minimal length (<= maxHops), at most `first`, ordered step by step by
   * (next node id, relationship id). Empty when none.
   */
  shortestPaths(request: PathRequest): Promise<PathRecord[]>;
  /**
   * Breadth-first ego network: layer by layer, each layer's new nodes by id; when a layer would
   * pass `limit` nodes, its first ones by id fill up to `limit` and `truncated` is set.
   */
  neighborhood(request: NeighborhoodRequest): Promise<SubgraphRecord>;
  /** Entities sharing events with `id`, most shared first, then by name, then id. */
  coParticipants(request: CoParticipationRequest): Promise<CoParticipationRecord[]>;
  /** Per id, its dated relationships (both directions), by date, then type, then id. */
  timelines(ids: readonly string[], window: TimelineWindow): Promise<TimelineRecord[][]>;
}
