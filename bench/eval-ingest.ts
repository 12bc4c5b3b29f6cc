import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RelationshipType } from '../src/domain/enums';
import type { Extraction } from '../src/ingest/extraction';
import { extractDocument } from '../src/ingest/extract';
import { buildGazetteer, type Gazetteer } from '../src/ingest/gazetteer';
import { readDocument } from '../src/ingest/read-document';
import { memoryStore } from '../src/open-store';
import { projectRoot } from '../src/paths';
import { normalizeName } from '../src/search/normalize';
import { loadSeedDirectory } from '../src/seed/read-seed';
import { seedStore } from '../src/seed/seed-store';

/**
 * `npm run eval:ingest`: extraction measured on the labelled sets of test/fixtures/ingest
 * (dev: the rules were tuned on it; holdout: written with it, never tuned on) and on the founding
 * source, whose expected facts are the seed graph. Gazetteer: the seed graph, in memory.
 */
const TYPES = [RelationshipType.CHAIRED, RelationshipType.SPOKE_AT, RelationshipType.ATTENDED, RelationshipType.HOSTED, RelationshipType.OBSERVES, RelationshipType.HOLDS_POSITION, RelationshipType.MEMBER_OF];

interface Expected {
  readonly title: string;
  readonly publishedAt: string | null;
  readonly entities: readonly { readonly name?: string; readonly existingId: string | null }[];
  readonly relationships: readonly { readonly type: RelationshipType; readonly from: string; readonly to: string | null }[];
}

interface Counts { tp: number; fp: number; fn: number }
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const FIXTURES = join(projectRoot(), 'test', 'fixtures', 'ingest');

/** Keys an extraction's relationships as "TYPE|from|to": existing ids, else normalised names, "EVENT". */
export function relationKeys(x: Extraction): Set<string> {
  const key = (ref: string | null): string => {
    if (ref === null) return 'null';
    const e = x.entities.find((y) => y.ref === ref);
    if (!e) return 'null';
    if (e.kind === 'EVENT') return 'EVENT';
    return e.existingId ?? normalizeName(e.name);
  };
  return new Set(x.relationships.map((r) => `${r.type}|${key(r.from)}|${key(r.to)}`));
}

function expectedKeys(e: Expected): Set<string> {
  const key = (k: string | null): string => (k === null ? 'null' : k === 'EVENT' ? 'EVENT' : /^[a-z0-9-]+$/.test(k) ? k : normalizeName(k));
  return new Set(e.relationships.map((r) => `${r.type}|${key(r.from)}|${key(r.to)}`));
}

function score(perType: Map<string, Counts>, got: Set<string>, want: Set<string>): string[] {
  const misses: string[] = [];
  for (const k of new Set([...got, ...want])) {
    const c = perType.get(k.split('|')[0]!) ?? counts();
    perType.set(k.split('|')[0]!, c);
    if (got.has(k) && want.has(k)) c.tp++;
    else if (got.has(k)) {
      c.fp++;
      misses.push(`  + ${k}`);
    } else {
      c.fn++;
      misses.push(`  - ${k}`);
    }
  }
  return misses;
}

const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : (n / d).toFixed(2).padStart(5));

function evalSet(name: string, gazetteer: Gazetteer, verbose: boolean): void {
  const dir = join(FIXTURES, name);
  const perType = new Map<string, Counts>();
  const resolution = counts();
  let quotes = 0;
  let verbatim = 0;
  const report: string[] = [];
  const files = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).sort();
  for (const f of files) {
    const expected = JSON.parse(readFileSync(join(dir, f.replace(/\.(txt|html)$/, '.expected.json')), 'utf8')) as Expected;
    const doc = readDocument(readFileSync(join(dir, f)), { fileName: f, title: expected.title, publishedAt: expected.publishedAt });
    const x = extractDocument(doc, gazetteer);
    for (const item of [...x.entities, ...x.relationships]) {
      for (const ev of item.evidence) {
        quotes++;
        if (x.source.text.slice(ev.start, ev.end) === ev.quote && ev.quote.length > 0) verbatim++;
      }
    }
    const gotIds = new Set(x.entities.map((e) => e.existingId).filter((id): id is string => id !== null));
    const wantIds = new Set(expected.entities.map((e) => e.existingId).filter((id): id is string => id !== null));
    for (const id of new Set([...gotIds, ...wantIds])) {
      if (gotIds.has(id) && wantIds.has(id)) resolution.tp++;
      else if (gotIds.has(id)) {
        resolution.fp++;
        report.push(`${f}  + existing ${id}`);
      } else {
        resolution.fn++;
        report.push(`${f}  - existing ${id}`);
      }
    }
    const misses = score(perType, relationKeys(x), expectedKeys(expected));
    if (misses.length > 0) report.push(`${f}\n${misses.join('\n')}`);
  }
  let tp = 0, fp = 0, fn = 0;
  console.log(`\n${name}: ${files.length} documents`);
  console.log('  type             precision  recall   tp  fp  fn');
  for (const t of TYPES) {
    const c = perType.get(t) ?? counts();
    if (t !== RelationshipType.OBSERVES && t !== RelationshipType.MEMBER_OF) {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    console.log(`  ${t.padEnd(16)} ${pct(c.tp, c.tp + c.fp)}     ${pct(c.tp, c.tp + c.fn)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`);
  }
  console.log(`  ${'5 target types'.padEnd(16)} ${pct(tp, tp + fp)}     ${pct(tp, tp + fn)}  ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}`);
  console.log(`  existing-entity resolution: precision ${pct(resolution.tp, resolution.tp + resolution.fp)}, recall ${pct(resolution.tp, resolution.tp + resolution.fn)}`);
  console.log(`  quotes verbatim with correct offsets: ${verbatim}/${quotes} (${((100 * verbatim) / Math.max(1, quotes)).toFixed(1)}%)`);
  if (verbose) console.log(report.join('\n'));
}

function evalFounding(gazetteer: Gazetteer, seedText: string, rels: readonly { type: string; fromId: string; toId: string }[]): void {
  const x = extractDocument({ text: seedText, title: 'founding source', publishedAt: '2023-12-14' }, gazetteer);
  const got = relationKeys(x);
  console.log('\nfounding source (expected: the seed graph)');
  for (const t of [RelationshipType.CHAIRED, RelationshipType.SPOKE_AT, RelationshipType.HOSTED, RelationshipType.ATTENDED]) {
    const want = rels.filter((r) => r.type === t).map((r) => `${t}|${r.fromId}|${r.toId === 'dphd-cab-concluding-meeting-2023' ? 'EVENT' : r.toId}`);
    const missing = want.filter((k) => !got.has(k));
    const extra = [...got].filter((k) => k.startsWith(`${t}|`) && !want.includes(k));
    console.log(`  ${t.padEnd(9)} recovered ${want.length - missing.length}/${want.length}${missing.length ? `  missing ${missing.join(', ')}` : ''}${extra.length ? `  extra ${extra.join(', ')}` : ''}`);
  }
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const batch = await loadSeedDirectory();
  const store = memoryStore();
  await seedStore(store, batch);
  const gazetteer = await buildGazetteer(store);
  evalSet('dev', gazetteer, verbose);
  evalSet('holdout', gazetteer, verbose);
  const source = batch.sources[0]!;
  evalFounding(gazetteer, source.text ?? '', batch.relationships.map((r) => ({ type: r.type, fromId: r.fromId, toId: r.toId })));
  await store.close();
}

void main();
