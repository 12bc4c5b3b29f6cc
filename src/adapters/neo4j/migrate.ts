import { Neo4jError } from 'neo4j-driver';
import { int, run, type Neo4jRunner } from './driver';
import { fillEvidenceOffsets } from './evidence-offsets';
import { LINK_UNREFERENCED_CHANGES } from './write-cypher';
import {
  AWAIT_INDEXES,
  DROP_INDEX,
  FULLTEXT_INDEXES,
  READ_SCHEMA_VERSION,
  SCHEMA_STATEMENTS,
  SCHEMA_VERSION,
  SHOW_FULLTEXT_INDEXES,
  WRITE_SCHEMA_VERSION,
} from './schema';

/** Index population on a large graph takes a while; beyond this, migrate() fails loudly. */
const AWAIT_INDEXES_SECONDS = 300;

// Two processes migrating at once (server start beside `npm run migrate`) race on IF NOT EXISTS;
// the loser is told the rule already exists, which is exactly the state it wanted.
const ALREADY_EXISTS = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

export interface MigrateOptions {
  /** Run the whole pass even at the current version (`npm run migrate -- --force`). */
  readonly force?: boolean;
  /**
   * Every record was just written by this version's code (a bulk load writes offsets and audit
   * links itself), so the data migrations that bring older records up to date would scan the whole
   * graph to change nothing: only the schema is built.
   */
  readonly freshData?: boolean;
  /** Told each step's name and wall-clock milliseconds, for a caller that reports phases. */
  readonly onStep?: (step: MigrationStep, ms: number) => void;
}

export type MigrationStep = 'schema' | 'awaitIndexes' | 'linkChanges' | 'evidenceOffsets';

export interface MigrationResult {
  /** The version found before migrating; null for a database never migrated (or wiped). */
  readonly from: number | null;
  readonly to: number;
  /** False when the database was already at SCHEMA_VERSION and nothing ran. */
  readonly ran: boolean;
}

/**
 * Brings the database to SCHEMA_VERSION: creates what is missing, rebuilds a full-text index made
 * with another analyzer or over other labels or types, waits until all are online, links audit
 * entries written before their AuditRef nodes existed, gives evidence stored before it had
 * offsets its offsets (./evidence-offsets), then records the version. Idempotent; at the current
 * version it only reads the version, unless `force` (`npm run migrate -- --force`) asks for the
 * whole pass. Index population is most of a large graph's time: schema statements return once
 * their index is made, while earlier indexes still populate, and awaitIndexes waits for them all.
 */
export async function migrateSchema(runner: Neo4jRunner, options: MigrateOptions = {}): Promise<MigrationResult> {
  const from = await readVersion(runner);
  if (from === SCHEMA_VERSION && !options.force) return { from, to: SCHEMA_VERSION, ran: false };
  const step = async (name: MigrationStep, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await work();
    options.onStep?.(name, performance.now() - started);
  };
  await step('schema', async () => {
    await rebuildFulltextIndexesThatDiffer(runner);
    for (const statement of SCHEMA_STATEMENTS) {
      try {
        await runner.schema('migrate', statement);
      } catch (e) {
        if (!alreadyExists(e)) throw e;
      }
    }
  });
  await step('awaitIndexes', () => runner.read('awaitIndexes', (tx) => run(tx, AWAIT_INDEXES, { timeoutSeconds: int(AWAIT_INDEXES_SECONDS) })));
  if (!options.freshData) {
    await step('linkChanges', () => runner.autoCommit('linkChanges', LINK_UNREFERENCED_CHANGES));
    await step('evidenceOffsets', () => fillEvidenceOffsets(runner));
  }
  await runner.write('recordSchemaVersion', (tx) =>
    run(tx, WRITE_SCHEMA_VERSION, { version: int(SCHEMA_VERSION), at: new Date().toISOString() }),
  );
  return { from, to: SCHEMA_VERSION, ran: true };
}

async function readVersion(runner: Neo4jRunner): Promise<number | null> {
  const records = await runner.read('readSchemaVersion', (tx) => run(tx, READ_SCHEMA_VERSION));
  const version = records[0]?.get('version') as unknown;
  return typeof version === 'number' ? version : null;
}

/**
 * IF NOT EXISTS matches by name only, so an index from an older config (another analyzer, or the
 * relationship types of an older version) would silently stay.
 */
async function rebuildFulltextIndexesThatDiffer(runner: Neo4jRunner): Promise<void> {
  const records = await runner.read('showFulltextIndexes', (tx) => run(tx, SHOW_FULLTEXT_INDEXES));
  const found = new Map(records.map((r) => [r.get('name') as string, r]));
  for (const spec of FULLTEXT_INDEXES) {
    const index = found.get(spec.name);
    if (!index) continue;
    const labelsOrTypes = [...((index.get('labelsOrTypes') as string[] | null) ?? [])].sort();
    const same = index.get('analyzer') === spec.analyzer && labelsOrTypes.join('|') === [...spec.labelsOrTypes].sort().join('|');
    if (same) continue;
    await runner.schema('dropFulltextIndex', DROP_INDEX, { name: spec.name });
    await runner.schema('createFulltextIndex', spec.create);
  }
}

function alreadyExists(e: unknown): boolean {
  const cause = e instanceof Error ? e.cause : undefined;
  return cause instanceof Neo4jError && ALREADY_EXISTS.has(cause.code);
}
