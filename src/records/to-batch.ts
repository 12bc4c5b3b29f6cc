import type { EntityRecord, RecordBatch, RelationshipRecord, SourceRecord } from '../domain/records';
import type { LocatedLine } from './record-lines';

/** Checked lines as records; a source's text comes from `texts` (inline or its textFile, read). */
export function toBatch(lines: readonly LocatedLine[], texts: ReadonlyMap<string, string>): RecordBatch {
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
        entities.push(rest);
        break;
      }
      case 'relationship': {
        const { record: _r, ...rest } = v;
        relationships.push(rest);
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
