import { TestApi } from './api';
import { loadedStore, type StoreKind } from './stores';

/**
 * Registers beforeAll/afterAll that give the enclosing describe a real API over a freshly seeded
 * store of `kind`; returns an accessor, since the API exists only once beforeAll ran.
 */
export function useSeededApi(kind: StoreKind, env: Record<string, string> = {}): () => TestApi {
  let api: TestApi | undefined;
  // Seeding a fresh Neo4j (wipe, migrate, load) is the slow part, the more so on a busy machine.
  beforeAll(async () => {
    api = await TestApi.start(await loadedStore(kind), env);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await api?.store.close();
  });
  return () => {
    if (!api) throw new Error('the seeded API is used before beforeAll ran');
    return api;
  };
}
