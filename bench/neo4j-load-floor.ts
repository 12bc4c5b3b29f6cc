import { Neo4jRunner, run, type Neo4jOptions } from '../src/adapters/neo4j/driver';
import { ENTITY_LABEL } from '../src/adapters/neo4j/labels';
import { groupsByTarget, toRelationshipWrite } from '../src/adapters/neo4j/upsert';
import { createGroupedRelationships } from '../src/adapters/neo4j/upsert-cypher';
import type { RelationshipRecord } from '../src/domain/records';

/**
 * For the benchmark only (so it lives here, not in the adapter): how fast this server creates relationships at all, so that the upsert's
 * rate can be read against what the machine allows. It writes the same end pairs, chunk by chunk,
 * as relationships of a type no query reads and no index covers, without upsert's id check, then
 * deletes them. Two floors: bare relationships, and relationships carrying upsert's properties,
 * created by upsert's own statement.
 */

/** A type of its own: not in the RelationshipType enum, so no constraint, index or read sees it. */
const PROBE_TYPE = 'LOAD_FLOOR_PROBE';
const E = ENTITY_LABEL;

const CREATE_BARE = `
  UNWIND $groups AS g
  MATCH (b:${E} {id: g.toId})
  UNWIND g.fromIds AS fromId
  MATCH (a:${E} {id: fromId})
  CREATE (a)-[:${PROBE_TYPE}]->(b)
  RETURN count(*) AS created`;

const DELETE_PROBES = `MATCH ()-[r:${PROBE_TYPE}]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`;

export interface FloorFigures {
  readonly relationships: number;
  readonly bareMs: number;
  readonly withPropertiesMs: number;
}

/** Each chunk is one transaction, as one upsert is; the ends must already be stored. */
export async function measureLoadFloor(options: Neo4jOptions, chunks: readonly (readonly RelationshipRecord[])[]): Promise<FloorFigures> {
  const runner = new Neo4jRunner(options);
  const total = chunks.reduce((n, c) => n + c.length, 0);
  try {
    const timed = async (statement: string, withProps: boolean): Promise<number> => {
      const started = performance.now();
      let created = 0;
      for (const chunk of chunks) {
        const [record] = await runner.write('load floor', (tx) => run(tx, statement, { groups: groupsByTarget(chunk.map(toRelationshipWrite), withProps) }));
        created += (record?.get('created') as number | undefined) ?? 0;
      }
      const ms = performance.now() - started;
      await runner.autoCommit('load floor', DELETE_PROBES);
      // A missing end would create nothing for its row and make the figure flatter than the truth.
      if (created !== total) throw new Error(`the load floor created ${created} of ${total} relationships; are all their ends stored?`);
      return ms;
    };
    const bareMs = await timed(CREATE_BARE, false);
    const withPropertiesMs = await timed(createGroupedRelationships(PROBE_TYPE), true);
    return { relationships: total, bareMs, withPropertiesMs };
  } finally {
    await runner.close();
  }
}
