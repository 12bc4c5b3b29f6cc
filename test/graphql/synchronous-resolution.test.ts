import 'reflect-metadata';
import { execute, isInterfaceType, isObjectType, parse, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { createRequestContext, type RequestContext } from '../../src/context';
import { Direction } from '../../src/domain/enums';
import type { EntityRecord, RelationshipRecord } from '../../src/domain/records';
import { buildGraphqlSchema } from '../../src/graphql/schema';
import { KnownLoader } from '../../src/loaders/loaders';
import type { Store } from '../../src/ports/store';
import { silentLogger } from '../support/api';
import { MEETING_ID } from '../support/seed-source';
import { loadedStore } from '../support/stores';

/**
 * Under a planned read the loaders already hold every value below the root, and the fields that
 * read them answer at once, not with a promise (loaders/now-or-later.ts, graphql/synchronous-fields.ts):
 * on a three-level read that was most of the GraphQL work. Unprimed, the same fields load and
 * answer the same values later.
 */

const NESTED = parse(`query ($id: ID!) {
  entity(id: $id) {
    ... on Event { participants { entity { relationships(first: 50) { edges { node { from { name } to { name } } } } } } }
  }
}`);

const INFO = {} as GraphQLResolveInfo;

function resolverOf(schema: GraphQLSchema, type: string, field: string): GraphQLFieldResolver<unknown, RequestContext> {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  const resolve = t.getFields()[field]?.resolve;
  if (!resolve) throw new Error(`${type}.${field} has no resolver`);
  return resolve;
}

describe('KnownLoader', () => {
  it('answers a primed key at once, anything else by batching, and forgets on clear', async () => {
    const batches: string[][] = [];
    const loader = new KnownLoader<string, string>(async (keys) => {
      batches.push([...keys]);
      return keys.map((k) => `loaded ${k}`);
    });
    loader.prime('a', 'primed a');
    expect(loader.loadNow('a')).toBe('primed a');
    const b = loader.loadNow('b');
    const c = loader.loadNow('c');
    expect(b).toBeInstanceOf(Promise);
    expect(await b).toBe('loaded b');
    expect(await c).toBe('loaded c');
    expect(batches).toEqual([['b', 'c']]);
    // As DataLoader's prime: a key already held keeps its value.
    loader.prime('a', 'another a');
    expect(loader.loadNow('a')).toBe('primed a');
    loader.clearAll();
    expect(loader.loadNow('a')).toBeInstanceOf(Promise);
    expect(await loader.loadNow('a')).toBe('loaded a');
  });

  it('gives primed values to load and loadMany too, without a batch, and keeps DataLoader semantics for errors', async () => {
    const batches: string[][] = [];
    const loader = new KnownLoader<string, string>(async (keys) => {
      batches.push([...keys]);
      return keys.map((k) => `loaded ${k}`);
    });
    loader.prime('a', 'primed a').prime('b', 'primed b');
    await expect(loader.load('a')).resolves.toBe('primed a');
    await expect(loader.loadMany(['a', 'b', 'c'])).resolves.toEqual(['primed a', 'primed b', 'loaded c']);
    expect(batches).toEqual([['c']]);
    loader.prime('e', new Error('no e'));
    await expect(loader.load('e')).rejects.toThrow('no e');
    const e = loader.loadNow('e');
    expect(e).toBeInstanceOf(Promise);
    await expect(e).rejects.toThrow('no e');
    loader.clear('a');
    await expect(loader.load('a')).resolves.toBe('loaded a');
    expect(batches).toEqual([['c'], ['a']]);
  });
});

describe('fields under a planned read', () => {
  let store: Store;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    store = await loadedStore('embedded');
    schema = buildGraphqlSchema();
  });
  afterAll(() => store?.close());

  it('answer at once when primed and the same values later when not', async () => {
    const primed = createRequestContext(store, silentLogger);
    const result = await execute({ schema, document: NESTED, contextValue: primed, variableValues: { id: MEETING_ID } });
    expect(result.errors).toBeUndefined();

    const event = primed.loaders.entity.loadNow(MEETING_ID) as EntityRecord;
    expect(event).toMatchObject({ id: MEETING_ID });
    const participants = resolverOf(schema, 'Event', 'participants')(event, {}, primed, INFO) as { entity: EntityRecord }[];
    expect(Array.isArray(participants)).toBe(true);
    expect(participants.length).toBeGreaterThan(10);

    const someone = participants[0]!.entity;
    const relationshipsArgs = { first: 50, direction: Direction.BOTH };
    const typeName = (isInterfaceType(schema.getType('Entity')) && (schema.getType('Entity') as { resolveType?: unknown }).resolveType) as (
      value: EntityRecord,
    ) => unknown;
    // The interface's type comes back as a name, not a promise of one.
    expect(typeName(someone)).toBe(someone.kind === 'PERSON' ? 'Person' : 'Organization');
    const page = resolverOf(schema, typeName(someone) as string, 'relationships')(someone, relationshipsArgs, primed, INFO) as {
      edges: { node: RelationshipRecord }[];
    };
    expect(page).not.toBeInstanceOf(Promise);
    expect(page.edges.length).toBeGreaterThan(0);
    const from = resolverOf(schema, 'Relationship', 'from')(page.edges[0]!.node, {}, primed, INFO);
    expect(from).not.toBeInstanceOf(Promise);

    // A fresh request holds nothing: the same fields load, and answer the same (in what the
    // planned read fetched: the fields the query selects).
    const people = (list: { entity: EntityRecord }[]): unknown => list.map((p) => [p.entity.id, p.entity.name]);
    const ends = (p: { edges: { node: RelationshipRecord }[] }): unknown => p.edges.map((e) => [e.node.id, e.node.type, e.node.fromId, e.node.toId]);
    const fresh = createRequestContext(store, silentLogger);
    const later = resolverOf(schema, 'Event', 'participants')(event, {}, fresh, INFO);
    expect(later).toBeInstanceOf(Promise);
    expect(people((await later) as { entity: EntityRecord }[])).toEqual(people(participants));
    const laterPage = resolverOf(schema, typeName(someone) as string, 'relationships')(someone, relationshipsArgs, fresh, INFO);
    expect(laterPage).toBeInstanceOf(Promise);
    expect(ends((await laterPage) as typeof page)).toEqual(ends(page));
    const laterFrom = resolverOf(schema, 'Relationship', 'from')(page.edges[0]!.node, {}, fresh, INFO);
    expect(laterFrom).toBeInstanceOf(Promise);
    expect((await laterFrom) as EntityRecord).toMatchObject({ id: (from as EntityRecord).id, name: (from as EntityRecord).name });
  });
});
