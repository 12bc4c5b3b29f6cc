import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set by the global setup: the run's temporary directory, which the teardown removes whole. */
export const TEST_TMP_ENV = 'RIGHTSGRAPH_TEST_TMP';

/**
 * A fresh directory inside the run's temporary directory, so nothing a test leaves behind outlives
 * the run; under a jest config without the global setup, directly under the OS temp dir.
 */
export function testTempDir(prefix: string): string {
  return mkdtempSync(join(process.env[TEST_TMP_ENV] || tmpdir(), prefix));
}
