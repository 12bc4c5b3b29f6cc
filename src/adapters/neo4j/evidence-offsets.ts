import { RELATIONSHIP_TYPES } from '../../domain/enums';
import { DomainError, ErrorCode } from '../../domain/errors';
import { locateQuote, type QuoteSpan } from '../../domain/quote-span';
import { int, run, type Neo4jRunner } from './driver';
import { fetchSources } from './fetch';
import * as M from './migrate-cypher';

/** Records per page: a read, a read of their sources' texts, a write. */
const PAGE = 2000;

interface Lacking {
  readonly id: string;
  readonly evidenceSourceIds: readonly string[] | null;
  readonly evidenceQuotes: readonly string[] | null;
}

/**
 * The data migration of schema version 3: entities and relationships stored before evidence had
 * offsets get evidenceStarts and evidenceEnds, each quote's first occurrence in its source's text,
 * as new evidence gets them (domain/quote-span). Records that have them are left alone, so it is
 * idempotent. Answers how many records it filled.
 *
 * The offsets are computed here, in TypeScript, not in Cypher: Cypher's string functions count
 * code points where JavaScript indices count UTF-16 code units, so the two differ after any
 * character outside the Basic Multilingual Plane (an emoji, a mathematical letter). On Neo4j
 * 5.26, `size(split('A 😀 emoji then quote', 'quote')[0])` is 15 where JavaScript's indexOf says 16.
 *
 * A quote its source's text does not hold (which no checked write can store) is damage: the
 * migration names such records and fails with INVALID_DATA, after filling all the others.
 */
export async function fillEvidenceOffsets(runner: Neo4jRunner): Promise<number> {
  const unlocatable: string[] = [];
  let filled = await fillAll(runner, M.ENTITY_EVIDENCE_PAGE, M.FILL_ENTITY_EVIDENCE_OFFSETS, (id) => unlocatable.push(`entity "${id}"`));
  for (const t of RELATIONSHIP_TYPES) {
    const note = (id: string): void => void unlocatable.push(`relationship "${id}"`);
    filled += await fillAll(runner, M.RELATIONSHIP_EVIDENCE_PAGE[t], M.FILL_RELATIONSHIP_EVIDENCE_OFFSETS[t], note);
  }
  if (unlocatable.length > 0) {
    throw new DomainError(
      ErrorCode.INVALID_DATA,
      `${unlocatable.length} record(s) quote words their source's text does not hold, so their evidence offsets cannot be ` +
        `set: ${unlocatable.slice(0, 10).join(', ')}${unlocatable.length > 10 ? ', ...' : ''}. Fix their evidence, then run \`npm run migrate\`.`,
      { records: unlocatable.slice(0, 100) },
    );
  }
  return filled;
}

async function fillAll(runner: Neo4jRunner, pageStatement: string, fillStatement: string, unlocatable: (id: string) => void): Promise<number> {
  let filled = 0;
  for (let after = ''; ; ) {
    const [page] = await runner.read('evidenceOffsetsPage', (tx) => run(tx, pageStatement, { after, limit: int(PAGE) }));
    const last = page?.get('last') as string | null | undefined;
    if (!page || last === null || last === undefined) return filled;
    after = last;
    const lacking = page.get('lacking') as Lacking[];
    if (lacking.length === 0) continue;
    const texts = await sourceTexts(runner, lacking);
    const rows: object[] = [];
    for (const record of lacking) {
      const sourceIds = record.evidenceSourceIds ?? [];
      const quotes = record.evidenceQuotes ?? [];
      const spans = quotes.map((quote, i) => {
        const text = texts.get(sourceIds[i] ?? '');
        return text === undefined ? null : locateQuote(text, quote);
      });
      if (!spans.every((s): s is QuoteSpan => s !== null)) {
        unlocatable(record.id);
        continue;
      }
      rows.push({ id: record.id, sourceIds, quotes, starts: spans.map((s) => int(s.start)), ends: spans.map((s) => int(s.end)) });
    }
    if (rows.length > 0) await runner.write('fillEvidenceOffsets', (tx) => run(tx, fillStatement, { rows }));
    filled += rows.length;
  }
}

async function sourceTexts(runner: Neo4jRunner, records: readonly Lacking[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.flatMap((r) => r.evidenceSourceIds ?? []))];
  const sources = await runner.read('evidenceOffsetsSources', (tx) => fetchSources(tx, ids));
  return new Map(sources.flatMap((s) => (s ? [[s.id, s.text] as const] : [])));
}
