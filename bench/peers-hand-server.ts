import { createServer, type IncomingMessage, type Server } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { HAND_CYPHER, HAND_PARAMS } from './peers-hand-cypher';
import { WORKLOAD_IDS, type WorkloadId } from './peers-workloads';

/** The database the hand-written server reads. */
export interface HandConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface HandServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The floor a careful engineer would write by hand: node:http, the raw driver, one read
 * transaction and one statement per request (POST /W1 ... /W6 with the statement's parameters as
 * JSON), answering `{"data": ...}` in our API's shape. No GraphQL layer, no framework.
 */
export async function startHandServer(connection: HandConnection): Promise<HandServer> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Counts are small; plain numbers serialise as JSON without a conversion pass.
    disableLosslessIntegers: true,
  });
  const server = createServer((req, res) => {
    const workload = (req.url ?? '').slice(1) as WorkloadId;
    if (req.method !== 'POST' || !WORKLOAD_IDS.includes(workload)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"POST /W1 ... /W6"}]}');
      return;
    }
    readJson(req)
      .then((params) => answer(driver, connection.database, workload, params))
      .then(
        (data) => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":${JSON.stringify(data)}}`),
        (e: unknown) =>
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: e instanceof Error ? e.message : String(e) }] })),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port(server)}`, close: () => closeAll(server, driver) };
}

async function answer(driver: Driver, database: string, workload: WorkloadId, params: Record<string, unknown>): Promise<unknown> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    // JSON numbers arrive as floats, which LIMIT refuses: whole numbers go to Cypher as integers.
    const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));
    const result = await session.executeRead((tx) => tx.run(HAND_CYPHER[workload], { ...HAND_PARAMS, ...values }));
    const record = result.records[0];
    // No row: the id matched nothing, which our API answers as a null entity.
    return record ? record.get('answer') : { entity: null };
  } finally {
    await session.close();
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function port(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function closeAll(server: Server, driver: Driver): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await driver.close();
}
