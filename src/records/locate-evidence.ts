import { locateEvidence, type UnlocatedEvidence } from '../domain/quote-span';
import type { EvidenceRecord } from '../domain/records';

/** Source id -> text, for every source the evidence may name. */
export type SourceTextOf = (sourceId: string) => string | undefined;

/**
 * The one place records get their evidence offsets (seed, import, edits): each item keeps offsets
 * given with it and otherwise gets the quote's first occurrence (domain/quote-span). Callers have
 * run validateGraph, which refuses evidence that cannot be located, so a miss here is a bug.
 */
export function locatedEvidence(owner: string, evidence: readonly UnlocatedEvidence[], textOf: SourceTextOf): EvidenceRecord[] {
  return evidence.map((e, i) => {
    const located = locateEvidence(e, textOf(e.sourceId));
    if (located === null) throw new Error(`"${owner}" evidence[${i}] cannot be located in source "${e.sourceId}" (not validated?)`);
    return located;
  });
}
