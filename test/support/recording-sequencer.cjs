/**
 * jest's own test sequencer, which also records the test files it orders: exactly the files this
 * run executes, however they were chosen (paths, --findRelatedTests, -o, --shard, --onlyFailures).
 * The global setup reads them (test/support/neo4j-need.ts) to start Neo4j only when one needs it.
 * jest loads a sequencer without transforming it, hence plain CommonJS.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Read by selectedTestFiles() in test/support/neo4j-need.ts; the setup runs in this process. */
const SELECTION_KEY = Symbol.for('rightsgraph.selectedTestFiles');

class RecordingSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    globalThis[SELECTION_KEY] = sorted.map((test) => test.path);
    return sorted;
  }
}

module.exports = RecordingSequencer;
