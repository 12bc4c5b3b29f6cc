import { PassThrough } from 'node:stream';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Confidence, EntityKind, RelationshipType } from '../../src/domain/enums';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../src/domain/records';
import { exportGraph } from '../../src/export/export-graph';
import type { ExportFormat } from '../../src/export/export-formats';
import { importFile } from '../../src/import/import-graph';
import type { GraphBatch } from '../../src/ports/graph-store';
import type { Store } from '../../src/ports/store';
import { loadedStore, seedBatch } from '../support/stores';
import { writeTemp } from '../support/files';

/** Markup characters, a control character and a lone surrogate, which XML cannot carry. */
const TRICKY = `A & B <"x"> 'y' \u0001\ud800 line\r\nbreak\tend`;
const TRICKY_CLEAN = `A & B <"x"> 'y'  line\r\nbreak\tend`;

const trickySource: SourceRecord = {
  id: 'tricky-source', title: 'Tricky', publisher: null, publishedAt: null, url: null, text: `Intro. ${TRICKY}. Hub text.`,
};
const evidence = [{ sourceId: trickySource.id, quote: TRICKY, confidence: Confidence.LOW, start: 7, end: 7 + TRICKY.length }];
const tricky: EntityRecord = {
  id: 'tricky', kind: EntityKind.ORGANIZATION, name: TRICKY, aliases: ['a|b', TRICKY], description: TRICKY,
  orgType: null, country: null, date: '2024', evidence,
};
/** More outgoing relationships than one relationshipsOf page holds, so the walk must page a hub. */
const HUB_EDGES = 1_205;
const hubEdges: RelationshipRecord[] = Array.from({ length: HUB_EDGES }, (_, i) => ({
  id: `hub-${String(i).padStart(5, '0')}`, type: RelationshipType.REFERENCED, fromId: 'tricky', toId: 'kz-mfa',
  role: i === 0 ? TRICKY : null, onBehalfOfId: null, startDate: null, endDate: null, description: null, evidence,
}));

function batchWithTricky(): GraphBatch {
  const seed = seedBatch();
  return {
    sources: [...seed.sources, trickySource],
    entities: [...seed.entities, tricky],
    relationships: [...seed.relationships, ...hubEdges],
  };
}

async function exported(store: Store, format: ExportFormat, progress?: string[]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportGraph(store, format, out, { onProgress: (m) => progress?.push(m), progressEvery: 500 });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  text: string;
  readonly namespace: string;
}

/** A strict XML 1.0 parse (saxes): any well-formedness error throws. */
function parseXml(xml: string): XmlElement[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attributes[name] = a.value;
    const element = { name: tag.local, attributes, text: '', namespace: tag.uri };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (t) => {
    const current = open[open.length - 1];
    if (current) current.text += t;
  });
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  return elements;
}

