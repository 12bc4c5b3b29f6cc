import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { compareStrings } from '../../domain/compare';
import { EntityKind } from '../../domain/enums';
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
import { int, run, type Neo4jRunner } from './driver';
import { relationshipFromRow, type Props, type RelationshipRow } from './mapping';
import { nonEmpty, typeNames } from './params';
import * as T from './traversal-cypher';

/**
 * The traversal port over Cypher, answer for answer the embedded adapter's
 * (src/adapters/embedded/traversals.ts): same ids, same orders, same truncation. Each method is
 * one read transaction; the neighbourhood takes one query per layer, because each layer is cut
 * by id before the next one grows from it.
 */

const EMPTY_SUBGRAPH: SubgraphRecord = { nodeIds: [], relationships: [], truncated: false };

export async function shortestPaths(runner: Neo4jRunner, request: PathRequest): Promise<PathRecord[]> {
  const { fromId, toId, maxHops, direction, first } = request;
  if (maxHops > T.MAX_PATH_HOPS) {
    throw new Error(`shortestPaths supports maxHops up to ${T.MAX_PATH_HOPS}; got ${maxHops}`);
  }
  return runner.read('shortestPaths', async (tx) => {
    if (fromId === toId) return (await exists(tx, fromId)) ? [{ nodeIds: [fromId], relationships: [] }] : [];
    if (maxHops < 1 || first < 1) return [];
    const types = nonEmpty(request.types);
    const variant = T.SHORTEST_PATHS[direction][Math.trunc(maxHops) - 1]!;
    const records = await run(tx, types ? variant.typed : variant.untyped, {
      fromId,
      toId,
      types: types && typeNames(types),
      enumerated: int(TRAVERSAL_CAPS.PATHS_ENUMERATED),
      first: int(first),
    });
    return records.map((r) => ({
      nodeIds: r.get('nodeIds') as string[],
      relationships: (r.get('rows') as RelationshipRow[]).map(relationshipFromRow),
    }));
  });
}

export function neighborhood(runner: Neo4jRunner, request: NeighborhoodRequest): Promise<SubgraphRecord> {
  const types = nonEmpty(request.types);
  const params = { types: types && typeNames(types), kinds: nonEmpty(request.kinds) };
  return runner.read('neighborhood', async (tx) => {
    const kept = new Set<string>([request.id]);
    const order = [request.id];
    let truncated = false;
    let layer = [request.id];
    for (let d = 0; d < Math.max(request.depth, 1) && layer.length > 0 && !truncated; d++) {
      const room = request.limit - order.length;
      // The first (room + kept + 1) neighbours by id hold the first room + 1 new ones, if there are that many.
      const take = Math.max(room, 0) + kept.size + 1;
      const [record] = await run(tx, T.NEIGHBOR_LAYER, { ...params, centre: request.id, layer, take: int(take) });
      if (d === 0 && record?.get('found') !== true) return EMPTY_SUBGRAPH;
      // Depth 0 still asks for the first layer, which is the existence check.
      if (d >= request.depth) break;
      const next = ((record?.get('ids') as string[] | undefined) ?? []).filter((id) => !kept.has(id)).sort(compareStrings);
      if (next.length > room) {
        truncated = true;
        next.length = Math.max(room, 0);
      }
      for (const id of next) {
        kept.add(id);
        order.push(id);
      }
      layer = next;
    }
    const rows = await run(tx, T.SUBGRAPH_RELATIONSHIPS, {
      ids: order,
      types: params.types,
      cap: int(TRAVERSAL_CAPS.SUBGRAPH_RELATIONSHIPS + 1),
    });
    const relationships = rows.map((r) => relationshipFromRow(rowOf(r)));
    if (relationships.length > TRAVERSAL_CAPS.SUBGRAPH_RELATIONSHIPS) {
      relationships.length = TRAVERSAL_CAPS.SUBGRAPH_RELATIONSHIPS;
      truncated = true;
    }
    return { nodeIds: order, relationships, truncated };
  });
}

export async function coParticipants(runner: Neo4jRunner, request: CoParticipationRequest): Promise<CoParticipationRecord[]> {
  if (request.first < 1 || request.types.length === 0) return [];
  const records = await runner.read('coParticipants', (tx) =>
    run(tx, T.CO_PARTICIPANTS, { id: request.id, types: typeNames(request.types), first: int(request.first) }),
  );
  return records.map((r) => ({
    entityId: r.get('entityId') as string,
    count: r.get('count') as number,
    eventIds: r.get('eventIds') as string[],
  }));
}

export async function timelines(runner: Neo4jRunner, ids: readonly string[], window: TimelineWindow): Promise<TimelineRecord[][]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const records = await runner.read('timelines', (tx) =>
    run(tx, T.TIMELINES, {
      ids: unique,
      // An empty bound is no bound, as in the embedded store.
      from: window.from || null,
      to: window.to || null,
      eventKind: EntityKind.EVENT,
      cap: int(TRAVERSAL_CAPS.TIMELINE_ITEMS),
    }),
  );
  const byId = new Map<string, TimelineRecord[]>();
  for (const r of records) {
    const id = r.get('id') as string;
    const items = byId.get(id) ?? [];
    items.push({ date: r.get('date') as string, relationship: relationshipFromRow(rowOf(r)) });
    byId.set(id, items);
  }
  // The cut happened in Cypher, in this same order; sorting again here only spares relying on a
  // subquery's rows keeping their order on the way out.
  for (const items of byId.values()) items.sort(compareTimelineItems);
  return ids.map((id) => byId.get(id) ?? []);
}

function compareTimelineItems(a: TimelineRecord, b: TimelineRecord): number {
  return (
    compareStrings(a.date, b.date) ||
    compareStrings(a.relationship.type, b.relationship.type) ||
    compareStrings(a.relationship.id, b.relationship.id)
  );
}

/** A record with type, fromId, toId and props columns as the mapping's row. */
function rowOf(record: Neo4jRecord): RelationshipRow {
  return {
    type: record.get('type') as string,
    fromId: record.get('fromId') as string,
    toId: record.get('toId') as string,
    props: record.get('props') as Props,
  };
}

async function exists(tx: ManagedTransaction, id: string): Promise<boolean> {
  const [record] = await run(tx, T.ENTITY_EXISTS, { id });
  return record?.get('found') === true;
}
