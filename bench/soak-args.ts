import { parseArgs } from 'node:util';

export const SOAK_USAGE =
  'usage: npm run soak -- --minutes N --rate R|half-peak [--store embedded|neo4j] [--url URL --token SECRET]\n' +
  '       [--connections 32] [--relationships 100000] [--peak-seconds 15] [--log-level warn] [--cpu-profile DIR]';

export const SOAK_STORES = ['embedded', 'neo4j'] as const;
export type SoakStore = (typeof SOAK_STORES)[number];

export interface SoakArgs {
  readonly minutes: number;
  /** Requests per second over all connections; 'half-peak' measures the peak of this workload first. */
  readonly rate: number | 'half-peak';
  readonly store: SoakStore;
  /** A server already running (its /graphql URL); the soak then starts nothing. */
  readonly url: string | null;
  /** An EDITOR token of the server at --url (for its writes); with our own server one is made up. */
  readonly token: string | null;
  readonly connections: number;
  /** Size of the synthetic graph loaded next to the seed (our own server only). */
  readonly relationships: number;
  readonly peakSeconds: number;
  /** LOG_LEVEL of our server; its log goes to a file in the run's directory. */
  readonly logLevel: string;
  /** Where our server writes a V8 CPU profile of the whole run (`node --cpu-prof`), to see where its time went. */
  readonly cpuProfile: string | null;
}

export function parseSoakArgs(argv: readonly string[]): SoakArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      minutes: { type: 'string' },
      rate: { type: 'string' },
      store: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      connections: { type: 'string' },
      relationships: { type: 'string' },
      'peak-seconds': { type: 'string' },
      'log-level': { type: 'string' },
      'cpu-profile': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const int = (name: string, value: string | undefined, fallback: number | null, min: number): number => {
    if (value === undefined && fallback !== null) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, got "${value ?? ''}"\n${SOAK_USAGE}`);
    return n;
  };
  const store = values.store ?? 'embedded';
  if (!(SOAK_STORES as readonly string[]).includes(store)) throw new Error(`--store takes embedded or neo4j, got "${store}"\n${SOAK_USAGE}`);
  const url = values.url ?? null;
  if (url !== null && !/^https?:\/\/[^/]+\/graphql$/.test(url)) throw new Error(`--url takes the server's /graphql address, got "${url}"\n${SOAK_USAGE}`);
  if (url !== null && values.token === undefined) throw new Error(`--url needs --token, an EDITOR token of that server, for the writes\n${SOAK_USAGE}`);
  if (url !== null && values['cpu-profile'] !== undefined) throw new Error(`--cpu-profile profiles our own server, not one at --url\n${SOAK_USAGE}`);
  if (values.rate === undefined) throw new Error(`--rate is required: requests per second, or half-peak\n${SOAK_USAGE}`);
  return {
    minutes: int('minutes', values.minutes, null, 1),
    rate: values.rate === 'half-peak' ? 'half-peak' : int('rate', values.rate, null, 1),
    store: store as SoakStore,
    url,
    token: values.token ?? null,
    connections: int('connections', values.connections, 32, 1),
    relationships: int('relationships', values.relationships, 100_000, 0),
    peakSeconds: int('peak-seconds', values['peak-seconds'], 15, 3),
    logLevel: values['log-level'] ?? 'warn',
    cpuProfile: values['cpu-profile'] ?? null,
  };
}
