import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gazetteerFromEntities, type Gazetteer } from '../../src/ingest/gazetteer';
import { projectRoot } from '../../src/paths';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import type { RecordBatch } from '../../src/domain/records';

export const FIXTURES = join(projectRoot(), 'test', 'fixtures', 'ingest');

/** Every labelled document: [set/file, bytes]. */
export function labelledDocuments(): [string, Buffer][] {
  return ['dev', 'holdout'].flatMap((set) =>
    readdirSync(join(FIXTURES, set))
      .filter((f) => /\.(txt|html)$/.test(f))
      .sort()
      .map((f): [string, Buffer] => [`${set}/${f}`, readFileSync(join(FIXTURES, set, f))]),
  );
}

let seed: Promise<RecordBatch> | null = null;
export const seedBatch = (): Promise<RecordBatch> => (seed ??= loadSeedDirectory());

/** The seed graph's names, the way the CLI builds them from a store. */
export async function seedGazetteer(): Promise<Gazetteer> {
  return gazetteerFromEntities((await seedBatch()).entities);
}
