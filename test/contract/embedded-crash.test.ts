/**
 * kill -9 in the middle of a stream of writes: a child process writes and prints `ACK <id>` after
 * each write resolves; it is SIGKILLed at a random moment, several times over one data directory.
 * Every acknowledged write must be there after each restart, and every write whole or absent.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EntityOrder } from '../../src/ports/graph-store';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { MEETING_ID } from '../support/seed-source';
import { testTempDir } from '../support/test-tmp';
import { openEmbeddedStore } from '../../src/open-store';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, 'fixtures');
const ROUNDS = 4;
const MIN_ACKS = 50;

interface Round {
  readonly acked: readonly string[];
  readonly signal: NodeJS.Signals | null;
}

/** Runs the writer until it has acknowledged `killAfter` writes (and a random moment more), then SIGKILLs it. */
function writeUntilKilled(dataDir: string, prefix: string, killAfter: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', join(FIXTURES, 'ts-register.cjs'), join(FIXTURES, 'embedded-writer.ts'), dataDir, prefix],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acked: string[] = [];
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('ACK ')) return;
      acked.push(line.slice(4));
      if (acked.length >= killAfter && !killing) {
        killing = true;
        // A random moment after the last ACK, so the kill also lands inside a write or its fsync.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acked, signal });
      else reject(new Error(`writer exited with ${code} before it was killed:\n${stderr}`));
    });
  });
}

describe('embedded store under kill -9', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = testTempDir('crash-');
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, and each write whole or not at all', async () => {
    const acked: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const result = await writeUntilKilled(dataDir, `crash-${round}`, MIN_ACKS + Math.floor(Math.random() * 100));
      expect(result.acked.length).toBeGreaterThanOrEqual(MIN_ACKS);
      acked.push(...result.acked);
    }

    const store = await openEmbeddedStore({ dataDir });
    try {
      const found = await store.getEntities(acked);
      expect(acked.filter((_id, i) => found[i] === null)).toEqual([]);

      // Acknowledged or not, a write that is there is there whole: entity, relationship and audit entry.
      const seed = await loadSeedDirectory();
      const all = (await store.listEntities({ first: 100_000, offset: 0, orderBy: EntityOrder.NAME })).items;
      const written = all.filter((e) => e.id.startsWith('crash-')).map((e) => e.id);
      expect(written.length).toBeGreaterThanOrEqual(acked.length);
      expect(all.length).toBe(seed.entities.length + written.length);
      const touching = await store.relationshipsTouching(written);
      expect(touching.map((r) => r.fromId).sort()).toEqual([...written].sort());
      expect(touching.every((r) => r.toId === MEETING_ID && r.onBehalfOfId === 'kz-mfa')).toBe(true);
      const changes = await store.changes({ first: 100_000, offset: 0 });
      expect(changes.items.map((c) => c.ids[0]).sort()).toEqual([...written].sort());
      expect((await store.relationshipsTouching(['kz-mfa'])).length).toBe(
        seed.relationships.filter((r) => [r.fromId, r.toId, r.onBehalfOfId].includes('kz-mfa')).length + written.length,
      );
    } finally {
      await store.close();
    }
  });
});
