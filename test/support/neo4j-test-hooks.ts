import { Neo4jRunner, run, type Neo4jOptions } from '../../src/adapters/neo4j/driver';
import { AUDIT_REF_LABEL, ENTITY_LABEL, SCHEMA_VERSION_LABEL, WRITE_LOCK_LABEL } from '../../src/adapters/neo4j/labels';
import { toPlain, type Props } from '../../src/adapters/neo4j/mapping';

/**
 * For tests (and the bench, which empties its own server): wiping a database and reading back
 * everything in it, to check idempotence. Not part of the product, so not in the adapter; it
 * still runs through the adapter's Neo4jRunner, so sessions and error translation are the real ones.
 * No jest globals here: the bench's build compiles this file too.
 */

/**
 * Relationships first, then nodes, in small transactions: detaching a hub in the same transaction as
 * thousands of other nodes (and their evidence lists and source texts) passes the server's
 * per-transaction memory cap on graphs of some 50,000 relationships.
 */
const WIPE_RELATIONSHIPS = 'MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS';
const WIPE_NODES = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS';

/** The write lock and schema version nodes are machinery, not data. */
const DUMP_NODES = `
  MATCH (n) WHERE NOT n:${WRITE_LOCK_LABEL} AND NOT n:${SCHEMA_VERSION_LABEL}
  RETURN labels(n) AS labels, properties(n) AS props
  ORDER BY n.id`;

const DUMP_RELATIONSHIPS = `
  MATCH (a)-[r]->(b)
  RETURN type(r) AS type, a.id AS fromId, b.id AS toId, properties(r) AS props
  ORDER BY r.id`;

export interface GraphSnapshot {
  readonly nodes: readonly { labels: string[]; props: Props }[];
  readonly relationships: readonly { type: string; fromId: string; toId: string; props: Props }[];
}

export class Neo4jTestHooks {
  private constructor(private readonly runner: Neo4jRunner) {}

  static create(options: Neo4jOptions): Neo4jTestHooks {
    return new Neo4jTestHooks(new Neo4jRunner(options));
  }

  /** Deletes every node and relationship; the schema (constraints, indexes) stays. */
  async wipe(): Promise<void> {
    // CALL ... IN TRANSACTIONS needs an implicit transaction, not a managed one.
    await this.runner.autoCommit('wipe', WIPE_RELATIONSHIPS);
    await this.runner.autoCommit('wipe', WIPE_NODES);
  }

  /** Leaves audit entries as versions before AuditRef wrote them: without their links. */
  async unlinkAuditRefs(): Promise<void> {
    await this.runner.autoCommit('unlinkAuditRefs', `MATCH (r:${AUDIT_REF_LABEL}) DETACH DELETE r`);
  }

  /** Leaves entities and relationships as code older than evidence offsets wrote them: without the offset lists. */
  async stripEvidenceOffsets(): Promise<void> {
    await this.runner.autoCommit('stripEvidenceOffsets', `MATCH (n:${ENTITY_LABEL}) REMOVE n.evidenceStarts, n.evidenceEnds`);
    await this.runner.autoCommit('stripEvidenceOffsets', 'MATCH ()-[r]->() REMOVE r.evidenceStarts, r.evidenceEnds');
  }

  /** Changes one entity's quotes behind the adapter's back, as damage would. */
  async setEntityQuotes(id: string, quotes: readonly string[]): Promise<void> {
    await this.runner.write('setEntityQuotes', (tx) => run(tx, `MATCH (n:${ENTITY_LABEL} {id: $id}) SET n.evidenceQuotes = $quotes`, { id, quotes }));
  }

  /** As a database migrated by code older than schema versions: no version recorded. */
  async forgetSchemaVersion(): Promise<void> {
    await this.runner.autoCommit('forgetSchemaVersion', `MATCH (v:${SCHEMA_VERSION_LABEL}) DELETE v`);
  }

  /** As a database of an older schema version records it. */
  async setSchemaVersion(version: number): Promise<void> {
    await this.runner.write('setSchemaVersion', (tx) => run(tx, `MATCH (v:${SCHEMA_VERSION_LABEL}) SET v.version = $version`, { version }));
  }

  /** Drops an index and, when `create` is given, makes it again that way (as older code did). */
  async replaceIndex(name: string, create: string | null): Promise<void> {
    await this.runner.schema('dropIndex', 'DROP INDEX $name IF EXISTS', { name });
    if (create !== null) await this.runner.schema('createIndex', create);
  }

  async snapshot(): Promise<GraphSnapshot> {
    return this.runner.read('snapshot', async (tx) => {
      const nodes = (await run(tx, DUMP_NODES)).map((r) => ({
        labels: (r.get('labels') as string[]).slice().sort(),
        props: plain(r.get('props') as Props),
      }));
      const relationships = (await run(tx, DUMP_RELATIONSHIPS)).map((r) => ({
        type: r.get('type') as string,
        fromId: r.get('fromId') as string,
        toId: r.get('toId') as string,
        props: plain(r.get('props') as Props),
      }));
      return { nodes, relationships };
    });
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

function plain(p: Props): Props {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, toPlain(v)]));
}
