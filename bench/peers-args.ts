import { parseArgs } from 'node:util';
import { SYSTEMS, type SystemName } from './peers-systems';
import { WORKLOAD_IDS, type WorkloadId } from './peers-workloads';

export const PEERS_USAGE = `usage: npm run bench:peers -- [options]
  --help                  print this and exit
  --quick                 smoke run: ${'2,000'} synthetic relationships, 1 round, 1 s runs, no warm-up
  --scale N               synthetic relationships besides the seed (default 100000)
  --rounds N              alternating rounds (default 3)
  --duration S            seconds per run at --connections (default 5)
  --latency-duration S    seconds per run at one connection (default 3)
  --warmup S              seconds of warm-up per system and workload (default 2; 0: none)
  --connections N         concurrent connections of the throughput runs (default 16)
  --neo4j-uri URI         use this Neo4j (it is WIPED) instead of starting one; NEO4J_USER,
                          NEO4J_PASSWORD, NEO4J_DATABASE from the environment
  --systems a,b           a subset of ${SYSTEMS.join(',')}
  --workloads W1,W2       a subset of ${WORKLOAD_IDS.join(',')}
  --out FILE              also write the tables as markdown to FILE
  --inject-difference W   (testing) change the second system's answer to W before the
                          comparison, which must then fail`;

export interface PeersArgs {
  readonly help: boolean;
  readonly quick: boolean;
  readonly scale: number;
  readonly rounds: number;
  readonly seconds: number;
  readonly latencySeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly neo4jUri: string | null;
  readonly systems: readonly SystemName[];
  readonly workloads: readonly WorkloadId[];
  readonly out: string | null;
  readonly injectDifference: WorkloadId | null;
}

/** A mistake in the command line: printed as its message and the usage, without a stack. */
export class UsageError extends Error {}

function usageError(message: string): Error {
  return new UsageError(`${message}\n${PEERS_USAGE}`);
}

export function parsePeersArgs(argv: readonly string[]): PeersArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean' },
        quick: { type: 'boolean' },
        scale: { type: 'string' },
        rounds: { type: 'string' },
        duration: { type: 'string' },
        'latency-duration': { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        'neo4j-uri': { type: 'string' },
        systems: { type: 'string' },
        workloads: { type: 'string' },
        out: { type: 'string' },
        'inject-difference': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const quick = values.quick ?? false;
  const number = (name: string, raw: string | undefined, fallback: number, min: number, whole: boolean): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) {
      throw usageError(`--${name} takes ${whole ? 'a whole number' : 'a number'} of at least ${min}, got "${raw}"`);
    }
    return n;
  };
  const subset = <T extends string>(name: string, raw: string | undefined, all: readonly T[]): T[] => {
    if (raw === undefined) return [...all];
    const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((n) => !(all as readonly string[]).includes(n));
    if (names.length === 0 || unknown.length > 0) throw usageError(`--${name} takes a comma-separated subset of ${all.join(',')}; got "${raw}"`);
    return all.filter((a) => names.includes(a));
  };
  const uri = values['neo4j-uri'] ?? null;
  if (uri !== null && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/.test(uri)) throw usageError(`--neo4j-uri takes a bolt:// or neo4j:// address, got "${uri}"`);
  const inject = values['inject-difference'] ?? null;
  if (inject !== null && !(WORKLOAD_IDS as readonly string[]).includes(inject)) {
    throw usageError(`--inject-difference takes one of ${WORKLOAD_IDS.join(', ')}, got "${inject}"`);
  }
  return {
    help: values.help ?? false,
    quick,
    scale: number('scale', values.scale, quick ? 2000 : 100_000, 100, true),
    rounds: number('rounds', values.rounds, quick ? 1 : 3, 1, true),
    seconds: number('duration', values.duration, quick ? 1 : 5, 1, true),
    latencySeconds: number('latency-duration', values['latency-duration'], quick ? 1 : 3, 1, true),
    warmupSeconds: number('warmup', values.warmup, quick ? 0 : 2, 0, true),
    connections: number('connections', values.connections, 16, 1, true),
    neo4jUri: uri,
    systems: subset('systems', values.systems, SYSTEMS),
    workloads: subset('workloads', values.workloads, WORKLOAD_IDS),
    out: values.out ?? null,
    injectDifference: inject as WorkloadId | null,
  };
}
