import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import type { GraphBatch } from '../ports/graph-store';
import { buildCorpus } from './corpus';
import { DateStrings } from './dates';
import { planEntities } from './entity-plan';
import { entityIds, entityNames } from './names';
import { Random } from './random';
import { entityRecord, relationshipRecord, type RenderContext } from './records';
import { countsFor, planRelationships } from './relationship-plan';
import { scaleFor } from './scale';
import { COUNTRIES } from './vocabulary';

export interface SyntheticOptions {
  /** Exactly this many relationships are generated. */
  readonly relationships: number;
  /** 0 .. 2^32-1; the same (relationships, seed) always gives the same graph, byte for byte. */
  readonly seed: number;
}

export interface SyntheticChunkOptions extends SyntheticOptions {
  /** Records per batch (default 10,000). Content does not depend on it, only the cut. */
  readonly chunkSize?: number;
}

export const DEFAULT_CHUNK_SIZE = 10_000;
/** Far above any benchmark; only there so a typo cannot ask for a graph that cannot fit in memory. */
export const MAX_RELATIONSHIPS = 20_000_000;
/** Source batches are cut earlier when their texts add up to this many characters. */
const SOURCE_BATCH_CHARS = 8_000_000;

/** The whole graph as one batch. For a million relationships prefer the chunks, which never hold all records. */
export function generateGraph(options: SyntheticOptions): GraphBatch {
  const sources: SourceRecord[] = [];
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  for (const batch of generateGraphChunks({ ...options, chunkSize: Number.MAX_SAFE_INTEGER })) {
    for (const s of batch.sources) sources.push(s);
    for (const e of batch.entities) entities.push(e);
    for (const r of batch.relationships) relationships.push(r);
  }
  return { sources, entities, relationships };
}

/**
 * The same graph as generateGraph, in batches a loader can upsert one after the other: all
 * sources, then all entities, then the relationships, each batch of one record kind, so every
 * id a batch refers to was in an earlier batch. The plan and the source texts are built up
 * front (about 40 bytes per relationship plus the texts); records are made as batches are taken.
 */
export function* generateGraphChunks(options: SyntheticChunkOptions): Generator<GraphBatch> {
  const { relationships, seed } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  checkInteger('relationships', relationships, 0, MAX_RELATIONSHIPS);
  checkInteger('seed', seed, 0, 0xffffffff);
  checkInteger('chunkSize', chunkSize, 1, Number.MAX_SAFE_INTEGER);

  const context = prepare(relationships, seed);
  const { sources } = context.corpus;

  let from = 0;
  while (from < sources.length) {
    let to = from;
    let chars = 0;
    while (to < sources.length && to - from < chunkSize && (to === from || chars < SOURCE_BATCH_CHARS)) {
      chars += sources[to]!.text.length;
      to++;
    }
    yield { sources: sources.slice(from, to), entities: [], relationships: [] };
    from = to;
  }

  const total = context.plan.layout.total;
  for (let start = 0; start < total; start += chunkSize) {
    const end = Math.min(total, start + chunkSize);
    const entities = new Array<EntityRecord>(end - start);
    for (let g = start; g < end; g++) entities[g - start] = entityRecord(context, g);
    yield { sources: [], entities, relationships: [] };
  }

  for (let start = 0; start < relationships; start += chunkSize) {
    const end = Math.min(relationships, start + chunkSize);
    const batch = new Array<RelationshipRecord>(end - start);
    for (let r = start; r < end; r++) batch[r - start] = relationshipRecord(context, r);
    yield { sources: [], entities: [], relationships: batch };
  }
}

function prepare(relationships: number, seed: number): RenderContext {
  const rng = new Random(seed);
  const scale = scaleFor(relationships, COUNTRIES.length);
  const plan = planEntities(rng, scale);
  const counts = countsFor(relationships, scale, plan);
  const rels = planRelationships(rng, scale, plan, counts, relationships);
  const names = entityNames(plan);
  const dates = new DateStrings();
  const corpus = buildCorpus(plan, rels, names, dates);
  return { plan, rels, corpus, ids: entityIds(plan.layout), names, dates };
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}; got ${String(value)}`);
  }
}
