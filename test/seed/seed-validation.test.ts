import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { testTempDir } from '../support/test-tmp';

const source = { record: 'source', id: 'src', title: 'A source', text: 'Alice chaired the meeting.' };
const alice = {
  record: 'entity', id: 'alice', kind: 'PERSON', name: 'Alice',
  evidence: [{ sourceId: 'src', quote: 'Alice', confidence: 'HIGH' }],
};
const meeting = {
  record: 'entity', id: 'meeting', kind: 'EVENT', name: 'The meeting',
  evidence: [{ sourceId: 'src', quote: 'the meeting', confidence: 'HIGH' }],
};
const chaired = {
  record: 'relationship', id: 'r1', type: 'CHAIRED', fromId: 'alice', toId: 'meeting',
  evidence: [{ sourceId: 'src', quote: 'Alice chaired the meeting', confidence: 'HIGH' }],
};

function seedDir(records: object[]): string {
  const dir = testTempDir('seed-');
  writeFileSync(join(dir, 'graph.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  return dir;
}

describe('the seed loader', () => {
  it('loads a valid dataset', async () => {
    const batch = await loadSeedDirectory(seedDir([source, alice, meeting, chaired]));
    expect(batch.entities.map((e) => e.id)).toEqual(['alice', 'meeting']);
    expect(batch.relationships[0]).toMatchObject({ id: 'r1', role: null, onBehalfOfId: null });
  });

  it.each([
    ['a duplicated id', [source, alice, alice, meeting], /graph.jsonl:3 \(record "alice"\): duplicate entity id "alice" \(first defined at line 2\)/],
    ['an unknown relationship end', [source, alice, { ...chaired, toId: 'nowhere' }], /record "r1"\): toId "nowhere" is not a known entity id/],
    ['an unknown type', [source, alice, meeting, { ...chaired, type: 'KNOWS' }], /record "r1"\): type: Invalid option/],
    ['an unknown kind', [source, { ...alice, kind: 'ROBOT' }], /record "alice"\): kind: Invalid option/],
    [
      'a quote not in the source',
      [source, alice, meeting, { ...chaired, evidence: [{ sourceId: 'src', quote: 'Bob chaired', confidence: 'HIGH' }] }],
      /record "r1"\): evidence\[0\]\.quote is not found verbatim in source "src": "Bob chaired"/,
    ],
    ['missing evidence', [source, { ...alice, evidence: [] }], /record "alice"\): evidence: every entity needs at least one evidence item/],
    ['an unknown source', [source, { ...alice, evidence: [{ sourceId: 'other', quote: 'Alice' }] }], /sourceId "other" is not a known source id/],
    ['a malformed date', [source, { ...meeting, date: '14.12.2023' }], /record "meeting"\): date: expected a PartialDate/],
  ])('refuses %s, naming the offending record', async (_what, records, message) => {
    await expect(loadSeedDirectory(seedDir(records))).rejects.toThrow(message);
  });

  it('reports every problem at once, not just the first', async () => {
    const bad = [source, { ...alice, kind: 'ROBOT' }, { ...chaired, toId: 'nowhere' }];
    await expect(loadSeedDirectory(seedDir(bad))).rejects.toThrow(/3 problems/);
  });
});
