import type { EntityRecord, EvidenceRecord, RelationshipRecord } from '../domain/records';

export interface MergePlan {
  readonly kept: EntityRecord;
  /** Every relationship that touched a merged entity, now pointing at the kept one; ids unchanged. */
  readonly moved: readonly RelationshipRecord[];
}

/**
 * What merging `merged` into `keep` writes. Nothing is dropped: the merged names become aliases
 * (the kept name itself excepted), evidence is appended (exact repeats once), the kept entity's
 * empty attributes are filled from the merged ones in the order given, and relationships keep
 * their ids and evidence, even one that becomes a self-loop, so a merge never loses a sourced fact.
 */
export function planMerge(
  keep: EntityRecord,
  merged: readonly EntityRecord[],
  touching: readonly RelationshipRecord[],
): MergePlan {
  const mergedIds = new Set(merged.map((e) => e.id));
  const onto = (id: string): string => (mergedIds.has(id) ? keep.id : id);
  const names = [...keep.aliases, ...merged.flatMap((e) => [e.name, ...e.aliases])];
  const kept: EntityRecord = {
    ...keep,
    aliases: [...new Set(names)].filter((n) => n !== keep.name),
    description: keep.description ?? firstGiven(merged, (e) => e.description),
    orgType: keep.orgType ?? firstGiven(merged, (e) => e.orgType),
    country: keep.country ?? firstGiven(merged, (e) => e.country),
    date: keep.date ?? firstGiven(merged, (e) => e.date),
    evidence: uniqueEvidence([...keep.evidence, ...merged.flatMap((e) => e.evidence)]),
  };
  const moved = touching.map((r) => ({
    ...r,
    fromId: onto(r.fromId),
    toId: onto(r.toId),
    onBehalfOfId: r.onBehalfOfId === null ? null : onto(r.onBehalfOfId),
  }));
  return { kept, moved };
}

function firstGiven<T>(entities: readonly EntityRecord[], field: (e: EntityRecord) => T | null): T | null {
  for (const e of entities) {
    const value = field(e);
    if (value !== null) return value;
  }
  return null;
}

export function uniqueEvidence(evidence: readonly EvidenceRecord[]): EvidenceRecord[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = JSON.stringify([e.sourceId, e.quote]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
