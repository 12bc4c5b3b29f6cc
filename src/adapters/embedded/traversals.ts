import { compareNullableStrings, compareStrings } from '../../domain/compare';
import { timelineDate } from '../../domain/date-window';
import { Direction, EntityKind, type RelationshipType } from '../../domain/enums';
import type { RelationshipRecord } from '../../domain/records';
import type { Graph } from './graph-types';
import type { Deadline } from '../../ports/deadline';
import {
  TRAVERSAL_CAPS,
  type CoParticipationRecord,
  type CoParticipationRequest,
  type NeighborhoodRequest,
  type PathRecord,
  type PathRequest,
  type SubgraphRecord,
  type TimelineRecord,
  type TimelineWindow,
} from '../../ports/traversals';


interface Step {
  readonly node: string;
  readonly rel: RelationshipRecord;
}

/** The steps one can take from `id`: along `direction`, restricted to `types`. */
function stepsFrom(graph: Graph, id: string, direction: Direction, types: ReadonlySet<RelationshipType> | null): Step[] {
  const steps: Step[] = [];
  const take = (edge: string, node: string): void => {
    const rel = graph.getEdgeAttributes(edge);
    if (!types || types.has(rel.type)) steps.push({ node, rel });
  };
  if (direction !== Direction.INCOMING) graph.forEachOutEdge(id, (e, _a, _s, target) => take(e, target));
  if (direction !== Direction.OUTGOING) {
    graph.forEachInEdge(id, (e, _a, source, target) => {
      // A self-loop was already taken as an out-edge.
      if (direction === Direction.BOTH && source === target) return;
      take(e, source);
    });
  }
  return steps;
}

function reverse(direction: Direction): Direction {
  return direction === Direction.OUTGOING ? Direction.INCOMING : direction === Direction.INCOMING ? Direction.OUTGOING : Direction.BOTH;
}

const compareSteps = (a: Step, b: Step): number => compareStrings(a.node, b.node) || compareStrings(a.rel.id, b.rel.id);

// Every traversal checks the operation's budget (src/ports/deadline.ts; null: unbounded) before it
// starts and then per node of a layer: a walk past its budget stops before the next node's edges.

export function shortestPaths(graph: Graph, request: PathRequest, deadline: Deadline | null): PathRecord[] {
  deadline?.check();
  const { fromId, toId, maxHops, direction, first } = request;
  if (!graph.hasNode(fromId) || !graph.hasNode(toId)) return [];
  if (fromId === toId) return [{ nodeIds: [fromId], relationships: [] }];
  const types = request.types?.length ? new Set(request.types) : null;

  // Steps that reach the target, seen from its side: meeting them ends the search one layer early.
  const intoTarget = new Map<string, Step[]>();
  for (const s of stepsFrom(graph, toId, reverse(direction), types)) {
    const list = intoTarget.get(s.node) ?? [];
    list.push({ node: toId, rel: s.rel });
    intoTarget.set(s.node, list);
  }
  const distance = new Map<string, number>([[fromId, 0]]);
  const predecessors = new Map<string, Step[]>();
  let layer = [fromId];
  let hops = 0;
  while (layer.length > 0 && hops < maxHops) {
    const meeting = layer.filter((n) => intoTarget.has(n));
    if (meeting.length > 0) {
      predecessors.set(toId, meeting.flatMap((n) => intoTarget.get(n)!.map((s) => ({ node: n, rel: s.rel }))));
      return enumeratePaths(fromId, toId, hops + 1, distance, predecessors, first);
    }
    if (hops + 1 >= maxHops) break;
    const next: string[] = [];
    for (const node of layer) {
      deadline?.check();
      for (const s of stepsFrom(graph, node, direction, types)) {
        if (s.node === toId) continue;
        const d = distance.get(s.node);
        if (d === undefined) {
          distance.set(s.node, hops + 1);
          next.push(s.node);
          predecessors.set(s.node, [{ node, rel: s.rel }]);
        } else if (d === hops + 1) {
          predecessors.get(s.node)!.push({ node, rel: s.rel });
        }
      }
    }
    layer = next;
    hops++;
  }
  return [];
}

/** Walks the shortest-path DAG forward in (node id, relationship id) order: the first paths come out first. */
function enumeratePaths(
  fromId: string,
  toId: string,
  length: number,
  distance: ReadonlyMap<string, number>,
  predecessors: ReadonlyMap<string, Step[]>,
  first: number,
): PathRecord[] {
  const successors = new Map<string, Step[]>();
  const onPath = new Set<string>([toId]);
  const queue = [toId];
  while (queue.length > 0) {
    const node = queue.pop()!;
    for (const p of predecessors.get(node) ?? []) {
      if (node !== toId && distance.get(p.node) !== distance.get(node)! - 1) continue;
      const list = successors.get(p.node) ?? [];
      list.push({ node, rel: p.rel });
      successors.set(p.node, list);
      if (!onPath.has(p.node)) {
        onPath.add(p.node);
        queue.push(p.node);
      }
    }
  }
  for (const list of successors.values()) list.sort(compareSteps);
  const paths: PathRecord[] = [];
  const nodes = [fromId];
  const rels: RelationshipRecord[] = [];
  const walk = (node: string): void => {
    if (paths.length >= first) return;
    if (node === toId) {
      paths.push({ nodeIds: [...nodes], relationships: [...rels] });
      return;
    }
    if (rels.length >= length) return;
    for (const s of successors.get(node) ?? []) {
      nodes.push(s.node);
      rels.push(s.rel);
      walk(s.node);
      nodes.pop();
      rels.pop();
      if (paths.length >= first) return;
    }
  };
  walk(fromId);
  return paths;
}

