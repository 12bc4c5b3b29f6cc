/**
 * The layering of src/, checked on every `npm test`: a request flows
 * http -> graphql -> loaders -> ports -> adapters, and only app.ts knows both ends.
 */
module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', from: { path: '^src/domain' }, to: { path: '^src/(?!domain)' } },
    { name: 'ports-only-domain', severity: 'error', from: { path: '^src/ports' }, to: { path: '^src/(?!domain|ports)' } },
    { name: 'search-only-domain', severity: 'error', from: { path: '^src/search' }, to: { path: '^src/(?!domain|search)' } },
    { name: 'api-never-adapters', severity: 'error', from: { path: '^src/(graphql|loaders|http)' }, to: { path: '^src/adapters' } },
    { name: 'adapters-never-api', severity: 'error', from: { path: '^src/adapters' }, to: { path: '^src/(graphql|loaders|http|context|app)' } },
    { name: 'adapters-independent', severity: 'error', from: { path: '^src/adapters/embedded' }, to: { path: '^src/adapters/neo4j' } },
    { name: 'adapters-independent-2', severity: 'error', from: { path: '^src/adapters/neo4j' }, to: { path: '^src/adapters/embedded' } },
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
