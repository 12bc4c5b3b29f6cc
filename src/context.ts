import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ANONYMOUS, type Authentication } from './auth/authenticate';
import type { Caller } from './domain/change';
import { CountingStore, type CallCounter } from './loaders/counting-store';
import { createLoaders, type Loaders } from './loaders/loaders';
import type { Store } from './ports/store';
import type { Deadline } from './ports/deadline';
import type { Extractor } from './review/extractor';
import { extractFromStore } from './ingest/extract-from-store';

/** A non-fatal remark on a successful request, sent as `extensions.warnings`. */
export interface ResponseWarning {
  readonly code: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

/** Everything a resolver may use for one request; built fresh per request. */
export interface RequestContext {
  readonly requestId: string;
  readonly loaders: Loaders;
  /** The store for calls no loader covers (search, listings), counted like the loaders' calls. */
  readonly store: Store;
  readonly storeCalls: CallCounter;
  readonly logger: Logger;
  /** Who the request acts for; null when anonymous or when its token was refused. */
  readonly caller: Caller | null;
  readonly authentication: Authentication;
  /** Collected by resolvers, sent by the warnings plugin. */
  readonly warnings: ResponseWarning[];
  /** Documents -> proposed facts, for ingestDocument (src/ingest unless a test gives its own). */
  readonly extractor: Extractor;
}

export interface RequestContextOptions {
  /** The HTTP layer's id for the request; generated when absent. */
  readonly requestId?: string;
  /** From the Authorization header (src/auth); anonymous by default. */
  readonly authentication?: Authentication;
  /** The extraction ingestDocument runs; src/ingest's by default. */
  readonly extractor?: Extractor;
  /** Bounds every store call of the request (the HTTP layer starts one per operation); unbounded without. */
  readonly deadline?: Deadline;
}

/**
 * `logger` is the request's own logger: over HTTP, Fastify's `request.log`, which already puts
 * the request id on every line, so nothing is derived from it here unless the request has a caller.
 */
export function createRequestContext(store: Store, logger: Logger, options: RequestContextOptions = {}): RequestContext {
  const authentication = options.authentication ?? ANONYMOUS;
  const caller = authentication.caller;
  const counted = new CountingStore(options.deadline ? store.within(options.deadline) : store, { count: 0 });
  return {
    requestId: options.requestId ?? randomUUID(),
    loaders: createLoaders(counted),
    store: counted,
    storeCalls: counted.counter,
    // The caller's name (never its secret) goes with every log line of the request.
    logger: caller ? logger.child({ caller: caller.name }) : logger,
    caller,
    authentication,
    warnings: [],
    extractor: options.extractor ?? extractFromStore,
  };
}
