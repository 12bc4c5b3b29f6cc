/**
 * The @neo4j/graphql peer: its schema over the same database, served by Apollo Server 5's own
 * standalone HTTP server, as the library's getting-started guide sets it up. Run by
 * `npm run bench:peers` as a child process (see bench/peers.ts): prints `READY <url>` once it
 * listens, stops on SIGTERM. NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) name the
 * database; the parent measures statements and db hits through ./driver-capture.cjs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const require = createRequire(import.meta.url);
const { installDriverCapture } = require('./driver-capture.cjs');

const connection = {
  uri: process.env.NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
};
if (!connection.uri) throw new Error('NEO4J_URI is not set');

const capture = installDriverCapture(neo4j, connection);
const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
const typeDefs = readFileSync(new URL('./type-defs.graphql', import.meta.url), 'utf8');
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  // The database the product uses; without it each request's session would first ask the server for its home database.
  context: async () => ({ sessionConfig: { database: connection.database } }),
});

process.once('SIGTERM', () => {
  Promise.all([server.stop(), capture.close()])
    .then(() => driver.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
process.stdout.write(`READY ${url.replace(/\/$/, '')}\n`);
