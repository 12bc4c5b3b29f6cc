import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated at start so a typo fails loudly
 * with the variable's name instead of surfacing later as odd behaviour.
 */
const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .transform((v) => v === '1' || v === 'true');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated origins allowed by CORS; `*` allows any. Empty: same-origin only. */
  CORS_ORIGINS: csv.default([]),
  /** Queries nested deeper than this are refused before execution. */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(50).default(8),
  /** `1` adds `extensions.storeCalls` to every GraphQL response. */
  QUERY_STATS: flag.default(false),
  /** Folder of *.jsonl seed files the embedded store loads at start. */
  SEED_DIR: z.string().optional(),
  /** Where the embedded store keeps its snapshot and journal; the seed loads on first start. */
  DATA_DIR: z.string().default('./data'),
  /**
   * Development tokens, `name:ROLE:secret` comma-separated (ROLE: READER, EDITOR, ADMIN).
   * Prefer API_TOKENS_FILE, which holds only SHA-256 hashes of the secrets.
   */
  API_TOKENS: z.string().optional(),
  /** JSON list of `{ "name", "role", "sha256" }`. */
  API_TOKENS_FILE: z.string().optional(),
  /** `1`: reads need a token too (any role); by default they are public. */
  READS_REQUIRE_TOKEN: flag.default(false),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'NEO4J_URI must start with bolt://, neo4j://, bolt+s://, neo4j+s:// ...')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  /** How long a query waits for a Neo4j connection before failing with STORE_UNAVAILABLE. */
  NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(3000),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** The env variable names the code reads; docker-compose is checked against this list. */
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`NEO4J_URI=`) means "not set", as shells and compose files use it.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
