/**
 * One jest run for every suite. Neo4j Community has a single user database, which the Neo4j suites
 * wipe and reseed, so test files run one at a time (maxWorkers: 1): parallel files would wipe each
 * other's data. Neo4j itself is provisioned once per run by the global setup, when a file of the
 * run needs it: the sequencer records which files run (test/support/global-setup.ts has the rule).
 *
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testSequencer: '<rootDir>/test/support/recording-sequencer.cjs',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/seed-setup.ts'],
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 1,
  // Neo4j round trips and restarts; files that start their own server raise it further.
  testTimeout: 60_000,
};
