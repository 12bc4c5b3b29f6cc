import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * bench/peers/: the peers' own package folder (@neo4j/graphql and the versions it pins), kept out
 * of the product's dependencies. Found from the repository root, so it works from bench/ (ts-jest)
 * and from dist/bench/ alike.
 */
export function peersDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'bench', 'peers');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`no bench/peers/package.json above ${from}`);
  }
}

/**
 * Installs bench/peers/ from its committed lock file on first use (a fresh clone has no
 * node_modules there): `npm ci --prefix bench/peers`, so the bench needs no manual set-up.
 */
export function ensurePeersInstalled(say: (message: string) => void): void {
  const dir = peersDir();
  if (existsSync(join(dir, 'node_modules', '@neo4j', 'graphql', 'package.json'))) return;
  say(`installing the peers' packages: npm ci --prefix ${dir}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`npm ci --prefix ${dir} failed (${result.error?.message ?? `exit ${result.status}`}); run it by hand to see why`);
  }
}
