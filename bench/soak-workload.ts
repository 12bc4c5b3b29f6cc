import { Random } from '../src/synthetic/random';
import { ENTITY_PAGE, NEIGHBORHOOD, PATHS, RELATIONSHIPS_PAGE, SEARCH } from '../web/explorer/queries';

/**
 * What the soak sends: the explorer's own queries (search, entity page, its relationships,
 * neighbourhoods, paths) over entities of the loaded graph, sourced writes that never conflict
 * (new people quoting the founding source verbatim, then a relationship for each), and once a
 * minute a document filed for review (ingestDocument, the API's import route). Each request is
 * checked whole: 200, `data` without `errors`, and the field it asked for present.
 */
export type OpName = 'search' | 'entity' | 'relationships' | 'neighborhood' | 'path' | 'create' | 'relate' | 'ingest';

/** Per 100 requests. Writes are few, as on a public API for journalists; reads are what it serves. */
const MIX: readonly (readonly [OpName, number])[] = [
  ['search', 30],
  ['entity', 20],
  ['relationships', 10],
  ['neighborhood', 20],
  ['path', 16],
  ['create', 2],
  ['relate', 2],
];

const FOUNDING_SOURCE_ID = 'kazmfa-2023-12-14-dphd-cab-concluding-meeting';
const PERSON_QUOTE = 'Roman Vassilenko';
const ATTENDED_QUOTE = 'chaired by Deputy Foreign Minister Roman Vassilenko';

const CREATE = 'mutation Create($input: CreateEntityInput!) { createEntity(input: $input) { id } }';
const RELATE = 'mutation Relate($input: AddRelationshipInput!) { addRelationship(input: $input) { id } }';
const INGEST = 'mutation Ingest($input: IngestDocumentInput!) { ingestDocument(input: $input) { id proposals { id } } }';
const ENTITIES = `query Entities($kinds: [EntityKind!], $after: String) {
  entities(kinds: $kinds, first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id name } } }
}`;

export interface Named {
  readonly id: string;
  readonly name: string;
}

/** Entities of the graph the reads are spread over. */
export interface Pool {
  readonly people: readonly Named[];
  readonly organizations: readonly Named[];
  readonly events: readonly Named[];
}

export interface SoakRequest {
  readonly op: OpName;
  readonly body: string;
  readonly write: boolean;
  /** For writes: the id the answer must carry. */
  readonly id?: string;
}

