import { EntityKind } from '../src/domain/enums';
import { PARTICIPATION_TYPES } from '../src/domain/participation';
import type { GraphBatch } from '../src/ports/graph-store';
import { buildSearchDoc } from '../src/search/search-doc';

/**
 * The workloads' parameters, picked from the loaded data itself (deterministically: every tie goes
 * to the smaller id), so a change of --scale or of the generator cannot leave a workload asking
 * about an entity that is not there, or about one so small it measures nothing.
 */
export interface WorkloadParams {
  /** W1: the person with the most relationships. */
  readonly personId: string;
  /** W2, W3: the event with the most participants. */
  readonly eventId: string;
  /** W4: a word that prefixes a name token of several entities, and no more than SEARCH_FIRST. */
  readonly searchTerm: string;
  readonly searchHits: number;
  /** W5: the person with the most distinct co-participants that one answer (CO_PARTICIPANTS_FIRST) holds. */
  readonly coParticipantId: string;
  readonly coParticipants: number;
  /** W6: the entity with the largest depth-2 neighbourhood that NEIGHBORHOOD_LIMIT holds whole. */
  readonly hubId: string;
  readonly hubNodes: number;
  readonly hubRelationships: number;
}

/** Ours caps a search page at this (`first`); the term is picked so no hit falls off it. */
export const SEARCH_FIRST = 50;
/** The API's largest neighbourhood `limit` (graphql/traversal/bounds.ts MAX_LIMIT). */
export const NEIGHBORHOOD_LIMIT = 1000;
/** Ours truncates a subgraph's relationships here (ports/traversals.ts SUBGRAPH_RELATIONSHIPS). */
const SUBGRAPH_RELATIONSHIPS_CAP = 5000;
/** Co-participants asked for: the largest `first` the API takes, so the answer is whole. */
export const CO_PARTICIPANTS_FIRST = 1000;

interface Rel {
  readonly from: number;
  readonly to: number;
  readonly participation: boolean;
}

/** The loaded graph, reduced to what picking needs: kinds, search tokens and the edges by index. */
export class GraphIndex {
  private readonly ids: string[] = [];
  private readonly kinds: EntityKind[] = [];
  private readonly tokens: (readonly string[])[] = [];
  private readonly position = new Map<string, number>();
  private readonly rels: Rel[] = [];

  add(batch: GraphBatch): void {
    for (const e of batch.entities) {
      if (this.position.has(e.id)) continue;
      this.position.set(e.id, this.ids.length);
      this.ids.push(e.id);
      this.kinds.push(e.kind);
      this.tokens.push(buildSearchDoc(e.name, e.aliases).tokens);
    }
    for (const r of batch.relationships) {
      const from = this.position.get(r.fromId);
      const to = this.position.get(r.toId);
      if (from === undefined || to === undefined) throw new Error(`relationship ${r.id} names an entity not loaded before it`);
      this.rels.push({ from, to, participation: r.type in PARTICIPATION_TYPES && this.kinds[to] === EntityKind.EVENT });
    }
  }

  get entityCount(): number {
    return this.ids.length;
  }

  get relationshipCount(): number {
    return this.rels.length;
  }

  pick(): WorkloadParams {
    const n = this.ids.length;
    const adjacency: number[][] = Array.from({ length: n }, () => []);
    const participants: number[][] = Array.from({ length: n }, () => []);
    const eventsOf: number[][] = Array.from({ length: n }, () => []);
    for (const r of this.rels) {
      adjacency[r.from]!.push(r.to);
      if (r.from !== r.to) adjacency[r.to]!.push(r.from);
      if (r.participation) {
        participants[r.to]!.push(r.from);
        eventsOf[r.from]!.push(r.to);
      }
    }
    const people = this.ofKind(EntityKind.PERSON);
    const personId = this.best(people, (i) => adjacency[i]!.length);
    const eventId = this.best(this.ofKind(EntityKind.EVENT), (i) => participants[i]!.length);
    const coCount = (i: number): number => {
      const others = new Set<number>();
      for (const e of new Set(eventsOf[i])) for (const p of participants[e]!) if (p !== i) others.add(p);
      return others.size;
    };
    // Whole answers only: a cut at `first` would rest on tie-breaking by name, which stores may order differently.
    const coParticipantId = this.best(people, (i) => {
      const c = coCount(i);
      return c <= CO_PARTICIPANTS_FIRST ? c : -1;
    });
    const search = this.searchTerm();
    const hub = this.hub(adjacency);
    return {
      personId,
      eventId,
      searchTerm: search.term,
      searchHits: search.hits,
      coParticipantId,
      coParticipants: coCount(this.position.get(coParticipantId)!),
      hubId: this.ids[hub.index]!,
      hubNodes: hub.nodes,
      hubRelationships: hub.relationships,
    };
  }

