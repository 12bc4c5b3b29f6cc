import { PassThrough } from 'node:stream';
import { exportGraph } from '../../src/export/export-graph';
import { importFile } from '../../src/import/import-graph';
import type { Store } from '../../src/ports/store';
import { describeStore, loadedStore, STORE_KINDS } from '../support/stores';
import { graphCounts } from '../support/graph-counts';
import { attended, jsonl, NEW_GRAPH, newPerson, observesSeedMeeting, writeTemp } from '../support/files';

async function jsonlExport(store: Store): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportGraph(store, 'jsonl', out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Import and export through the port alone, so every adapter must agree: what one store exports,
 * another imports unchanged, and a record read back compares equal to the one written (or a second
 * import would write it again).
 */
for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    let store: Store;
    // A fresh Neo4j builds its indexes on the first migrate, which can take tens of seconds.
    beforeAll(async () => {
      store = await loadedStore(kind);
    }, 120_000);
    afterAll(() => store.close());

    it('imports a new graph once, and a second import of the same file writes nothing', async () => {
      const path = writeTemp('new.jsonl', jsonl([...NEW_GRAPH, observesSeedMeeting]));
      const first = await importFile(store, path);
      expect(first).toMatchObject({ problems: [], written: 5, writes: 1 });
      const after = await graphCounts(store);
      expect(await importFile(store, path)).toMatchObject({ problems: [], unchanged: 5, written: 0, writes: 0 });
      expect(await graphCounts(store)).toEqual(after);
      expect((await store.getRelationships([attended.id]))[0]).toMatchObject({ fromId: newPerson.id });
    });

    it('exports JSON Lines that import into an empty store as an identical graph', async () => {
      const text = await jsonlExport(store);
      const fresh = await loadedStore('embedded', { sources: [], entities: [], relationships: [] });
      try {
        expect(await importFile(fresh, writeTemp('export.jsonl', text))).toMatchObject({ problems: [] });
        expect(await jsonlExport(fresh)).toBe(text);
        // The store it came from also finds nothing new in it.
        expect(await importFile(store, writeTemp('export.jsonl', text))).toMatchObject({ problems: [], written: 0 });
      } finally {
        await fresh.close();
      }
    });
  });
}
