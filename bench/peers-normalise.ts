import type { SystemName } from './peers-systems';
import { PEER_ROLE_FIELDS, type WorkloadId } from './peers-workloads';

/**
 * Every system's answer to a workload, reduced to one canonical value: the same fields, lists in
 * a fixed order (sorted by content where the order is not part of the question; kept where it is,
 * as in W3's "first 5 by type, then id"). Two systems agree when their canonical values are equal
 * as JSON. A shape a normaliser does not expect throws, naming the field, rather than passing.
 */

type Json = unknown;
type Obj = Record<string, Json>;

function obj(value: Json, where: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: expected an object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value as Obj;
}

function list(value: Json, where: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

function sorted<T>(values: T[]): T[] {
  return values.map((v) => [JSON.stringify(v), v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

const idName = (value: Json, where: string): [string, string] | null => {
  if (value === null) return null;
  const o = obj(value, where);
  return [o['id'] as string, o['name'] as string];
};

/** Ours (either store) and the hand-written server: our API's `data`. */
const OURS: Readonly<Record<WorkloadId, (data: Obj) => Json>> = {
  W1: (data) => {
    const e = obj(data['entity'], 'entity');
    const evidence = list(e['evidence'], 'entity.evidence').map((x) => [obj(x, 'evidence')['confidence'], obj(x, 'evidence')['quote']]);
    return { id: e['id'], kind: e['kind'], name: e['name'], aliases: sorted(list(e['aliases'], 'aliases')), description: e['description'], evidence: sorted(evidence) };
  },
  W2: (data) =>
    sorted(
      participants(data).map((p) => [p['role'], p['capacity'] ?? null, ...idName(p['entity'], 'participant.entity')!, idName(p['onBehalfOf'] ?? null, 'onBehalfOf')]),
    ),
  W3: (data) =>
    sorted(
      participants(data).map((p) => {
        const entity = obj(p['entity'], 'participant.entity');
        const edges = list(obj(entity['relationships'], 'relationships')['edges'], 'relationships.edges');
        const links = edges.map((edge) => {
          const r = obj(obj(edge, 'edge')['node'], 'edge.node');
          const from = obj(r['from'], 'from');
          const to = obj(r['to'], 'to');
          const other = from['id'] === entity['id'] ? to : from;
          return [r['id'], r['type'], other['id'], other['name']];
        });
        return [p['role'], entity['id'], entity['name'], links];
      }),
    ),
  W4: (data) => sorted(list(obj(data['search'], 'search')['edges'], 'search.edges').map((e) => idName(obj(e, 'edge')['node'], 'edge.node'))),
  W5: (data) =>
    sorted(
      list(data['coParticipants'], 'coParticipants').map((c) => {
        const o = obj(c, 'coParticipant');
        return [...idName(o['entity'], 'entity')!, o['count'], sorted(list(o['events'], 'events').map((e) => obj(e, 'event')['id']))];
      }),
    ),
  W6: (data) => {
    const s = obj(data['neighborhood'], 'neighborhood');
    return {
      truncated: s['truncated'],
      nodes: sorted(list(s['nodes'], 'nodes').map((n) => idName(n, 'node'))),
      relationships: sorted(
        list(s['relationships'], 'relationships').map((x) => {
          const r = obj(x, 'relationship');
          return [r['id'], r['type'], obj(r['from'], 'from')['id'], obj(r['to'], 'to')['id']];
        }),
      ),
    };
  },
};

function participants(data: Obj): Obj[] {
  const event = obj(data['entity'], 'entity');
  return list(event['participants'], 'entity.participants').map((p) => obj(p, 'participant'));
}

/** @neo4j/graphql: its generated queries' `data` (see PEER in ./peers-workloads). */
const PEER: Readonly<Record<WorkloadId, (data: Obj) => Json>> = {
  W1: (data) => {
    const [e] = list(data['entities'], 'entities').map((x) => obj(x, 'entity'));
    if (!e) throw new Error('entities: no entity with that id');
    const quotes = list(e['evidenceQuotes'], 'evidenceQuotes');
    const confidences = list(e['evidenceConfidences'], 'evidenceConfidences');
    return {
      id: e['id'],
      kind: e['kind'],
      name: e['name'],
      aliases: sorted(list(e['aliases'], 'aliases')),
      description: e['description'],
      evidence: sorted(quotes.map((q, i) => [confidences[i], q])),
    };
  },
  W2: (data) =>
    sorted(
      peerEdges(data).map(({ role, edge }) => {
        const props = obj(edge['properties'], 'properties');
        return [role, props['role'] ?? null, ...idName(edge['node'], 'node')!, idName(props['onBehalfOf'] ?? null, 'onBehalfOf')];
      }),
    ),
  W3: (data) =>
    sorted(
      peerEdges(data).map(({ role, edge }) => {
        const node = obj(edge['node'], 'node');
        const links = list(node['links'], 'links').map((x) => {
          const l = obj(x, 'link');
          return [l['id'], l['type'], l['otherId'], l['otherName']];
        });
        return [role, node['id'], node['name'], links];
      }),
    ),
  W4: (data) => sorted(list(data['searchEntities'], 'searchEntities').map((n) => idName(n, 'entity'))),
  W5: (data) =>
    sorted(
      list(data['coParticipants'], 'coParticipants').map((c) => {
        const o = obj(c, 'coParticipant');
        return [...idName(o['entity'], 'entity')!, o['count'], sorted(list(o['events'], 'events').map((e) => obj(e, 'event')['id']))];
      }),
    ),
  W6: (data) => {
    const s = obj(data['neighborhood'], 'neighborhood');
    return {
      truncated: s['truncated'],
      nodes: sorted(list(s['nodes'], 'nodes').map((n) => idName(n, 'node'))),
      relationships: sorted(
        list(s['relationships'], 'relationships').map((x) => {
          const r = obj(x, 'relationship');
          return [r['id'], r['type'], r['fromId'], r['toId']];
        }),
      ),
    };
  },
};

function peerEdges(data: Obj): { role: string; edge: Obj }[] {
  const [event] = list(data['events'], 'events').map((x) => obj(x, 'event'));
  if (!event) throw new Error('events: no event with that id');
  return PEER_ROLE_FIELDS.flatMap(([field, role]) =>
    list(obj(event[`${field}Connection`], `${field}Connection`)['edges'], `${field}Connection.edges`).map((edge) => ({ role, edge: obj(edge, 'edge') })),
  );
}

/** The canonical value of one response body (`{"data": ...}`). */
export function normalise(workload: WorkloadId, system: SystemName, body: Json): Json {
  const data = obj(obj(body, 'response')['data'], 'data');
  if (system === 'neo4j-graphql') return PEER[workload](data);
  if (system === 'bare') throw new Error('the bare server answers no workload');
  return OURS[workload](data);
}

/** `--inject-difference`: the answer with its first string changed, so the check must catch it. */
export function perturb(value: Json): Json {
  let done = false;
  const walk = (v: Json): Json => {
    if (done) return v;
    if (typeof v === 'string') {
      done = true;
      return `${v} (injected difference)`;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** A readable difference of two canonical values, or null when they are equal. */
export function difference(expected: Json, actual: Json, path = '$'): string | null {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const a = new Set(expected.map((x) => JSON.stringify(x)));
    const b = new Set(actual.map((x) => JSON.stringify(x)));
    const missing = [...a].filter((x) => !b.has(x));
    const extra = [...b].filter((x) => !a.has(x));
    if (missing.length > 0 || extra.length > 0) {
      const show = (xs: string[]): string => xs.slice(0, 5).map((x) => `\n      ${x.slice(0, 300)}`).join('') + (xs.length > 5 ? `\n      ... ${xs.length - 5} more` : '');
      return `${path}: ${expected.length} items expected, ${actual.length} given; missing ${missing.length}:${show(missing)}\n    unexpected ${extra.length}:${show(extra)}`;
    }
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const d = difference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return `${path}: the same items in another order or multiplicity`;
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null && !Array.isArray(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const d = difference((expected as Obj)[key], (actual as Obj)[key], `${path}.${key}`);
      if (d) return d;
    }
  }
  return `${path}: expected ${JSON.stringify(expected)?.slice(0, 300)}, got ${JSON.stringify(actual)?.slice(0, 300)}`;
}
