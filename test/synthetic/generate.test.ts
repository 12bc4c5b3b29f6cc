import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIDENCES, ENTITY_KINDS, EntityKind, ORG_TYPES, RELATIONSHIP_TYPES, RelationshipType } from '../../src/domain/enums';
import { isPartialDate } from '../../src/domain/partial-date';
import type { EvidenceRecord } from '../../src/domain/records';
import type { GraphBatch } from '../../src/ports/graph-store';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { generateGraph, generateGraphChunks } from '../../src/synthetic/generate';
import { degrees, hubIds, SYNTHETIC_HUB_IDS } from '../../src/synthetic/hubs';
import { writeJsonLines } from '../../src/records/jsonl-writer';
import { loadSynthetic } from '../../src/synthetic/load-synthetic';
import { testTempDir } from '../support/test-tmp';
import { memoryStore } from '../../src/open-store';

const SIZE = 6000;
const graph = generateGraph({ relationships: SIZE, seed: 42 });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function problemsOf(batch: GraphBatch): string[] {
  const problems: string[] = [];
  const texts = new Map(batch.sources.map((s) => [s.id, s.text]));
  const entityIds = new Set(batch.entities.map((e) => e.id));
  const checkEvidence = (owner: string, evidence: readonly EvidenceRecord[]): void => {
    if (evidence.length === 0) problems.push(`${owner}: no evidence`);
    for (const e of evidence) {
      const text = texts.get(e.sourceId);
      if (text === undefined) problems.push(`${owner}: unknown source ${e.sourceId}`);
      else if (!text.includes(e.quote)) problems.push(`${owner}: quote not in ${e.sourceId}: ${e.quote}`);
      else if (text.slice(e.start, e.end) !== e.quote) problems.push(`${owner}: offsets ${e.start}..${e.end} do not mark the quote`);
      if (/[\r\n]/.test(e.quote)) problems.push(`${owner}: quote spans a line break`);
      if (!CONFIDENCES.includes(e.confidence)) problems.push(`${owner}: confidence ${e.confidence}`);
    }
  };
  for (const e of batch.entities) {
    if (!ENTITY_KINDS.includes(e.kind)) problems.push(`${e.id}: kind ${e.kind}`);
    if (e.orgType !== null && !ORG_TYPES.includes(e.orgType)) problems.push(`${e.id}: orgType ${e.orgType}`);
    if ((e.orgType !== null) !== (e.kind === EntityKind.ORGANIZATION)) problems.push(`${e.id}: orgType on a ${e.kind}`);
    if (e.country !== null && !/^[A-Z]{2}$/.test(e.country)) problems.push(`${e.id}: country ${e.country}`);
    if (e.date !== null && !isPartialDate(e.date)) problems.push(`${e.id}: date ${e.date}`);
    checkEvidence(e.id, e.evidence);
  }
  for (const r of batch.relationships) {
    if (!RELATIONSHIP_TYPES.includes(r.type)) problems.push(`${r.id}: type ${r.type}`);
    for (const end of [r.fromId, r.toId, r.onBehalfOfId]) {
      if (end !== null && !entityIds.has(end)) problems.push(`${r.id}: unknown entity ${end}`);
    }
    for (const d of [r.startDate, r.endDate]) if (d !== null && !isPartialDate(d)) problems.push(`${r.id}: date ${d}`);
    if (r.startDate && r.endDate && r.endDate < r.startDate) problems.push(`${r.id}: ends before it starts`);
    checkEvidence(r.id, r.evidence);
  }
  return problems;
}