describe('exporting the graph', () => {
  let store: Store;
  let batch: GraphBatch;
  beforeAll(async () => {
    batch = batchWithTricky();
    store = await loadedStore('embedded', batch);
  });
  afterAll(() => store.close());

  it('round-trips through JSON Lines into a fresh store with identical records', async () => {
    const text = await exported(store, 'jsonl');
    expect(text.split('\n').filter(Boolean)).toHaveLength(batch.sources.length + batch.entities.length + batch.relationships.length);
    const fresh = await loadedStore('embedded', { sources: [], entities: [], relationships: [] });
    try {
      const path = writeTemp('export.jsonl', text);
      const result = await importFile(fresh, path, { actor: 'round-trip' });
      expect(result.problems).toEqual([]);
      const entityIds = batch.entities.map((e) => e.id);
      const relationshipIds = batch.relationships.map((r) => r.id);
      expect(await fresh.getEntities(entityIds)).toEqual(await store.getEntities(entityIds));
      expect(await fresh.getRelationships(relationshipIds)).toEqual(await store.getRelationships(relationshipIds));
      expect(await fresh.listSources()).toEqual(await store.listSources());
      expect(await exported(fresh, 'jsonl')).toBe(text);
      // Importing the same export again changes nothing.
      expect(await importFile(fresh, path)).toMatchObject({ problems: [], written: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('writes well-formed GraphML with declared keys, every node and edge, and escaped text', async () => {
    const progress: string[] = [];
    const xml = await exported(store, 'graphml', progress);
    const elements = parseXml(xml);
    expect(elements[0]).toMatchObject({ name: 'graphml', namespace: 'http://graphml.graphdrawing.org/xmlns' });
    const keys = elements.filter((e) => e.name === 'key').map((e) => `${e.attributes.for}:${e.attributes['attr.name']}`);
    expect(keys).toEqual(expect.arrayContaining([
      'node:label', 'node:kind', 'node:orgType', 'node:country', 'node:date', 'node:evidence',
      'edge:type', 'edge:role', 'edge:startDate', 'edge:endDate', 'edge:evidence',
    ]));
    const nodes = elements.filter((e) => e.name === 'node');
    const edges = elements.filter((e) => e.name === 'edge');
    expect(nodes).toHaveLength(batch.entities.length);
    expect(edges).toHaveLength(batch.relationships.length);
    expect(new Set(edges.map((e) => e.attributes.id)).size).toBe(batch.relationships.length);

    const data = elements.filter((e) => e.name === 'data');
    expect(data.filter((d) => d.attributes.key === 'node_label').map((d) => d.text)).toContain(TRICKY_CLEAN);
    // Evidence is JSON text, whose escapes keep even the characters XML cannot carry.
    const trickyEvidence = data.find((d) => d.attributes.key === 'node_evidence' && d.text.includes('LOW'))!;
    expect(JSON.parse(trickyEvidence.text)).toEqual(evidence);
    expect(xml.includes('\u0001') || xml.includes('\ud800')).toBe(false);
    expect(progress).toEqual([`exported ${batch.relationships.length} relationships`]);
  });

  it('writes well-formed GEXF 1.3, static and directed, with declared attributes and escaped values', async () => {
    const xml = await exported(store, 'gexf');
    const elements = parseXml(xml);
    expect(elements[0]).toMatchObject({ name: 'gexf', namespace: 'http://gexf.net/1.3', attributes: { version: '1.3' } });
    expect(elements.find((e) => e.name === 'graph')!.attributes).toMatchObject({ mode: 'static', defaultedgetype: 'directed' });
    const declared = elements.filter((e) => e.name === 'attribute').map((e) => e.attributes.title);
    expect(declared).toEqual(expect.arrayContaining(['kind', 'orgType', 'country', 'date', 'evidence', 'type', 'role', 'startDate', 'endDate']));
    const nodes = elements.filter((e) => e.name === 'node');
    const edges = elements.filter((e) => e.name === 'edge');
    expect(nodes).toHaveLength(batch.entities.length);
    expect(edges).toHaveLength(batch.relationships.length);
    // Attribute values keep their line breaks and tabs through the escaping.
    expect(nodes.find((n) => n.attributes.id === 'tricky')!.attributes.label).toBe(TRICKY_CLEAN);
    const role = elements.find((e) => e.name === 'attvalue' && e.attributes.for === 'role')!;
    expect(role.attributes.value).toBe(TRICKY_CLEAN);
    expect(edges.find((e) => e.attributes.id === 'hub-00000')!.attributes).toMatchObject({
      source: 'tricky', target: 'kz-mfa', label: 'REFERENCED', kind: 'REFERENCED',
    });
  });

  it('writes Cytoscape.js elements JSON', async () => {
    const json = JSON.parse(await exported(store, 'cytoscape'));
    expect(Object.keys(json)).toEqual(['elements']);
    expect(json.elements.nodes).toHaveLength(batch.entities.length);
    expect(json.elements.edges).toHaveLength(batch.relationships.length);
    const node = json.elements.nodes.find((n: any) => n.data.id === 'kz-mfa');
    expect(node.data).toMatchObject({ id: 'kz-mfa', label: 'Ministry of Foreign Affairs of the Republic of Kazakhstan', kind: 'ORGANIZATION', orgType: 'GOVERNMENT_BODY' });
    const edge = json.elements.edges.find((e: any) => e.data.id === 'hub-00000');
    expect(edge.data).toMatchObject({ id: 'hub-00000', source: 'tricky', target: 'kz-mfa', label: 'REFERENCED', role: TRICKY, evidence });
  });
});
