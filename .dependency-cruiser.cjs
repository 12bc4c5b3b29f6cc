/**
 * The layering of src/, checked on every `npm test` (`npm run lint`). Three flows, each one way:
 *   read:      http -> graphql -> loaders -> ports -> adapters (neo4j | embedded)
 *   write:     graphql (mutation) -> editing (service, write check) -> ports -> adapters
 *   documents: cli -> records (format) -> import | seed -> editing | ports -> adapters
 * Only the composition root (app.ts, open-store.ts) knows both the adapters and everything else.
 * Each folder of src/ has a rule saying what it may not import; a new folder needs one too.
 */
const only = (name, folder, allowed) => ({
  name,
  severity: 'error',
  from: { path: `^src/${folder}` },
  to: { path: `^src/(?!(${allowed.join('|')})(/|\\.ts$))` },
});

module.exports = {
  forbidden: [
    only('domain-is-pure', 'domain', ['domain']),
    only('concurrency-is-pure', 'concurrency', ['concurrency']),
    only('ports-only-domain', 'ports', ['domain', 'ports']),
    only('search-only-domain', 'search', ['domain', 'search']),
    only('records-only-domain', 'records', ['domain', 'records']),
    // Adapters never import config, seed, editing, graphql or each other: what they need is handed in.
    only('embedded-adapter-below-ports', 'adapters/embedded', ['domain', 'ports', 'search', 'concurrency', 'adapters/embedded']),
    only('neo4j-adapter-below-ports', 'adapters/neo4j', ['domain', 'ports', 'search', 'adapters/neo4j']),
    only('loaders-only-ports', 'loaders', ['domain', 'ports', 'loaders']),
    only('editing-below-the-api', 'editing', ['domain', 'ports', 'records', 'search', 'concurrency', 'editing']),
    only('review-through-editing', 'review', ['domain', 'ports', 'records', 'search', 'editing', 'ingest/extraction', 'review']),
    only('import-through-editing', 'import', ['domain', 'ports', 'records', 'editing', 'import']),
    // Writes the Neo4j adapter's store format offline (its mapping, labels, audit rows), then opens it
    // through the composition root to migrate; so it is the one place beside the root that knows that adapter.
    only('bulk-import-writes-neo4j-offline', 'bulk-import', ['domain', 'ports', 'records', 'editing', 'import', 'adapters/neo4j', 'open-store', 'paths', 'free-port', 'bulk-import']),
    only('export-reads-ports', 'export', ['domain', 'ports', 'records', 'export']),
    only('ingest-reads-ports', 'ingest', ['domain', 'ports', 'search', 'records', 'ingest']),
    only('seed-through-ports', 'seed', ['domain', 'ports', 'records', 'seed', 'paths']),
    only('synthetic-makes-records', 'synthetic', ['domain', 'ports', 'records', 'search', 'synthetic']),
    only('auth-beside-the-api', 'auth', ['domain', 'auth', 'config', 'context']),
    only('graphql-never-below-ports', 'graphql', ['domain', 'ports', 'search', 'loaders', 'editing', 'review', 'export', 'auth', 'graphql', 'context', 'config', 'paths']),
    only('http-is-the-edge', 'http', ['domain', 'ports', 'graphql', 'loaders', 'auth', 'metrics', 'http', 'context', 'config', 'paths', 'logger']),
    // Metrics observe the ports and the request context; the root wires them to Apollo and the store.
    only('metrics-observe-ports', 'metrics', ['domain', 'ports', 'context', 'metrics']),
    only('cli-through-the-root', 'cli', ['domain', 'ports', 'records', 'seed', 'import', 'export', 'synthetic', 'review', 'ingest', 'bulk-import', 'cli', 'config', 'logger', 'open-store']),
    {
      name: 'only-the-composition-root-builds-adapters',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(adapters/|bulk-import/|app\\.ts$|open-store\\.ts$)' },
      to: { path: '^src/adapters' },
    },
    {
      name: 'one-module-family-talks-to-neo4j',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/adapters/neo4j' },
      to: { path: 'node_modules/neo4j-driver' },
    },
    {
      name: 'graphology-only-in-the-embedded-adapter',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/adapters/embedded' },
      to: { path: 'node_modules/graphology' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keep node_modules targets visible to the rules above.
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
