import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { EmbeddedLoadFigures } from './embedded-load-child';

const CHILD_TIMEOUT_MS = 15 * 60_000;

/** Runs bench/embedded-load-child in a fresh Node process (with gc exposed) and reads its figures. */
export function embeddedLoadInChild(relationships: number): Promise<EmbeddedLoadFigures> {
  const script = join(__dirname, 'embedded-load-child.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', script, String(relationships)],
      { timeout: CHILD_TIMEOUT_MS, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`embedded load child failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as EmbeddedLoadFigures);
      },
    );
  });
}
