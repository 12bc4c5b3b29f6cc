import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ANONYMOUS, type Authentication } from './auth/authenticate';
import type { Caller } from './domain/change';
import { countingStore, type CallCounter } from './loaders/counting-store';
import { createLoaders, type Loaders } from './loaders/loaders';
import type { Store } from './ports/traversals';

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
}

export interface RequestContextOptions {
  readonly requestId?: string;
  /** From the Authorization header (src/auth); anonymous by default. */
  readonly authentication?: Authentication;
}

export function createRequestContext(store: Store, logger: Logger, options: RequestContextOptions = {}): RequestContext {
  const requestId = options.requestId ?? randomUUID();
  const authentication = options.authentication ?? ANONYMOUS;
  const storeCalls: CallCounter = { count: 0 };
  const counted = countingStore(store, storeCalls);
  const caller = authentication.caller;
  return {
    requestId,
    loaders: createLoaders(counted),
    store: counted,
    storeCalls,
    // The caller's name (never its secret) goes with every log line of the request.
    logger: logger.child(caller ? { requestId, caller: caller.name } : { requestId }),
    caller,
    authentication,
    warnings: [],
  };
}