/** Reads up to `pages` pages of 100 of each kind through the API itself, so --url needs nothing else. */
export async function discoverPool(url: string, pages = 5): Promise<Pool> {
  const kind = async (k: string): Promise<Named[]> => {
    const found: Named[] = [];
    let after: string | null = null;
    for (let page = 0; page < pages; page++) {
      const data = await postData(url, ENTITIES, { kinds: [k], after });
      const conn = data.entities as { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: Named }[] };
      found.push(...conn.edges.map((e) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    return found;
  };
  const pool = { people: await kind('PERSON'), organizations: await kind('ORGANIZATION'), events: await kind('EVENT') };
  if (pool.people.length === 0 || pool.organizations.length === 0 || pool.events.length === 0) {
    throw new Error(`${url} holds too little to soak: ${pool.people.length} people, ${pool.organizations.length} organizations, ${pool.events.length} events`);
  }
  return pool;
}

export class Workload {
  private readonly slots: OpName[] = MIX.flatMap(([op, n]) => Array.from({ length: n }, () => op));
  private step = 0;
  private created = 0;
  private related = 0;
  private ingested = 0;
  /** People whose creation was acknowledged and who have no relationship yet. */
  private readonly toRelate: string[] = [];
  private readonly rng: Random;

  constructor(
    private readonly pool: Pool,
    private readonly runId: string,
    seed = 1,
  ) {
    this.rng = new Random(seed);
    // Spread the writes and heavy reads through the cycle instead of running them back to back.
    this.shuffle(this.slots);
  }

  next(): SoakRequest {
    const op = this.slots[this.step++ % this.slots.length]!;
    switch (op) {
      case 'search':
        return this.read(op, SEARCH, { query: this.searchText() });
      case 'entity':
        return this.read(op, ENTITY_PAGE, { id: this.anyEntity().id });
      case 'relationships':
        return this.read(op, RELATIONSHIPS_PAGE, { id: this.anyEntity().id });
      case 'neighborhood':
        // Depth 2 one time in four, as a reader expanding the drawing does.
        return this.read(op, NEIGHBORHOOD, { id: this.anyEntity().id, depth: this.random() < 0.25 ? 2 : 1, limit: 200 });
      case 'path':
        return this.read(op, PATHS, { from: this.pick(this.pool.people).id, to: this.pick(this.random() < 0.5 ? this.pool.organizations : this.pool.events).id });
      case 'create':
      case 'relate':
        return op === 'relate' && this.toRelate.length > 0 ? this.relate() : this.create();
      case 'ingest':
        return this.ingest();
      default: {
        const never: never = op;
        throw new Error(`unknown op ${String(never)}`);
      }
    }
  }

  /** A new document each time, naming actors of the graph, so extraction has something to propose. */
  ingest(): SoakRequest {
    const n = ++this.ingested;
    const [host, observer] = [this.pick(this.pool.organizations).name, this.pick(this.pool.organizations).name];
    const [chair, speaker] = [this.pick(this.pool.people).name, this.pick(this.pool.people).name];
    const text =
      `On 12 March 2024 the ${host} hosted a round table on access to justice. ` +
      `The meeting was chaired by ${chair}. ${speaker} spoke at the round table about the follow-up to earlier recommendations. ` +
      `Representatives of the ${observer} attended the meeting as observers. ` +
      `The participants agreed to meet again next year. This is soak note ${this.runId} number ${n}.`;
    return { op: 'ingest', write: true, body: JSON.stringify({ query: INGEST, variables: { input: { title: `Soak note ${this.runId} ${n}`, text } } }) };
  }

  /** Called with every answer: the error code, or null when the answer is whole. */
  check(request: SoakRequest, status: number, body: string): string | null {
    if (status !== 200) return `HTTP_${status}`;
    let parsed: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return 'UNPARSEABLE_BODY';
    }
    if (parsed.errors?.length) return parsed.errors[0]!.extensions?.code ?? 'NO_CODE';
    const data = parsed.data;
    if (!data) return 'NO_DATA';
    switch (request.op) {
      case 'entity':
      case 'relationships':
        return data.entity ? null : 'ENTITY_MISSING';
      case 'create': {
        const ok = (data.createEntity as { id?: string } | null)?.id === request.id;
        if (ok) this.toRelate.push(request.id!);
        return ok ? null : 'WRONG_ANSWER';
      }
      case 'relate':
        return (data.addRelationship as { id?: string } | null)?.id === request.id ? null : 'WRONG_ANSWER';
      case 'ingest':
        return data.ingestDocument ? null : 'WRONG_ANSWER';
      default:
        return null;
    }
  }

  /** Writes made so far, for the report: the graph grows by these. */
  get writes(): { created: number; related: number; ingested: number } {
    return { created: this.created, related: this.related, ingested: this.ingested };
  }

  private read(op: OpName, query: string, variables: Record<string, unknown>): SoakRequest {
    return { op, write: false, body: JSON.stringify({ query, variables }) };
  }

  private create(): SoakRequest {
    const n = ++this.created;
    const id = `soak-${this.runId}-p${n}`;
    const input = { id, kind: 'PERSON', name: `Soak Person ${this.runId} ${n}`, evidence: [{ sourceId: FOUNDING_SOURCE_ID, quote: PERSON_QUOTE }] };
    return { op: 'create', write: true, id, body: JSON.stringify({ query: CREATE, variables: { input } }) };
  }

  private relate(): SoakRequest {
    const n = ++this.related;
    const id = `soak-${this.runId}-r${n}`;
    const input = {
      id,
      type: 'ATTENDED',
      fromId: this.toRelate.shift()!,
      toId: this.pick(this.pool.events).id,
      evidence: [{ sourceId: FOUNDING_SOURCE_ID, quote: ATTENDED_QUOTE }],
    };
    return { op: 'relate', write: true, id, body: JSON.stringify({ query: RELATE, variables: { input } }) };
  }

  private searchText(): string {
    const name = this.pick(this.random() < 0.5 ? this.pool.people : this.pool.organizations).name;
    const words = name.split(/\s+/).filter((w) => w.length > 2);
    const r = this.random();
    // The whole name, one word of it, or the first letters of a word, as people type.
    if (r < 0.4 || words.length === 0) return name;
    const word = this.pick(words);
    return r < 0.7 ? word : word.slice(0, Math.max(3, Math.ceil(word.length / 2)));
  }

  private anyEntity(): Named {
    const r = this.random();
    return this.pick(r < 0.5 ? this.pool.people : r < 0.75 ? this.pool.organizations : this.pool.events);
  }

  private random(): number {
    return this.rng.float();
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  }
}

export async function postData(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.status !== 200 || body.errors || !body.data) throw new Error(`${url} answered ${res.status} ${text.slice(0, 500)}`);
  return body.data;
}
