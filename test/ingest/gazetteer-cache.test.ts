/**
 * The server's gazetteer (src/ingest/gazetteer-cache.ts) against the gazetteer read whole, on
 * each store: after entities are created, renamed, given aliases, turned into another kind,
 * deleted, and written by a "process" whose clock lags ours, the cached gazetteer must answer every
 * lookup exactly as a fresh `buildGazetteer` of the same store does, while reading only the audit
 * log when nothing changed.
 */
import { EntityKind, OrgType } from '../../src/domain/enums';
import type { EntityRecord } from '../../src/domain/records';
import { buildGazetteer, type Gazetteer } from '../../src/ingest/gazetteer';
import { GazetteerCache } from '../../src/ingest/gazetteer-cache';
import type { Store } from '../../src/ports/store';
import { change, person } from '../support/records';
import { describeStore, loadedStore, STORE_KINDS } from '../support/stores';

jest.setTimeout(120_000);

/** Every lookup a gazetteer answers, for every key any of its entries could be found by. */
function lookups(g: Gazetteer): unknown {
  const ids = (list: readonly { id: string }[]): string[] => list.map((e) => e.id).sort();
  const entries = [...g.entries].sort((a, b) => a.id.localeCompare(b.id));
  const forms = [...new Set(entries.flatMap((e) => e.forms))].sort();
  const tokens = [...new Set(forms.flatMap((f) => f.split(' ')))].sort();
  return {
    entries: entries.map((e) => ({ ...e, forms: [...e.forms] })),
    byForm: forms.map((f) => [f, ids(g.byForm(f))]),
    bySurname: tokens.map((t) => [t, ids(g.bySurname(t))]).filter(([, l]) => l!.length > 0),
    byAcronym: tokens.map((t) => [t, ids(g.byAcronym(t))]).filter(([, l]) => l!.length > 0),
    vocabulary: tokens.filter((t) => g.orgVocabulary.has(t)),
  };
}

const organization = (id: string, name: string, aliases: string[] = []): EntityRecord => ({
  ...person(id),
  kind: EntityKind.ORGANIZATION,
  name,
  aliases,
  orgType: OrgType.NGO,
});

/** Counts the calls the cache makes, on the real store underneath. */
function counted(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    beforeEach(async () => {
      store = await loadedStore(kind);
    });
    afterEach(async () => {
      await store.close();
    });

    it('follows creations, renames, new aliases, kind changes and deletions as a fresh read would see them', async () => {
      const cache = new GazetteerCache(store);
      expect(lookups(await cache.current())).toEqual(lookups(await buildGazetteer(store)));

      const ngo = organization('free-press-watch', 'Free Press Watch', ['FPW']);
      await store.write([{ op: 'putEntity', entity: { ...person('ada-lind'), name: 'Ada Lind' } }, { op: 'putEntity', entity: ngo }], [change(['ada-lind', ngo.id])]);
      const afterCreate = await cache.current();
      expect(afterCreate.byForm('ada lind').map((e) => e.id)).toEqual(['ada-lind']);
      expect(afterCreate.byAcronym('fpw').map((e) => e.id)).toEqual([ngo.id]);
      expect(lookups(afterCreate)).toEqual(lookups(await buildGazetteer(store)));

      // Renamed with an alias; the organization becomes an event (no longer an acronym or vocabulary).
      await store.write(
        [
          { op: 'putEntity', entity: { ...person('ada-lind'), name: 'Ada Lind-Berg', aliases: ['A. Lind'] } },
          { op: 'putEntity', entity: { ...ngo, kind: EntityKind.EVENT, orgType: null } },
        ],
        [change(['ada-lind', ngo.id])],
      );
      const afterRename = await cache.current();
      expect(afterRename.byForm('ada lind')).toEqual([]);
      expect(afterRename.byAcronym('fpw')).toEqual([]);
      expect(afterRename.orgVocabulary.has('watch')).toBe(false);
      expect(lookups(afterRename)).toEqual(lookups(await buildGazetteer(store)));

      await store.write([{ op: 'deleteEntity', id: 'ada-lind' }], [change(['ada-lind'])]);
      const afterDelete = await cache.current();
      expect(afterDelete.entries.some((e) => e.id === 'ada-lind')).toBe(false);
      expect(lookups(afterDelete)).toEqual(lookups(await buildGazetteer(store)));
    });

    it('sees a change stamped by a clock half a minute behind, and applies a change once', async () => {
      const cache = new GazetteerCache(store);
      await cache.current();
      await store.write([{ op: 'putEntity', entity: { ...person('late-clock'), name: 'Ola Norrman' } }], [change(['late-clock'])]);
      await cache.current();
      const lagging = new Date(Date.now() - 30_000).toISOString();
      await store.write([{ op: 'putEntity', entity: { ...person('lagging'), name: 'Ivo Sander' } }], [change(['lagging'], lagging)]);
      const g = await cache.current();
      expect(g.byForm('ivo sander').map((e) => e.id)).toEqual(['lagging']);
      expect(g.bySurname('norrman').map((e) => e.id)).toEqual(['late-clock']);
      expect(lookups(await cache.current())).toEqual(lookups(await buildGazetteer(store)));
    });

    it('reads only the audit log when nothing changed, and reads everything again after a change too large to follow', async () => {
      const { store: watched, calls } = counted(store);
      const cache = new GazetteerCache(watched);
      await cache.current();
      const fullRead = calls.get('listEntities') ?? 0;
      expect(fullRead).toBeGreaterThan(0);
      calls.clear();
      await Promise.all([cache.current(), cache.current(), cache.current()]);
      expect(Object.fromEntries(calls)).toEqual({ changes: 3 });

      const many = Array.from({ length: 5_001 }, (_, i) => `bulk-${i}`);
      await store.write([{ op: 'putEntity', entity: { ...person('bulk-0'), name: 'Rhea Bulkley' } }], [change(many)]);
      calls.clear();
      const g = await cache.current();
      expect(calls.get('listEntities')).toBe(fullRead);
      expect(calls.get('getEntities')).toBeUndefined();
      expect(g.byForm('rhea bulkley').map((e) => e.id)).toEqual(['bulk-0']);
    });
  });
}
