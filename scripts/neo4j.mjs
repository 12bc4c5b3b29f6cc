#!/usr/bin/env node
/**
 * Runs a real Neo4j (Community 5.26, embedded, Bolt only, no auth) in the foreground, without Docker:
 *
 *   node scripts/neo4j.mjs [--port 7687] [--data DIR] [--heap 512m] [--pagecache 64m] [--stop-on-stdin-eof]
 *   node scripts/neo4j.mjs --build-only        build neo4j/ with Maven if needed, then exit
 *   node scripts/neo4j.mjs --print-command ... print {command,args,cwd} as JSON (for the test helper)
 *   node scripts/neo4j.mjs --print-import-command [--heap 2g]  the same for Neo4j's offline importer
 *                                              (`npm run import -- --bulk-neo4j` appends --data DIR and its options)
 *
 * Builds neo4j/ with Maven on first use. Prints `NEO4J READY bolt://127.0.0.1:PORT` when it
 * accepts queries; Ctrl-C / SIGTERM stops it cleanly. Without --data the store is a temporary
 * directory deleted on exit. Needs Java 17 (JAVA_HOME or PATH) and Maven.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { SIZE, buildNeo4jLauncher, neo4jCommand, neo4jImportCommand } from './neo4j-process.mjs';

const USAGE =
  'usage: node scripts/neo4j.mjs [--port <n>] [--data <dir>] [--heap <size>] [--pagecache <size>] [--stop-on-stdin-eof] | --build-only | --print-command [...] | --print-import-command [--heap <size>]';

function parse(argv) {
  const options = { port: undefined, data: undefined, heap: undefined, pageCache: undefined, stopOnStdinEof: false, buildOnly: false, printCommand: false, printImportCommand: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--port': {
        const raw = next();
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port needs a port number, got '${raw}'`);
        options.port = port;
        break;
      }
      case '--data':
        options.data = next();
        break;
      case '--heap':
      case '--pagecache': {
        const raw = next();
        if (!SIZE.test(raw)) throw new Error(`${arg} needs a size such as 512m or 2g, got '${raw}'`);
        options[arg === '--heap' ? 'heap' : 'pageCache'] = raw;
        break;
      }
      case '--stop-on-stdin-eof':
        options.stopOnStdinEof = true;
        break;
      case '--build-only':
        options.buildOnly = true;
        break;
      case '--print-command':
        options.printCommand = true;
        break;
      case '--print-import-command':
        options.printImportCommand = true;
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument '${argv[i]}'`);
    }
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }

  if (options.printImportCommand) {
    process.stdout.write(`${JSON.stringify(neo4jImportCommand({ heap: options.heap }))}\n`);
    return;
  }
  if (options.printCommand) {
    process.stdout.write(`${JSON.stringify(neo4jCommand(options))}\n`);
    return;
  }

  await buildNeo4jLauncher();
  if (options.buildOnly) return;

  const { command, args, cwd } = neo4jCommand(options);
  const child = spawn(command, args, { cwd, stdio: 'inherit' });

  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGTERM'));

  child.on('error', (error) => {
    console.error(`NEO4J FAILED: cannot start ${command} (${error.message}); Java 17 is needed (JAVA_HOME or PATH)`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
  });
}

main().catch((error) => {
  console.error(`NEO4J FAILED: ${error.message}`);
  process.exit(1);
});
