'use strict';
/**
 * What one request costs Neo4j, measured inside a benchmarked server process: while capture is on,
 * every statement the server's own neo4j-driver runs is recorded; then each is run again with
 * PROFILE, and the database hits of its plan are summed. Plain CommonJS so that both the product's
 * children (TypeScript, the product's neo4j-driver) and the @neo4j/graphql child (ESM, its own copy
 * of neo4j-driver in this folder) load the same code with their own driver module.
 *
 * The parent talks to it over the child's IPC channel:
 *   { op: 'capture' }  -> { op: 'capturing' }        start recording
 *   { op: 'profile' }  -> { op: 'profiled', statements, dbHits }   stop, PROFILE what was recorded
 * Outside those two messages the patched run() costs one boolean test.
 */

/**
 * @param {any} neo4j the neo4j-driver module the server uses
 * @param {{ uri: string, user: string, password: string, database: string }} connection
 */
function installDriverCapture(neo4j, connection) {
  let recording = null;
  const wrap = (proto) => {
    const original = proto.run;
    proto.run = function run(query, parameters, config) {
      if (recording !== null) recording.push({ query: typeof query === 'string' ? query : query.text, parameters: parameters ?? {} });
      return original.call(this, query, parameters, config);
    };
  };
  wrap(neo4j.Transaction.prototype);
  wrap(neo4j.Session.prototype);

  let profiler = null;
  async function profileAll(statements) {
    profiler ??= neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
    let dbHits = 0;
    const session = profiler.session({ database: connection.database, defaultAccessMode: neo4j.session.READ });
    const saved = recording;
    recording = null;
    try {
      for (const { query, parameters } of statements) {
        const result = await session.run(profiled(query), parameters);
        dbHits += sumDbHits(result.summary.profile);
      }
    } finally {
      recording = saved;
      await session.close();
    }
    return dbHits;
  }

  process.on('message', (message) => {
    if (!message || typeof message !== 'object') return;
    if (message.op === 'capture') {
      recording = [];
      process.send({ op: 'capturing' });
    } else if (message.op === 'profile') {
      const statements = recording ?? [];
      recording = null;
      profileAll(statements).then(
        (dbHits) => process.send({ op: 'profiled', statements: statements.length, dbHits }),
        (e) => process.send({ op: 'profiled', statements: statements.length, error: e instanceof Error ? e.message : String(e) }),
      );
    }
  });
  return {
    async close() {
      if (profiler) await profiler.close();
    },
  };
}

/** PROFILE goes after a leading `CYPHER 5` (which @neo4j/graphql prefixes) and before the rest. */
function profiled(query) {
  const match = /^\s*(CYPHER[^\n]*\n)/i.exec(query);
  return match ? `${match[1]}PROFILE ${query.slice(match[0].length)}` : `PROFILE ${query}`;
}

function sumDbHits(plan) {
  if (!plan) return 0;
  const own = typeof plan.dbHits === 'number' ? plan.dbHits : Number(plan.dbHits ?? 0);
  return own + (plan.children ?? []).reduce((sum, child) => sum + sumDbHits(child), 0);
}

module.exports = { installDriverCapture };
