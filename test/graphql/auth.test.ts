import { startApp, type RunningApp } from '../../src/app';
import { silentLogger, storeDump, testConfig, TOKEN_ENV, TOKENS, type ApiResult, type RunOptions } from '../support/api';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';
import { describeStore, seedBatch, STORE_KINDS } from '../support/stores';
import { memoryStore } from '../../src/open-store';

const ADD_SOURCE = 'mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }';
const SOURCE = { title: 'A later press release', text: 'The Platform met again in 2024.' };
const DELETE = 'mutation { deleteEntity(id: "kibhr", cascade: true) { id } }';
const MERGE = 'mutation { mergeEntities(keep: "un", merge: ["undp"]) { id } }';
const CHANGES = '{ changes { totalCount } }';
const READ = `{ entity(id: "${MEETING_ID}") { name } }`;

function expectRefused(result: ApiResult, code: string, message: RegExp): void {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(result.errors?.[0]?.message).toMatch(message);
  expect(JSON.stringify(result)).not.toMatch(/secret-for-tests/);
}

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('tokens and roles', () => {
      const api = useSeededApi(kind, TOKEN_ENV);

      /** Runs a request that must be refused, and shows the store unchanged by it. */
      async function refused(query: string, variables: Record<string, unknown>, options: RunOptions, code: string, message: RegExp) {
        const before = await storeDump(api().store);
        expectRefused(await api().run(query, variables, options), code, message);
        expect(await storeDump(api().store)).toBe(before);
      }

      it('reads are public by default', async () => {
        expect((await api().data(READ)).entity.name).toMatch(/^Concluding meeting/);
        expect((await api().data(READ, {}, { token: TOKENS.reader })).entity.name).toMatch(/^Concluding meeting/);
      });

      it('a write without a token: UNAUTHENTICATED, nothing written', async () => {
        await refused(ADD_SOURCE, { input: SOURCE }, {}, 'UNAUTHENTICATED', /needs a bearer token with role EDITOR/);
      });

      it('an unknown or malformed token: UNAUTHENTICATED on writes and reads alike', async () => {
        await refused(ADD_SOURCE, { input: SOURCE }, { token: 'not-a-known-secret-value' }, 'UNAUTHENTICATED', /not valid/);
        await refused(ADD_SOURCE, { input: SOURCE }, { authorization: `Basic ${TOKENS.editor}` }, 'UNAUTHENTICATED', /Bearer <token>/);
        await refused(READ, {}, { token: 'not-a-known-secret-value' }, 'UNAUTHENTICATED', /not valid/);
        const result = await api().run(READ, {}, { token: 'not-a-known-secret-value' });
        expect(result.data).toBeUndefined();
      });

      it('a READER writing: FORBIDDEN, nothing written', async () => {
        await refused(ADD_SOURCE, { input: SOURCE }, { token: TOKENS.reader }, 'FORBIDDEN', /needs role EDITOR or higher; the token "reader" has READER/);
      });

      it('an EDITOR merging or deleting: FORBIDDEN, nothing written', async () => {
        await refused(MERGE, {}, { token: TOKENS.editor }, 'FORBIDDEN', /needs role ADMIN/);
        await refused(DELETE, {}, { token: TOKENS.editor }, 'FORBIDDEN', /needs role ADMIN/);
      });

      it('the audit log needs EDITOR', async () => {
        expectRefused(await api().run(CHANGES), 'UNAUTHENTICATED', /bearer token/);
        expectRefused(await api().run(CHANGES, {}, { token: TOKENS.reader }), 'FORBIDDEN', /EDITOR/);
        expect((await api().data(CHANGES, {}, { token: TOKENS.editor })).changes.totalCount).toBe(0);
      });

      it('an EDITOR writes, recorded under its token name; an ADMIN may do what an EDITOR may', async () => {
        const { addSource } = await api().data(ADD_SOURCE, { input: SOURCE }, { token: TOKENS.editor });
        await api().data(ADD_SOURCE, { input: { ...SOURCE, id: 'second-release' } }, { token: TOKENS.admin });
        const { changes } = await api().data('{ changes { edges { node { actor ids } } } }', {}, { token: TOKENS.admin });
        expect(changes.edges.map((e: any) => [e.node.actor, e.node.ids])).toEqual([
          ['editor', [addSource.id]],
          ['admin', ['second-release']],
        ]);
      });
    });

    describe('READS_REQUIRE_TOKEN=1', () => {
      const api = useSeededApi(kind, { ...TOKEN_ENV, READS_REQUIRE_TOKEN: '1' });

      it('refuses anonymous reads and accepts any valid token', async () => {
        expectRefused(await api().run(READ), 'UNAUTHENTICATED', /needs a bearer token/);
        expect((await api().data(READ, {}, { token: TOKENS.reader })).entity.name).toMatch(/^Concluding meeting/);
      });
    });
  });
}

describe('over HTTP', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const store = memoryStore();
    await store.upsert(seedBatch());
    app = await startApp(testConfig({ ...TOKEN_ENV }), silentLogger, store);
  });
  afterAll(() => app.stop());

  const post = (body: unknown, authorization?: string) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  it('reads the bearer token from the Authorization header', async () => {
    const input = { title: 'Over HTTP', text: `Quoting ${FOUNDING_SOURCE_ID} is not needed here.` };
    const res = await post({ query: ADD_SOURCE, variables: { input } }, `Bearer ${TOKENS.editor}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.addSource.id).toBe('over-http');
  });

  it('answers 401 with a Bearer challenge for a refused token', async () => {
    const res = await post({ query: READ }, 'Bearer wrong-wrong-wrong-wrong');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses to start with a bad token setting, naming the entry but not the secret', async () => {
    const config = testConfig({ API_TOKENS: 'ops:SUPERUSER:a-secret-nobody-should-see' });
    await expect(startApp(config, silentLogger, memoryStore())).rejects.toThrow(/API_TOKENS entry 1 \("ops"\): the role must be one of/);
    await expect(startApp(config, silentLogger, memoryStore())).rejects.not.toThrow(/nobody-should-see/);
  });
});
