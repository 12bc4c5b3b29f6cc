import { parseExportArgs } from '../../src/export/export-args';
import { parseImportArgs } from '../../src/import/import-args';

describe('the import and export arguments', () => {
  it('reads a file, --dry-run and --actor, defaulting the actor', () => {
    expect(parseImportArgs(['a.csv', '--dry-run', '--actor', 'maria'])).toEqual({ help: false, file: 'a.csv', dryRun: true, actor: 'maria' });
    expect(parseImportArgs(['a.jsonl'])).toEqual({ help: false, file: 'a.jsonl', dryRun: false, actor: 'import-cli' });
  });

  it.each([
    [[], /expected exactly one file to import, got 0/],
    [['a', 'b'], /got 2/],
    [['a', '--actor', ' '], /--actor needs a name/],
    [['a', '--force'], /Unknown option '--force'/],
  ])('refuses import arguments %j', (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(message);
  });

  it('reads --format and --out', () => {
    expect(parseExportArgs(['--format', 'GEXF', '--out', 'g.gexf'])).toEqual({ help: false, format: 'gexf', out: 'g.gexf' });
    expect(parseExportArgs(['--format', 'jsonl'])).toEqual({ help: false, format: 'jsonl', out: null });
  });

  it.each([
    [[], /--format is required/],
    [['--format', 'svg'], /--format must be one of jsonl, graphml, gexf, cytoscape; got "svg"/],
    [['--format', 'jsonl', '--out', ''], /--out needs a file path/],
  ])('refuses export arguments %j', (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(message);
  });
});
