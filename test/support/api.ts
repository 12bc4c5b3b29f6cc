import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { configSchema, type Config } from '../../src/config';
import { createRequestContext, type RequestContext } from '../../src/context';
import { buildGraphqlSchema } from '../../src/graphql/schema';
import { createApollo } from '../../src/http/server';
import type { Store } from '../../src/ports/traversals';

export const silentLogger = pino({ level: 'silent' });

export function testConfig(env: Record<string, string> = {}): Config {
  return Object.freeze(configSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...env }));
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
  ) {}

  static async start(store: Store, env: Record<string, string> = {}): Promise<TestApi> {
    const apollo = createApollo({ config: testConfig(env), schema: buildGraphqlSchema(), logger: silentLogger });
    await apollo.start();
    return new TestApi(apollo, store);
  }

  async run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<ApiResult<T>> {
    const response = await this.apollo.executeOperation<T>(
      { query, variables },
      { contextValue: createRequestContext(this.store, silentLogger) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors, extensions } = response.body.singleResult;
    return { data, errors, extensions };
  }

  /** Runs a query that must succeed and returns its data. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.run<T>(query, variables);
    if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async stop(): Promise<void> {
    await this.apollo.stop();
  }
}
