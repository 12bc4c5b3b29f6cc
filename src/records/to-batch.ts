import type { EntityRecord, RecordBatch, RelationshipRecord, SourceRecord } from '../domain/records';
import { locatedEvidence } from './locate-evidence';
import type { LocatedLine } from './record-lines';

/**
 * Checked lines as records; a source's text comes from `texts` (inline or its textFile, read).
 * Evidence gets its offsets in the texts of the lines' sources or, for sources already stored,
 * `storedTexts` (see locatedEvidence).
 */
export function toBatch(
  lines: readonly LocatedLine[],
  texts: ReadonlyMap<string, string>,
  storedTexts: ReadonlyMap<string, string> = new Map(),
): RecordBatch {
  const textOf = (sourceId: string): string | undefined => texts.get(sourceId) ?? storedTexts.get(sourceId);
  const sources: SourceRecord[] = [];
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  for (const { value: v } of lines) {
    switch (v.record) {
      case 'source': {
        const { record: _r, textFile: _f, text: _t, ...rest } = v;
        sources.push({ ...rest, text: texts.get(v.id) ?? '' });
        break;
      }
      case 'entity': {
        const { record: _r, ...rest } = v;
        entities.push({ ...rest, evidence: locatedEvidence(v.id, v.evidence, textOf) });
        break;
      }
      case 'relationship': {
        const { record: _r, ...rest } = v;
        relationships.push({ ...rest, evidence: locatedEvidence(v.id, v.evidence, textOf) });
        break;
      }
      default: {
        const never: never = v;
        throw new Error(`unknown record ${JSON.stringify(never)}`);
      }
    }
  }
  return { sources, entities, relationships };
}
