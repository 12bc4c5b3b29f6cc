/**
 * Writers that read, then write: a write carries what its writer read (WriteExpectation) and fails
 * whole with CONFLICT when another writer changed any of it in between; the editor then reads again
 * and retries, so concurrent edits from several API processes never overwrite each other unseen.
 * Run on both stores; on Neo4j the rival writer is a second store object with its own driver, as a
 * second API process would be.
 */
import type { Neo4jOptions } from '../../src/adapters/neo4j/driver';
import { Role } from '../../src/domain/change';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import type { EntityRecord } from '../../src/domain/records';
import type { Store } from '../../src/ports/store';
import { GraphEditor } from '../../src/editing/graph-editor';
import { importFile } from '../../src/import/import-graph';
import { attended, jsonl, NEW_GRAPH, newEvent, newPerson, newSource, writeTemp } from '../support/files';
import { storeDump, TestApi, TOKEN_ENV, TOKENS } from '../support/api';
import { describeStore, loadedStore, neo4jTestOptions, STORE_KINDS } from '../support/stores';
import { change, person } from '../support/records';
import { neo4jStore } from '../../src/open-store';

jest.setTimeout(60_000);

const ENTITY = 'kazakhstan';

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`),
  );
}

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    /** Another writer on the same data: on Neo4j a store object of its own, like another process. */
    let rival: Store;

    beforeEach(async () => {
      store = await loadedStore(kind);
      rival = kind === 'neo4j' ? neo4jStore(neo4jTestOptions() as Neo4jOptions) : store;
    });
    afterEach(async () => {
      if (rival !== store) await rival.close();
      await store.close();
    });

    const entity = async (id: string): Promise<EntityRecord> => {
      const [found] = await store.getEntities([id]);
      if (!found) throw new Error(`seed lacks ${id}`);
      return found;
    };

    it('writes when what was read is still stored', async () => {
      const read = await entity(ENTITY);
      const updated = { ...read, description: 'checked' };
      await store.write([{ op: 'putEntity', entity: updated }], [change([ENTITY])], [{ kind: 'entity', id: ENTITY, record: read }]);
      expect(await entity(ENTITY)).toEqual(updated);
    });

    it('refuses, writing nothing, when the record changed since it was read', async () => {
      const read = await entity(ENTITY);
      await rival.write([{ op: 'putEntity', entity: { ...read, description: 'first writer' } }], [change([ENTITY])]);
      const before = await storeDump(store);
      const attempt = store.write(
        [{ op: 'putEntity', entity: { ...read, description: 'second writer' } }, { op: 'putEntity', entity: person('bystander') }],
        [change([ENTITY, 'bystander'])],
        [{ kind: 'entity', id: ENTITY, record: read }],
      );
      const error = await attempt.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.CONFLICT);
      expect((error as DomainError).message).toContain(`"${ENTITY}" was changed by another request`);
      expect(await storeDump(store)).toBe(before);
      expect((await entity(ENTITY)).description).toBe('first writer');
    });

    it('refuses an id read as free that another writer has taken, and a relationship deleted since', async () => {
      await rival.write([{ op: 'putEntity', entity: person('taken-meanwhile') }], [change(['taken-meanwhile'])]);
      expect(
        await codeOf(
          store.write([{ op: 'putEntity', entity: person('taken-meanwhile', 'mine') }], [change(['taken-meanwhile'])], [
            { kind: 'entity', id: 'taken-meanwhile', record: null },
          ]),
        ),
      ).toBe(ErrorCode.CONFLICT);

      const [first] = await store.relationshipsTouching([ENTITY]);
      if (!first) throw new Error(`seed has no relationship touching ${ENTITY}`);
      await rival.write([{ op: 'deleteRelationship', id: first.id }], [change([first.id])]);
      const error = await store
        .write([{ op: 'putRelationship', relationship: { ...first, description: 'edited' } }], [change([first.id])], [
          { kind: 'relationship', id: first.id, record: first },
        ])
        .then(() => null, (e: unknown) => e as DomainError);
      expect(error?.code).toBe(ErrorCode.CONFLICT);
      expect(error?.message).toContain('was deleted');
      expect(await store.getRelationships([first.id])).toEqual([null]);
    });

    it('lets exactly one of two writers that read the same record win, even when they race', async () => {
      const read = await entity(ENTITY);
      const write = (s: Store, description: string) =>
        codeOf(s.write([{ op: 'putEntity', entity: { ...read, description } }], [change([ENTITY])], [{ kind: 'entity', id: ENTITY, record: read }]));
      const outcomes = await Promise.all([write(store, 'one'), write(rival, 'two')]);
      expect(outcomes.filter((o) => o === null)).toHaveLength(1);
      expect(outcomes.filter((o) => o === ErrorCode.CONFLICT)).toHaveLength(1);
      expect(['one', 'two']).toContain((await entity(ENTITY)).description);
    });

    it('an import whose compared records changed before its write refuses, whole, and a re-run then succeeds', async () => {
      const path = writeTemp('conflict.jsonl', jsonl(NEW_GRAPH));
      // Another process creates one of the file's entities after the import compared, before it wrote.
      let interfered = false;
      const interfering = new Proxy(store, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (property !== 'write' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
          return async (...args: Parameters<Store['write']>) => {
            if (!interfered) {
              interfered = true;
              await rival.write([{ op: 'putEntity', entity: { ...person(newPerson.id), name: 'Written elsewhere' } }], [change([newPerson.id])]);
            }
            return (value as Store['write']).apply(target, args);
          };
        },
      });
      expect(await codeOf(importFile(interfering, path))).toBe(ErrorCode.CONFLICT);
      // Only the rival's write landed: none of the import's records did.
      expect((await store.getEntities([newPerson.id, newEvent.id])).map((e) => e?.name ?? null)).toEqual(['Written elsewhere', null]);
      expect(await store.getSources([newSource.id])).toEqual([null]);
      expect(await store.getRelationships([attended.id])).toEqual([null]);
      const retried = await importFile(store, path);
      expect(retried.problems).toEqual([]);
      expect((await store.getEntities([newPerson.id]))[0]?.name).toBe(newPerson.name);
    });

    /**
     * The store, except that reading ENTITY lets another process change it right after, the first
     * `times` times; counts how often it did.
     */
    function interferingReads(times: number): { store: Store; interferences: () => number } {
      let count = 0;
      const proxy = new Proxy(store, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (property !== 'getEntities' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
          return async (ids: readonly string[]) => {
            const found = (await (value as Store['getEntities']).call(target, ids)) as (EntityRecord | null)[];
            if (count < times && ids.includes(ENTITY)) {
              count++;
              const current = found[ids.indexOf(ENTITY)] as EntityRecord;
              await rival.write([{ op: 'putEntity', entity: { ...current, aliases: [...current.aliases, `Added elsewhere ${count}`] } }], [change([ENTITY])]);
            }
            return found;
          };
        },
      });
      return { store: proxy, interferences: () => count };
    }

    it('the editor re-reads and retries after a conflict, so neither edit is lost', async () => {
      // Between the editor's read and its write, another process changes the same entity.
      const interfering = interferingReads(1);
      const editor = new GraphEditor(interfering.store, { name: 'editor', role: Role.EDITOR });
      const updated = await editor.updateEntity(ENTITY, { description: 'Edited here' });
      expect(interfering.interferences()).toBe(1);
      const stored = await entity(ENTITY);
      expect(stored).toEqual(updated);
      expect(stored.description).toBe('Edited here');
      expect(stored.aliases).toContain('Added elsewhere 1');
    });

    it('a mutation that keeps meeting other writers answers CONFLICT, saying what to do, and writes nothing of its own', async () => {
      const interfering = interferingReads(Number.POSITIVE_INFINITY);
      const api = await TestApi.start(interfering.store, TOKEN_ENV);
      try {
        const result = await api.run(
          'mutation ($id: ID!, $input: UpdateEntityInput!) { updateEntity(id: $id, input: $input) { id description } }',
          { id: ENTITY, input: { description: 'Never written' } },
          { token: TOKENS.editor },
        );
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0]!.extensions).toEqual({ code: ErrorCode.CONFLICT, kind: 'entity', id: ENTITY });
        expect(result.errors![0]!.message).toMatch(/was changed by another request .*nothing was written\. Read it again and retry\./);
        // Three attempts, each met by another writer; the stored entity has theirs, not this edit.
        expect(interfering.interferences()).toBe(3);
        const stored = await entity(ENTITY);
        expect(stored.description).not.toBe('Never written');
        expect(stored.aliases).toEqual(expect.arrayContaining(['Added elsewhere 1', 'Added elsewhere 2', 'Added elsewhere 3']));
      } finally {
        await api.stop();
      }
    });
  });
}
