import { DocumentFormat } from '../../src/domain/review';
import { extractFromStore } from '../../src/ingest/extract-from-store';
import type { Extractor } from '../../src/review/extractor';
import { TestApi, TOKEN_ENV, TOKENS, type ApiResult, type RunOptions } from '../support/api';
import { fixedExtractor, REVIEW_TEXT } from '../support/review-fixture';
import { loadedStore, seedBatch, type StoreKind } from '../support/stores';
import type { Caller } from './arbitraries';

/**
 * The API the fuzz suites drive: a real Apollo server with a real request context over a freshly
 * seeded store, plus one filed ingestion, so the review mutations have pending proposals to act
 * on. `reset()` starts over from a fresh store when an accepted write has spent what later cases need.
 */

/** The review fixture's document gets its fixed extraction; every other text the real extractor. */
const extractor: Extractor = (document, store) =>
  document.text === REVIEW_TEXT && document.format === DocumentFormat.TEXT ? fixedExtractor(document, store) : extractFromStore(document, store);

const INGEST = 'mutation ($input: IngestDocumentInput!) { ingestDocument(input: $input) { id proposals { id } } }';

const OPTIONS: Record<Caller, RunOptions> = {
  admin: { token: TOKENS.admin },
  editor: { token: TOKENS.editor },
  reader: { token: TOKENS.reader },
  anonymous: {},
  'unknown token': { token: 'not-a-known-secret-value' },
  'malformed header': { authorization: `Basic ${TOKENS.editor}` },
};

/** Ids of what the fresh graph holds, for arguments that should sometimes name real things. */
export interface Pools {
  entityIds: string[];
  eventIds: string[];
  relationshipIds: string[];
  sourceIds: string[];
  ingestionIds: string[];
  proposalIds: string[];
}

export class FuzzApi {
  readonly pools: Pools = { entityIds: [], eventIds: [], relationshipIds: [], sourceIds: [], ingestionIds: [], proposalIds: [] };
  private current: TestApi | undefined;
  resets = 0;

  constructor(readonly kind: StoreKind) {}

  get api(): TestApi {
    if (!this.current) throw new Error('the fuzz API is used before start()');
    return this.current;
  }

  async start(): Promise<void> {
    this.current = await TestApi.start(await loadedStore(this.kind), TOKEN_ENV, extractor);
    const seed = seedBatch();
    Object.assign(this.pools, {
      entityIds: seed.entities.map((e) => e.id),
      eventIds: seed.entities.filter((e) => e.kind === 'EVENT').map((e) => e.id),
      relationshipIds: seed.relationships.map((r) => r.id),
      sourceIds: seed.sources.map((s) => s.id),
    });
    const filed = await this.api.data(INGEST, { input: { title: 'Composed meeting note', text: REVIEW_TEXT, publishedAt: '2024-02-01' } }, OPTIONS.editor);
    this.pools.ingestionIds = [filed.ingestDocument.id];
    this.pools.proposalIds = filed.ingestDocument.proposals.map((p: { id: string }) => p.id);
  }

  async stop(): Promise<void> {
    await this.current?.stop();
    await this.current?.store.close();
    this.current = undefined;
  }

  async reset(): Promise<void> {
    await this.stop();
    await this.start();
    this.resets++;
  }

  run(query: string, variables: Record<string, unknown>, caller: Caller): Promise<ApiResult> {
    return this.api.run(query, variables, OPTIONS[caller]);
  }
}

/** beforeAll/afterAll for a describe block; the accessor is valid inside its tests. */
export function useFuzzApi(kind: StoreKind): () => FuzzApi {
  const fuzz = new FuzzApi(kind);
  beforeAll(() => fuzz.start(), 180_000);
  afterAll(() => fuzz.stop());
  return () => fuzz;
}
