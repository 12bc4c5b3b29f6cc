import { CsvReader, type CsvRow } from '../../src/records/csv-reader';

function read(text: string, chunkSize = text.length || 1): CsvRow[] {
  const reader = new CsvReader();
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) rows.push(...reader.push(text.slice(i, i + chunkSize)));
  rows.push(...reader.end());
  return rows;
}

describe('the CSV reader (RFC 4180)', () => {
  const file = 'id,name,quote\r\na,"Smith, John","He said ""no""."\r\nb,"two\r\nlines\nhere",x\r\n\r\nc,,""\r\n';

  it('reads quoted commas, doubled quotes and line breaks inside quotes, numbering rows by their first line', () => {
    expect(read(file)).toEqual([
      { lineNo: 1, fields: ['id', 'name', 'quote'], problem: null },
      { lineNo: 2, fields: ['a', 'Smith, John', 'He said "no".'], problem: null },
      { lineNo: 3, fields: ['b', 'two\r\nlines\nhere', 'x'], problem: null },
      { lineNo: 7, fields: ['c', '', ''], problem: null },
    ]);
  });

  it('gives the same rows whatever the chunk boundaries (streaming)', () => {
    for (const size of [1, 2, 3, 7]) expect(read(file, size)).toEqual(read(file));
  });

  it('takes LF line ends and a last line without a line break', () => {
    expect(read('a,b\nc,d').map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('reports malformed records and carries on with the next', () => {
    const rows = read('a,b"c\n"x"y,z\nok,1\n"never closed,2\n');
    expect(rows.map((r) => [r.lineNo, r.problem])).toEqual([
      [1, expect.stringMatching(/a quote inside an unquoted field \(field 2\)/)],
      [2, expect.stringMatching(/text after the closing quote of field 1/)],
      [3, null],
      [4, 'a quoted field opened on line 4 is never closed'],
    ]);
  });
});
