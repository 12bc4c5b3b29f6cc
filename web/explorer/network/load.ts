import type { ElementDefinition } from 'cytoscape';
import { gql, notFound } from '../api';
import { ENTITY_NAMES, NEIGHBORHOOD, SOURCE_TITLES } from '../queries';
import type { EntityKind, RelationshipType } from '../types';

export interface NeighborhoodFilter {
  readonly depth: number;
  readonly types: ReadonlyArray<RelationshipType>;
  readonly kinds: ReadonlyArray<EntityKind>;
  readonly limit: number;
}

export interface Neighborhood {
  readonly elements: ElementDefinition[];
  readonly truncated: boolean;
}

/** The API's `neighborhood`, as the Cytoscape.js elements it already emits. */
export async function loadNeighborhood(id: string, filter: NeighborhoodFilter, signal?: AbortSignal): Promise<Neighborhood> {
  const data = await gql<{ neighborhood: { truncated: boolean; cytoscape: ElementDefinition[] } }>(
    NEIGHBORHOOD,
    {
      id,
      depth: filter.depth,
      limit: filter.limit,
      types: filter.types.length > 0 ? filter.types : null,
      kinds: filter.kinds.length > 0 ? filter.kinds : null,
    },
    signal,
  );
  return { elements: data.neighborhood.cytoscape, truncated: data.neighborhood.truncated };
}

export interface Drawing extends Neighborhood {
  readonly rootName: string;
  /** The nodes whose neighbours were added (depth 1 each), in order. */
  readonly expanded: string[];
}

/** The neighbourhood of `id`, then each of `expand` expanded in turn: what a network URL names. */
export async function loadDrawing(id: string, filter: NeighborhoodFilter, expand: ReadonlyArray<string>, signal: AbortSignal): Promise<Drawing> {
  const base = await loadNeighborhood(id, filter, signal);
  const root = base.elements.find((e) => e.group === 'nodes' && e.data.id === id);
  // Filters can leave out the entity itself; an empty answer may also mean there is no such id.
  let rootName = typeof root?.data.label === 'string' ? root.data.label : null;
  if (rootName === null) {
    const data = await gql<{ entity: { name: string } | null }>(ENTITY_NAMES, { id }, signal);
    if (data.entity === null) throw notFound('entity', id);
    rootName = data.entity.name;
  }
  let { elements, truncated } = base;
  const expanded: string[] = [];
  for (const nodeId of expand) {
    if (expanded.includes(nodeId) || !elements.some((e) => e.group === 'nodes' && e.data.id === nodeId)) continue;
    const more = await loadNeighborhood(nodeId, { ...filter, depth: 1 }, signal);
    elements = mergeElements(elements, more.elements);
    truncated ||= more.truncated;
    expanded.push(nodeId);
  }
  return { elements, truncated, rootName, expanded };
}

/** `base` plus the elements of `more` it does not have yet. */
export function mergeElements(base: ElementDefinition[], more: ElementDefinition[]): ElementDefinition[] {
  const ids = new Set(base.map((e) => e.data.id));
  return [...base, ...more.filter((e) => !ids.has(e.data.id))];
}

let titles: Promise<Map<string, string>> | null = null;

/** Source titles by id, fetched once: edge data names only the source id. */
export function sourceTitles(): Promise<Map<string, string>> {
  titles ??= gql<{ sources: Array<{ id: string; title: string }> }>(SOURCE_TITLES).then(
    (d) => new Map(d.sources.map((s) => [s.id, s.title])),
    (error: unknown) => {
      titles = null;
      throw error;
    },
  );
  return titles;
}
