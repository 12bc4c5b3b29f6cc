import { DEFAULT_SEED, parseSeedSyntheticArgs } from '../../src/synthetic/cli-options';
import { DEFAULT_CHUNK_SIZE } from '../../src/synthetic/generate';

describe('seed:synthetic arguments', () => {
  it('reads the size, seed, output file and chunk size', () => {
    expect(parseSeedSyntheticArgs(['--relationships', '100000', '--seed', '7', '--out', 'g.jsonl', '--chunk-size', '5000'])).toEqual({
      help: false, relationships: 100000, seed: 7, out: 'g.jsonl', chunkSize: 5000,
    });
    expect(parseSeedSyntheticArgs(['--relationships=1_000_000'])).toEqual({
      help: false, relationships: 1_000_000, seed: DEFAULT_SEED, out: null, chunkSize: DEFAULT_CHUNK_SIZE,
    });
    expect(parseSeedSyntheticArgs(['-r', '10', '-s', '0']).seed).toBe(0);
  });

  it.each([
    [[], /--relationships is required/],
    [['--relationships', '0'], /--relationships must be an integer from 1 to/],
    [['--relationships', '-5'], /--relationships must be an integer|ambiguous|argument missing/i],
    [['--relationships', '1e6'], /--relationships must be an integer from 1 to \d+; got "1e6"/],
    [['--relationships', '12abc'], /got "12abc"/],
    [['--relationships', '100000000'], /from 1 to 20000000/],
    [['--relationships', '10', '--seed', '4294967296'], /--seed must be an integer from 0 to 4294967295/],
    [['--relationships', '10', '--seed', '1.5'], /--seed must be/],
    [['--relationships', '10', '--chunk-size', '0'], /--chunk-size must be/],
    [['--relationships', '10', '--out', ''], /--out needs a file path/],
    [['--relationships', '10', '--nodes', '5'], /Unknown option '--nodes'[\s\S]*Usage: npm run seed:synthetic/],
    [['--relationships', '10', 'extra'], /Unexpected argument 'extra'|positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSeedSyntheticArgs(argv as string[])).toThrow(message);
  });

  it('answers --help without requiring anything else', () => {
    expect(parseSeedSyntheticArgs(['--help']).help).toBe(true);
  });
});
