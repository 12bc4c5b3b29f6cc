import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOUNDING_SOURCE_ID } from './seed-source';
import { testTempDir } from './test-tmp';

/** A fresh folder per call, so parallel and repeated runs never share files. */
export function tempDir(): string {
  return testTempDir('io-');
}

export function writeTemp(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

export const jsonl = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** A new source with a new event, a participant and the participation, all quoting it. */
export const NEW_SOURCE_TEXT =
  'On 3 March 2024 the Ombudsman Office held a round table on prison monitoring. Aigerim Sultanova, ' +
  'Head of the Ombudsman Office, attended the round table and spoke about the "Torture-free" campaign.';

export const newSource = {
  record: 'source', id: 'ombudsman-2024-03-03-round-table', title: 'Round table on prison monitoring',
  publisher: 'Ombudsman Office', publishedAt: '2024-03-03', url: 'https://example.org/rt', text: NEW_SOURCE_TEXT,
};
export const newEvent = {
  record: 'entity', id: 'prison-monitoring-round-table-2024', kind: 'EVENT', name: 'Round table on prison monitoring',
  date: '2024-03-03',
  evidence: [{ sourceId: newSource.id, quote: 'On 3 March 2024 the Ombudsman Office held a round table on prison monitoring', confidence: 'HIGH' }],
};
export const newPerson = {
  record: 'entity', id: 'aigerim-sultanova', kind: 'PERSON', name: 'Aigerim Sultanova', aliases: ['A. Sultanova'],
  evidence: [{ sourceId: newSource.id, quote: 'Aigerim Sultanova', confidence: 'HIGH' }],
};
export const attended = {
  record: 'relationship', id: 'rel-aigerim-sultanova-attended-prison-monitoring-round-table-2024', type: 'ATTENDED',
  fromId: newPerson.id, toId: newEvent.id, role: 'Head',
  evidence: [{ sourceId: newSource.id, quote: 'Aigerim Sultanova, Head of the Ombudsman Office, attended the round table', confidence: 'HIGH' }],
};
/** A relationship from a new entity to one the seed already holds, quoting the seed's source. */
export const observesSeedMeeting = {
  record: 'relationship', id: 'rel-aigerim-sultanova-observes-kz-mfa', type: 'OBSERVES',
  fromId: newPerson.id, toId: 'kz-mfa',
  evidence: [{ sourceId: FOUNDING_SOURCE_ID, quote: 'The Ministry of Foreign Affairs of the Republic of Kazakhstan', confidence: 'LOW' }],
};

export const NEW_GRAPH = [newSource, newEvent, newPerson, attended];
