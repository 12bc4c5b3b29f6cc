import { parseArgs } from 'node:util';
import { DEFAULT_IMPORT_ACTOR } from './import-graph';

export const IMPORT_USAGE = `Usage: npm run import -- <file.jsonl|file.csv> [--dry-run] [--actor <name>]

  <file>      JSON Lines in the seed record shape (seed/README.md), or CSV (by the .csv extension):
              entities   id,kind,name,aliases,orgType,country,date,description,sourceId,quote,confidence
              relationships  id,type,fromId,toId,role,onBehalfOfId,startDate,endDate,description,sourceId,quote,confidence
              (aliases |-separated; one evidence item per row; the sources must already be in the store)
  --dry-run   validate against the store and report what would be written; write nothing
  --actor     name recorded in the audit entry (default ${DEFAULT_IMPORT_ACTOR})

Every line is validated first; any problem refuses the whole file (exit code 1) and nothing is written.
Records the store already holds unchanged are skipped, so importing the same file twice writes nothing.`;

export interface ImportArgs {
  readonly help: boolean;
  readonly file: string;
  readonly dryRun: boolean;
  readonly actor: string;
}

/** Parses the CLI arguments; throws an Error whose message is meant for the user. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'dry-run': { type: 'boolean' },
        actor: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n\n${IMPORT_USAGE}`, { cause: e });
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, file: '', dryRun: false, actor: DEFAULT_IMPORT_ACTOR };
  if (positionals.length !== 1) throw new Error(`expected exactly one file to import, got ${positionals.length}\n\n${IMPORT_USAGE}`);
  const actor = values.actor?.trim() ?? DEFAULT_IMPORT_ACTOR;
  if (actor === '' || actor.length > 200) throw new Error('--actor needs a name of 1 to 200 characters');
  return { help: false, file: positionals[0]!, dryRun: values['dry-run'] === true, actor };
}
