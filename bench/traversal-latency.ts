import { Direction } from '../src/domain/enums';
import { typesForRoles } from '../src/domain/participation';
import type { TraversalStore } from './traversal-store';
import { measure, type Latency } from './stats';

export interface LatencyFigure {
  readonly measure: string;
  readonly latency: Latency;
  /** What one call returned, to show the work was real. */
  readonly answer: string;
}

export interface Probes {
  readonly hubs: readonly string[];
  readonly ordinary: readonly string[];
}

const RUNS = 200;
/** Unmeasured calls first: JIT on our side, plan cache and page cache on Neo4j's. */
const WARMUP = 20;

/** Hub pairs, taken in turn: (1,2), (1,3), (2,3), (1,4), ... */
function hubPairs(hubs: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let j = 1; j < hubs.length; j++) for (let i = 0; i < j; i++) pairs.push([hubs[i]!, hubs[j]!]);
  return pairs;
}

async function timed(runs: number, once: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < WARMUP; i++) await once(i);
  return measure(runs, once);
}

export async function measureTraversals(store: TraversalStore, probes: Probes): Promise<LatencyFigure[]> {
  const pairs = hubPairs(probes.hubs);
  const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
  const figures: LatencyFigure[] = [];

  let lengths = new Set<number>();
  const paths = await timed(RUNS, async (i) => {
    const [fromId, toId] = pick(pairs, i);
    const found = await store.shortestPaths({ fromId, toId, maxHops: 6, direction: Direction.BOTH, first: 10 });
    lengths.add(found[0]?.relationships.length ?? -1);
  });
  figures.push({ measure: 'shortestPaths hub-hub (BOTH, maxHops 6, first 10)', latency: paths, answer: `length ${[...lengths].join('/')}` });

  for (const [label, centres] of [['hubs', probes.hubs], ['ordinary', probes.ordinary]] as const) {
    let nodes = 0;
    let rels = 0;
    const latency = await timed(RUNS, async (i) => {
      const sub = await store.neighborhood({ id: pick(centres, i), depth: 2, limit: 1000 });
      nodes = Math.max(nodes, sub.nodeIds.length);
      rels = Math.max(rels, sub.relationships.length);
    });
    figures.push({ measure: `neighborhood depth 2 limit 1000, ${label}`, latency, answer: `<= ${nodes} nodes, ${rels} rels` });
  }

  lengths = new Set<number>();
  const ordinaryPaths = await timed(RUNS, async (i) => {
    const found = await store.shortestPaths({
      fromId: pick(probes.ordinary, i),
      toId: pick(probes.ordinary, i + 1),
      maxHops: 6,
      direction: Direction.BOTH,
      first: 10,
    });
    lengths.add(found[0]?.relationships.length ?? -1);
  });
  figures.push({ measure: 'shortestPaths ordinary pairs (BOTH, maxHops 6)', latency: ordinaryPaths, answer: `lengths ${[...lengths].sort().join('/')}` });

  const types = typesForRoles(null);
  let coCount = 0;
  const co = await timed(RUNS, async (i) => {
    coCount = (await store.coParticipants({ id: pick([...probes.hubs.slice(0, 1), ...probes.ordinary], i), types, first: 100 })).length;
  });
  figures.push({ measure: 'coParticipants first 100 (hub 1 and ordinary)', latency: co, answer: `last ${coCount} entities` });

  let items = 0;
  const timeline = await timed(RUNS, async (i) => {
    const [items0] = await store.timelines([pick(probes.ordinary, i)], { from: '2010', to: '2020-06' });
    items = items0?.length ?? 0;
  });
  figures.push({ measure: 'timelines, one ordinary id, window 2010..2020-06', latency: timeline, answer: `last ${items} items` });
  return figures;
}