  private ofKind(kind: EntityKind): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.ids.length; i++) if (this.kinds[i] === kind) out.push(i);
    if (out.length === 0) throw new Error(`the data set has no ${kind}`);
    return out;
  }

  /** The id of the candidate with the highest score (a negative score rules one out); ties to the smaller id. */
  private best(candidates: readonly number[], score: (i: number) => number): string {
    let best = -1;
    let bestScore = -1;
    for (const i of candidates) {
      const s = score(i);
      if (s < 0) continue;
      if (s > bestScore || (s === bestScore && this.ids[i]! < this.ids[best]!)) {
        best = i;
        bestScore = s;
      }
    }
    if (best < 0) throw new Error('no entity of the data set fits a workload; try another --scale');
    return this.ids[best]!;
  }

  /**
   * A lower-case word of at least 5 letters whose prefix query hits the most entities up to
   * SEARCH_FIRST (at least 2); ties alphabetically. A hit is an entity with a search token (name
   * or alias word, or acronym) starting with the word: the match rule of src/search/score.ts.
   */
  private searchTerm(): { term: string; hits: number } {
    const pairs: [string, number][] = [];
    for (let i = 0; i < this.tokens.length; i++) for (const t of this.tokens[i]!) pairs.push([t, i]);
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const words = [...new Set(pairs.map(([t]) => t).filter((t) => /^[a-z]{5,}$/.test(t)))];
    let best = { term: '', hits: 0 };
    for (const word of words) {
      const hits = new Set<number>();
      for (let k = lowerBound(pairs, word); k < pairs.length && pairs[k]![0].startsWith(word); k++) hits.add(pairs[k]![1]);
      if (hits.size <= SEARCH_FIRST && hits.size > best.hits) best = { term: word, hits: hits.size };
    }
    if (best.hits < 2) throw new Error('no search term hits between 2 and ' + SEARCH_FIRST + ' entities');
    return best;
  }

  /**
   * The entity whose whole depth-2 neighbourhood (nodes within two relationships, either
   * direction) is largest while NEIGHBORHOOD_LIMIT still holds it and ours does not cap its
   * relationships: an answer that no system cuts, so no tie-breaking at a cut can differ.
   */
  private hub(adjacency: readonly number[][]): { index: number; nodes: number; relationships: number } {
    const order = [...adjacency.keys()].sort((a, b) => adjacency[b]!.length - adjacency[a]!.length || (this.ids[a]! < this.ids[b]! ? -1 : 1));
    let best = { index: -1, nodes: 0, relationships: 0 };
    for (const centre of order) {
      if (adjacency[centre]!.length + 1 <= best.nodes) continue;
      const ball = this.ball(adjacency, centre);
      if (ball === null || ball.size <= best.nodes) continue;
      const relationships = this.rels.filter((r) => ball.has(r.from) && ball.has(r.to)).length;
      if (relationships <= SUBGRAPH_RELATIONSHIPS_CAP) best = { index: centre, nodes: ball.size, relationships };
    }
    if (best.index < 0) throw new Error('no entity has a depth-2 neighbourhood of at most ' + NEIGHBORHOOD_LIMIT + ' nodes');
    return best;
  }

  /** The depth-2 ball around `centre`, or null once it exceeds NEIGHBORHOOD_LIMIT. */
  private ball(adjacency: readonly number[][], centre: number): Set<number> | null {
    const seen = new Set<number>([centre]);
    let layer = [centre];
    for (let depth = 0; depth < 2; depth++) {
      const next: number[] = [];
      for (const node of layer) {
        for (const m of adjacency[node]!) {
          if (seen.has(m)) continue;
          seen.add(m);
          next.push(m);
          if (seen.size > NEIGHBORHOOD_LIMIT) return null;
        }
      }
      layer = next;
    }
    return seen;
  }
}

function lowerBound(pairs: readonly [string, number][], word: string): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid]![0] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

