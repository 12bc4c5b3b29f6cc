import { Neo4jError } from 'neo4j-driver';
import { int, run, type Neo4jRunner } from './driver';
import { LINK_UNREFERENCED_CHANGES } from './write-cypher';
import {
  AWAIT_INDEXES,
  CREATE_FULLTEXT_INDEX,
  DROP_FULLTEXT_INDEX,
  FULLTEXT_ANALYZER,
  SCHEMA_STATEMENTS,
  SHOW_FULLTEXT_ANALYZER,
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

/**
 * Idempotent: creates what is missing, rebuilds a search index made with another analyzer, waits
 * until all are online, and links audit entries written before their AuditRef nodes existed.
 */
export async function migrateSchema(runner: Neo4jRunner): Promise<void> {
  await rebuildFulltextIfAnalyzerDiffers(runner);
  for (const statement of SCHEMA_STATEMENTS) {
    try {
      await runner.schema('migrate', statement);
    } catch (e) {
      if (!alreadyExists(e)) throw e;
    }
  }
  await runner.read('awaitIndexes', (tx) => run(tx, AWAIT_INDEXES, { timeoutSeconds: int(AWAIT_INDEXES_SECONDS) }));
  await runner.autoCommit('linkChanges', LINK_UNREFERENCED_CHANGES);
}

/** IF NOT EXISTS matches by name only, so an index from an older config would silently stay. */
async function rebuildFulltextIfAnalyzerDiffers(runner: Neo4jRunner): Promise<void> {
  const records = await runner.read('showFulltextIndex', (tx) => run(tx, SHOW_FULLTEXT_ANALYZER));
  const analyzer = records[0]?.get('analyzer') as unknown;
  if (records.length === 0 || analyzer === FULLTEXT_ANALYZER) return;
  await runner.schema('dropFulltextIndex', DROP_FULLTEXT_INDEX);
  await runner.schema('createFulltextIndex', CREATE_FULLTEXT_INDEX);
}

function alreadyExists(e: unknown): boolean {
  const cause = e instanceof Error ? e.cause : undefined;
  return cause instanceof Neo4jError && ALREADY_EXISTS.has(cause.code);
}
