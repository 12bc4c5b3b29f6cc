/**
 * Child process of bench/traversals.ts: loads a synthetic graph into a fresh embedded store and
 * prints one JSON line of figures. A process of its own, so its RSS is the store's and not what the
 * parent measured before.
 */
import { rssMb } from './stats';
import { timedLoad, type LoadFigures } from './timed-load';
import { memoryStore } from '../src/open-store';

export interface EmbeddedLoadFigures extends LoadFigures {
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly heapUsedMb: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const relationships = Number(process.argv[2]);
  if (!Number.isSafeInteger(relationships) || relationships < 1) throw new Error(`expected a relationship count; got ${process.argv[2]}`);
  collectGarbage();
  const rssBeforeMb = rssMb();
  const store = memoryStore();
  const figures = await timedLoad(store, { relationships, seed: 42 });
  collectGarbage();
  const result: EmbeddedLoadFigures = {
    ...figures,
    rssBeforeMb,
    rssAfterMb: rssMb(),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
  };
  // Keeps the store reachable until measured, so the collector cannot take it.
  if ((await store.getEntities(['syn-o-1']))[0] === null) throw new Error('the load left out syn-o-1');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
