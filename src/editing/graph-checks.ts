import type { UnlocatedEvidence } from '../domain/quote-span';
import type { EntityRecord, RelationshipRecord } from '../domain/records';
import { badInput } from '../domain/errors';
import type { GraphStore } from '../ports/graph-store';
import type { LocatedLine } from '../records/record-lines';
import { toBatch } from '../records/to-batch';
import { validateGraph, type KnownIds } from '../records/validate-graph';

/** A record as an edit builds it: its evidence may still lack offsets. */
export type Draft<T extends { readonly evidence: unknown }> = Omit<T, 'evidence'> & { readonly evidence: readonly UnlocatedEvidence[] };

export interface CheckedRecords {
  readonly entities: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
}

/**
 * Checks records about to be written against the stored graph with the seed's own cross-record
 * rules (references resolve, every quote is verbatim in its source, dates in order), so an edit
 * and an import can never disagree about what is valid; answers them as they are stored, their
 * evidence located in the source texts the same way as an import's (records/locate-evidence).
 */
export async function checkAgainstStore(
  store: GraphStore,
  records: { readonly entities?: readonly Draft<EntityRecord>[]; readonly relationships?: readonly Draft<RelationshipRecord>[] },
): Promise<CheckedRecords> {
  const entities = records.entities ?? [];
  const relationships = records.relationships ?? [];
  const lines: LocatedLine[] = [
    ...entities.map((e) => located({ record: 'entity' as const, ...e, aliases: [...e.aliases], evidence: [...e.evidence] })),
    ...relationships.map((r) => located({ record: 'relationship' as const, ...r, evidence: [...r.evidence] })),
  ];
  const known = await knownIds(store, entities, relationships);
  const problems = validateGraph(lines, new Map(), known);
  if (problems.length > 0) {
    const messages = problems.map((p) => `${p.recordId ? `"${p.recordId}": ` : ''}${p.message}`);
    throw badInput(`${messages.join('; ')}.`, { problems: messages });
  }
  const batch = toBatch(lines, new Map(), known.sourceTexts);
  return { entities: batch.entities, relationships: batch.relationships };
}

function located(value: LocatedLine['value']): LocatedLine {
  return { file: 'input', lineNo: 1, value };
}

/** Only what the records refer to: the existing ones among their entity ids, and their sources. */
async function knownIds(
  store: GraphStore,
  entities: readonly Draft<EntityRecord>[],
  relationships: readonly Draft<RelationshipRecord>[],
): Promise<KnownIds> {
  const entityIds = unique(relationships.flatMap((r) => [r.fromId, r.toId, ...(r.onBehalfOfId ? [r.onBehalfOfId] : [])]));
  const sourceIds = unique([...entities, ...relationships].flatMap((x) => x.evidence.map((e) => e.sourceId)));
  const [found, sources] = await Promise.all([
    entityIds.length ? store.getEntities(entityIds) : [],
    sourceIds.length ? store.getSources(sourceIds) : [],
  ]);
  return {
    entityIds: new Set(found.flatMap((e) => (e ? [e.id] : []))),
    sourceTexts: new Map(sources.flatMap((s) => (s ? [[s.id, s.text] as const] : []))),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
