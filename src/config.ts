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
  /** `1` adds `extensions.storeCalls` and `extensions.cost` to every GraphQL response. */
  QUERY_STATS: flag.default(false),
  /** Execute operations compiled by graphql-jit (src/graphql/jit-executor.ts); 0: graphql-js's interpreter. */
  GRAPHQL_JIT: flag.default(true),
  // Limits on one GraphQL request, checked before it runs (src/graphql/limits). The defaults sit
  // well above what the explorer and the IDE send (test/graphql/limits-clients.test.ts).
  /** Cost units one operation may add up to (src/graphql/limits/cost.ts says what a unit is). */
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(250_000),
  /** Aliased fields in one operation. */
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  /** Directives (`@include`, `@skip`) in one operation. */
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  /** Lexical tokens of the query document (names, punctuation, values). */
  MAX_TOKENS: z.coerce.number().int().min(1).default(3000),
  /** Field selections written in the query document (validation compares same-named fields pairwise). */
  MAX_FIELDS: z.coerce.number().int().min(1).default(500),
  /** Characters of the query document, in a POST body or a GET `query` parameter. */
  MAX_QUERY_LENGTH: z.coerce.number().int().min(1).default(30_000),
  /** Time budget of one operation; Neo4j transactions get what is left of it as their timeout. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
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
  // Rate limits on /graphql (src/http/rate-limit.ts), per caller and fixed one-minute window: a
  // valid token is one caller wherever it comes from, otherwise the client address (IPv6 by /64)
  // is. The defaults leave room for a newsroom sharing one address; an explorer page takes a few.
  /** `0` turns rate limiting off, e.g. behind a gateway that limits already. */
  RATE_LIMIT_ENABLED: flag.default(true),
  /** Requests without a mutation, per caller per minute. */
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Requests carrying a mutation, per caller per minute. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /**
   * The proxies whose X-Forwarded-For names the client (Fastify's trustProxy), comma-separated
   * addresses or CIDRs (`127.0.0.1`, `10.0.0.0/8`); `true` believes any sender, so a client could
   * pick its own address. Unset: the peer is the client. Behind a TLS terminator, set it, or every
   * caller shares the terminator's address and so its rate limit.
   */
  TRUST_PROXY: z
    .string()
    .refine((v) => !/^\d+$/.test(v), 'TRUST_PROXY takes addresses or CIDRs, not a hop count (Fastify no longer trusts hop counts)')
    .transform((v): boolean | string => (v === 'true' ? true : v === 'false' ? false : v))
    .default(false),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
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
