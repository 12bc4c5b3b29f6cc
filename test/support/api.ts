import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { createAuthenticator, type Authenticator } from '../../src/auth/authenticate';
import { loadTokens } from '../../src/auth/token-config';
import { configSchema, type Config } from '../../src/config';
import { createRequestContext, type RequestContext } from '../../src/context';
import { buildGraphqlSchema } from '../../src/graphql/schema';
import { testTempDir } from './test-tmp';
import { createApollo } from '../../src/graphql/apollo';
import { EntityOrder } from '../../src/ports/graph-store';
import type { Store } from '../../src/ports/store';
import type { Extractor } from '../../src/review/extractor';

export const silentLogger = pino({ level: 'silent' });

/** Bearer secrets of the test callers, one per role; pass TOKEN_ENV to TestApi.start to know them. */
export const TOKENS = {
  reader: 'reader-secret-for-tests',
  editor: 'editor-secret-for-tests',
  admin: 'admin-secret-for-tests!',
} as const;

export const TOKEN_ENV: Readonly<Record<string, string>> = {
  API_TOKENS: `reader:READER:${TOKENS.reader},editor:EDITOR:${TOKENS.editor},admin:ADMIN:${TOKENS.admin}`,
};

/**
 * Everything a store holds, as one comparable value: sources, entities, every relationship, the
 * audit log and every source's citations. Equal dumps before and after a refused request show it wrote nothing.
 */
export async function storeDump(store: Store): Promise<string> {
  const entities = await store.listEntities({ first: 1_000_000, offset: 0, orderBy: EntityOrder.NAME });
  const relationships = await store.relationshipsTouching(entities.items.map((e) => e.id));
  const changes = await store.changes({ first: 1_000_000, offset: 0 });
  const sources = await store.listSources();
  // The citation indexes are state too: a reopen must rebuild them, a refused write leave them alone.
  const ids = sources.map((s) => s.id);
  const citations = { counts: await store.citationCounts(ids), lists: await store.citationsOf(ids, 1_000_000) };
  return JSON.stringify({ sources, entities, relationships, changes, citations });
}

/** Test configuration; every call gets its own empty DATA_DIR so no test touches ./data. */
export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = testTempDir('data-');
  return Object.freeze(
    configSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }),
  );
}

export interface RunOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** The raw Authorization header, for malformed ones; wins over `token`. */
  authorization?: string;
}

export interface ApiResult<T = Record<string, unknown>> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

/** A real Apollo server over a real store, driven through executeOperation with a real context. */
export class TestApi {
  private constructor(
    private readonly apollo: ApolloServer<RequestContext>,
    readonly store: Store,
    private readonly authenticator: Authenticator,
    private readonly extractor?: Extractor,
  ) {}

  /** `env` is config as the server reads it, e.g. API_TOKENS for callers that `run` names by token. */
  /** `extractor`: what ingestDocument runs instead of src/ingest's (a fixed extraction). */
  static async start(store: Store, env: Record<string, string> = {}, extractor?: Extractor): Promise<TestApi> {
    const config = testConfig(env);
    const apollo = createApollo({ config, schema: buildGraphqlSchema(), logger: silentLogger });
    await apollo.start();
    return new TestApi(apollo, store, createAuthenticator(loadTokens(config)), extractor);
  }

  async run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options: RunOptions = {}): Promise<ApiResult<T>> {
    const header = options.authorization ?? (options.token === undefined ? undefined : `Bearer ${options.token}`);
    const response = await this.apollo.executeOperation<T>(
      { query, variables },
      {
        contextValue: createRequestContext(this.store, silentLogger, {
          authentication: this.authenticator.authenticate(header),
          ...(this.extractor && { extractor: this.extractor }),
        }),
      },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors, extensions } = response.body.singleResult;
    return { data, errors, extensions };
  }

  /** Runs a query that must succeed and returns its data. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<T> {
    const result = await this.run<T>(query, variables, options);
    if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async stop(): Promise<void> {
    await this.apollo.stop();
  }
}