export function neighborhood(graph: Graph, request: NeighborhoodRequest, deadline: Deadline | null): SubgraphRecord {
  deadline?.check();
  if (!graph.hasNode(request.id)) return { nodeIds: [], relationships: [], truncated: false };
  const types = request.types?.length ? new Set(request.types) : null;
  const kinds = request.kinds?.length ? new Set<EntityKind>(request.kinds) : null;
  const kept = new Set<string>([request.id]);
  const order = [request.id];
  let truncated = false;
  let layer = [request.id];
  for (let d = 0; d < request.depth && layer.length > 0 && !truncated; d++) {
    const found = new Set<string>();
    for (const node of layer) {
      deadline?.check();
      for (const s of stepsFrom(graph, node, Direction.BOTH, types)) {
        if (kept.has(s.node) || found.has(s.node)) continue;
        if (kinds && !kinds.has(graph.getNodeAttributes(s.node).kind)) continue;
        found.add(s.node);
      }
    }
    const next = [...found].sort(compareStrings);
    const room = request.limit - order.length;
    if (next.length > room) {
      truncated = true;
      next.length = Math.max(room, 0);
    }
    for (const n of next) {
      kept.add(n);
      order.push(n);
    }
    layer = next;
  }
  deadline?.check();
  const relationships: RelationshipRecord[] = [];
  for (const node of order) {
    graph.forEachOutEdge(node, (_e, attributes, _s, target) => {
      if (kept.has(target) && (!types || types.has(attributes.type))) relationships.push(attributes);
    });
  }
  relationships.sort((a, b) => compareStrings(a.id, b.id));
  if (relationships.length > TRAVERSAL_CAPS.SUBGRAPH_RELATIONSHIPS) {
    relationships.length = TRAVERSAL_CAPS.SUBGRAPH_RELATIONSHIPS;
    truncated = true;
  }
  return { nodeIds: order, relationships, truncated };
}

export function coParticipants(graph: Graph, request: CoParticipationRequest, deadline: Deadline | null): CoParticipationRecord[] {
  deadline?.check();
  if (!graph.hasNode(request.id)) return [];
  const types = new Set(request.types);
  const events = new Set<string>();
  graph.forEachOutEdge(request.id, (_e, a, _s, target) => {
    if (types.has(a.type) && graph.getNodeAttributes(target).kind === EntityKind.EVENT) events.add(target);
  });
  const shared = new Map<string, Set<string>>();
  for (const event of events) {
    deadline?.check();
    graph.forEachInEdge(event, (_e, a, source) => {
      if (source === request.id || !types.has(a.type)) return;
      const set = shared.get(source) ?? new Set<string>();
      set.add(event);
      shared.set(source, set);
    });
  }
  const eventOrder = (a: string, b: string): number =>
    compareNullableStrings(graph.getNodeAttributes(a).date, graph.getNodeAttributes(b).date, true) ||
    compareStrings(a, b);
  return [...shared.entries()]
    .map(([entityId, set]) => ({ entityId, count: set.size, name: graph.getNodeAttributes(entityId).name, set }))
    .sort((a, b) => b.count - a.count || compareStrings(a.name, b.name) || compareStrings(a.entityId, b.entityId))
    .slice(0, request.first)
    .map(({ entityId, count, set }) => ({ entityId, count, eventIds: [...set].sort(eventOrder) }));
}

export function timeline(graph: Graph, id: string, request: TimelineWindow, deadline: Deadline | null): TimelineRecord[] {
  deadline?.check();
  if (!graph.hasNode(id)) return [];
  const items: TimelineRecord[] = [];
  for (const { node, rel } of stepsFrom(graph, id, Direction.BOTH, null)) {
    const other = graph.getNodeAttributes(node);
    const date = timelineDate(rel.startDate, other.kind === EntityKind.EVENT ? other.date : null);
    if (date === null) continue;
    if (request.from && date < request.from && !request.from.startsWith(date)) continue;
    if (request.to && date > request.to && !date.startsWith(request.to)) continue;
    items.push({ date, relationship: rel });
  }
  items.sort(
    (a, b) =>
      compareStrings(a.date, b.date) ||
      compareStrings(a.relationship.type, b.relationship.type) ||
      compareStrings(a.relationship.id, b.relationship.id),
  );
  return items.slice(0, TRAVERSAL_CAPS.TIMELINE_ITEMS);
}