describe('the synthetic graph generator', () => {
  it('gives byte-identical output for the same options, and another graph for another seed', () => {
    const again = generateGraph({ relationships: SIZE, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(graph));
    const other = generateGraph({ relationships: SIZE, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(graph));
  });

  it('yields the same records in chunks, sources first, then entities, then relationships', () => {
    const chunks = [...generateGraphChunks({ relationships: SIZE, seed: 42, chunkSize: 777 })];
    const kinds = chunks.map((c) => (c.sources.length > 0 ? 'S' : c.entities.length > 0 ? 'E' : 'R')).join('');
    expect(kinds).toMatch(/^S+E+R+$/);
    expect(chunks.every((c) => c.sources.length + c.entities.length + c.relationships.length <= 777)).toBe(true);
    const joined = {
      sources: chunks.flatMap((c) => c.sources),
      entities: chunks.flatMap((c) => c.entities),
      relationships: chunks.flatMap((c) => c.relationships),
    };
    expect(JSON.stringify(joined)).toBe(JSON.stringify(graph));
  });

  it.each([1, 2, 7, 50, 333, 1000, 2501])('makes exactly %i relationships, all valid', (relationships) => {
    const batch = generateGraph({ relationships, seed: 5 });
    expect(batch.relationships).toHaveLength(relationships);
    expect(problemsOf(batch)).toEqual([]);
  });

  it('refers only to existing entities and sources, and quotes every source verbatim at the offsets it gives', () => {
    expect(problemsOf(graph)).toEqual([]);
  });

  it('keeps ids unique and prefixed by kind', () => {
    for (const records of [graph.sources, graph.entities, graph.relationships]) {
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const prefix: Record<EntityKind, string> = {
      [EntityKind.PERSON]: 'syn-p-', [EntityKind.ORGANIZATION]: 'syn-o-', [EntityKind.EVENT]: 'syn-e-',
      [EntityKind.LAW]: 'syn-l-', [EntityKind.TOPIC]: 'syn-t-', [EntityKind.DOCUMENT]: 'syn-d-',
    };
    for (const e of graph.entities) expect(e.id.startsWith(prefix[e.kind])).toBe(true);
    expect(graph.relationships.every((r) => /^syn-r-\d+$/.test(r.id))).toBe(true);
    expect(graph.sources.every((s) => /^syn-s-[a-z]+-\d+$/.test(s.id))).toBe(true);
  });

  it('uses every kind, relationship type and orgType, with some partial dates and aliases', () => {
    expect(new Set(graph.entities.map((e) => e.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(new Set(graph.relationships.map((r) => r.type))).toEqual(new Set(RELATIONSHIP_TYPES));
    expect(new Set(graph.entities.map((e) => e.orgType).filter((t) => t !== null))).toEqual(new Set(ORG_TYPES));
    expect(new Set(graph.relationships.flatMap((r) => r.evidence.map((e) => e.confidence)))).toEqual(new Set(CONFIDENCES));
    const dates = [...graph.entities.map((e) => e.date), ...graph.relationships.flatMap((r) => [r.startDate, r.endDate])];
    for (const precision of [/^\d{4}$/, /^\d{4}-\d{2}$/, /^\d{4}-\d{2}-\d{2}$/]) {
      expect(dates.some((d) => d !== null && precision.test(d))).toBe(true);
    }
    const aliases = graph.entities.flatMap((e) => e.aliases);
    expect(aliases.some((a) => /^P\. /.test(a))).toBe(true);
    expect(aliases.some((a) => /[\u0400-\u04ff]/.test(a))).toBe(true);
    expect(graph.relationships.some((r) => r.type === RelationshipType.SPOKE_AT && r.onBehalfOfId !== null)).toBe(true);
  });

  it('scales node counts with the relationships and keeps sources small', () => {
    const count = (kind: EntityKind): number => graph.entities.filter((e) => e.kind === kind).length;
    expect(count(EntityKind.EVENT)).toBe(SIZE / 25);
    expect(count(EntityKind.PERSON)).toBe(SIZE / 12);
    expect(count(EntityKind.ORGANIZATION)).toBe(SIZE / 60);
    expect(Math.max(...graph.sources.map((s) => s.text.length))).toBeLessThan(150_000);
  });

  it('is skewed: the built-in hubs have the highest degrees, far above the median', () => {
    const degree = degrees(graph);
    const hubs = hubIds(graph, 2);
    expect(hubs).toEqual(SYNTHETIC_HUB_IDS.slice(0, 2));
    const median_ = median([...degree.values()]);
    expect(degree.get(SYNTHETIC_HUB_IDS[0]!)!).toBeGreaterThan(20 * Math.max(1, median_));
    const events = graph.entities.filter((e) => e.kind === EntityKind.EVENT).length;
    expect(degree.get(SYNTHETIC_HUB_IDS[0]!)!).toBeGreaterThan(0.7 * events);
  });

  it('writes JSON Lines the seed loader accepts as they are', async () => {
    const dir = testTempDir('synthetic-');
    try {
      const { lines } = writeJsonLines(join(dir, 'synthetic.jsonl'), generateGraphChunks({ relationships: SIZE, seed: 42 }));
      expect(lines).toBe(graph.sources.length + graph.entities.length + graph.relationships.length);
      const loaded = await loadSeedDirectory(dir);
      expect(loaded.relationships).toEqual(graph.relationships);
      expect(loaded.entities).toEqual(graph.entities);
      expect(loaded.sources).toEqual(graph.sources);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads chunk by chunk into a store, where search finds the Cyrillic alias forms', async () => {
    const store = memoryStore();
    const report = await loadSynthetic(store, { relationships: SIZE, seed: 42, chunkSize: 1000 });
    expect(report).toMatchObject({ entities: graph.entities.length, relationships: SIZE, sources: graph.sources.length });
    const [hub] = await store.getEntities([SYNTHETIC_HUB_IDS[0]!]);
    expect(hub?.name).toBe('UN Agency 1');
    const cyrillic = graph.entities.find((e) => e.aliases.some((a) => a.startsWith('\u0420. ')))!;
    const found = await store.search({ text: cyrillic.aliases[1]!, first: 500, offset: 0 });
    expect(found.items.map((e) => e.id)).toContain(cyrillic.id);
  });

  it('refuses sizes and seeds it cannot honour', () => {
    expect(() => generateGraph({ relationships: -1, seed: 1 })).toThrow(/relationships must be an integer/);
    expect(() => generateGraph({ relationships: 1.5, seed: 1 })).toThrow(/relationships/);
    expect(() => generateGraph({ relationships: 10, seed: 2 ** 32 })).toThrow(/seed must be an integer/);
    expect(() => [...generateGraphChunks({ relationships: 10, seed: 1, chunkSize: 0 })]).toThrow(/chunkSize/);
  });
});
