import { preloadSeed } from './stores';

// Every test file may ask for the seed synchronously (seedBatch()); reading it is async.
beforeAll(preloadSeed);
