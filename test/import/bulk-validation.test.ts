import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertToCsv } from '../../src/bulk-import/convert';
import { stringCell, stringListCell, LIST_SEPARATOR } from '../../src/bulk-import/csv-cells';
import { importEntry } from '../../src/bulk-import/audit-csv';
import { importChange } from '../../src/import/import-change';
import { parseImportArgs } from '../../src/import/import-args';
import { readRecordFile } from '../../src/records/read-record-file';
import { validateGraph } from '../../src/records/validate-graph';
import type { WriteOp } from '../../src/ports/graph-writes';
import { jsonl, tempDir, writeTemp, NEW_GRAPH, newEvent, newPerson, newSource, attended } from '../support/files';

/** The online import's problems for a file (read-record-file, then validate-graph), in line order. */
async function onlineProblems(path: string): Promise<unknown[]> {
  const content = await readRecordFile(path);
  const problems = [...content.problems, ...validateGraph(content.lines, content.texts)];
  return problems.sort((a, b) => a.lineNo - b.lineNo);
}

function bulkProblems(path: string): unknown[] {
  const conversion = convertToCsv(path, mkdtempSync(join(tempDir(), 'csv-')), { actor: 't', at: new Date(0) });
  return conversion.ok ? [] : [...conversion.problems];
}

describe('--bulk-neo4j validation is the online import\'s', () => {
  const broken: [string, object[] | string][] = [
    ['a relationship before its entities (forward references resolve), one end missing', [attended, newSource, newEvent, { ...attended, id: 'r2', toId: 'x' }]],
    ['evidence before its source, one quote missing', [newPerson, { ...newEvent, evidence: [{ sourceId: newSource.id, quote: 'absent' }] }, newSource]],
    ['unknown references and sources', [newSource, { ...attended, fromId: 'nobody', onBehalfOfId: 'ghost' }, { ...newPerson, evidence: [{ sourceId: 'nope', quote: 'x' }] }]],
    ['quotes not in the text, offsets off the quote', [newSource, { ...newPerson, evidence: [{ sourceId: newSource.id, quote: 'not there' }] }, { ...newEvent, evidence: [{ ...newEvent.evidence[0]!, start: 1, end: 5 }] }]],
    ['duplicates of every kind', [...NEW_GRAPH, newSource, newPerson, { ...attended, role: 'other' }]],
    ['schema problems and bad JSON', `${jsonl([newSource])}{"record":"entity"}\n\n{oops\n${jsonl([{ ...newPerson, kind: 'ALIEN' }, { ...attended, endDate: '2000', startDate: '2001' }])}`],
    ['an unreadable textFile', [{ ...newSource, text: undefined, textFile: 'missing.txt' }, newPerson]],
  ];

  it.each(broken)('%s', async (_name, content) => {
    const path = writeTemp('f.jsonl', typeof content === 'string' ? content : jsonl(content));
    const expected = await onlineProblems(path);
    expect(expected.length).toBeGreaterThan(0);
    expect(bulkProblems(path)).toEqual(expected);
  });

  it('accepts what the online import accepts, forward references included', async () => {
    const path = writeTemp('ok.jsonl', jsonl([attended, newPerson, newEvent, newSource]));
    expect(await onlineProblems(path)).toEqual([]);
    const dir = mkdtempSync(join(tempDir(), 'csv-'));
    const conversion = convertToCsv(path, dir, { actor: 't', at: new Date(0) });
    expect(conversion.ok).toBe(true);
    expect(readFileSync(join(dir, 'relationships.csv'), 'utf8').split('\n')[1]).toMatch(/^"aigerim-sultanova","prison-monitoring-round-table-2024",ATTENDED,/);
  });
});

describe('--bulk-neo4j CSV cells', () => {
  it('quote every string and double its quotes; lists use U+001F', () => {
    expect(stringCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(stringListCell(['x;y', 'z'])).toBe(`"x;y${LIST_SEPARATOR}z"`);
    expect(stringListCell([])).toBe('');
  });

  it('write the audit entry the online import writes', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const ops = [
      { op: 'putSource', source: { id: 's' } },
      { op: 'putEntity', entity: { id: 'e' } },
      { op: 'putRelationship', relationship: { id: 'r' } },
    ] as unknown as WriteOp[];
    const online = importChange(ops, new Set(), { at, actor: 'a', file: 'f.jsonl', part: '2/3' });
    const bulk = importEntry(['s', 'e', 'r'], { sources: 1, entities: 1, relationships: 1 }, { at, actor: 'a', file: 'f.jsonl', part: '2/3' });
    const { id: _a, ...onlineRest } = online;
    const { id: _b, ...bulkRest } = bulk;
    expect(bulkRest).toEqual(onlineRest);
  });
});

describe('npm run import -- --bulk-neo4j arguments', () => {
  it('take the file as the value of --bulk-neo4j and need --data', () => {
    expect(parseImportArgs(['--bulk-neo4j', 'g.jsonl', '--data', 'db', '--heap', '4g'])).toEqual({
      help: false, file: 'g.jsonl', dryRun: false, actor: 'import-cli', bulk: { data: 'db', heap: '4g' },
    });
    expect(() => parseImportArgs(['--bulk-neo4j', 'g.jsonl'])).toThrow(/needs --data <DIR>/);
    expect(() => parseImportArgs(['--bulk-neo4j', 'g.jsonl', '--data', 'db', '--dry-run'])).toThrow(/--dry-run does not go with/);
    expect(() => parseImportArgs(['g.jsonl', '--data', 'db'])).toThrow(/go with --bulk-neo4j only/);
  });
});
