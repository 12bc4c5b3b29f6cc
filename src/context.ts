import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { countingStore, type CallCounter } from './loaders/counting-store';
import { createLoaders, type Loaders } from './loaders/loaders';
import type { Store } from './ports/traversals';

/** Everything a resolver may use for one request; built fresh per request. */
export interface RequestContext {
  readonly requestId: string;
  readonly loaders: Loaders;
  /** The store for calls no loader covers (search, listings), counted like the loaders' calls. */
  readonly store: Store;
  readonly storeCalls: CallCounter;
  readonly logger: Logger;
}

export function createRequestContext(store: Store, logger: Logger, requestId: string = randomUUID()): RequestContext {
  const storeCalls: CallCounter = { count: 0 };
  const counted = countingStore(store, storeCalls);
  return {
    requestId,
    loaders: createLoaders(counted),
    store: counted,
    storeCalls,
    logger: logger.child({ requestId }),
  };
}
