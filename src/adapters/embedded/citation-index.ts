import { compareCitations } from '../../domain/compare';
import type { CitationRecord, EvidenceRecord } from '../../domain/records';

type HolderKind = CitationRecord['holderKind'];

interface Holder {
  readonly id: string;
  readonly evidence: readonly EvidenceRecord[];
}

/** The holder's stored record, which the index does not copy. */
export type HolderOf = (kind: HolderKind, id: string) => Holder | null;

/**
 * The ids of the entities and relationships that quote each source, kept as records are put and
 * deleted, so a source's citations cost its own holders rather than a scan of the graph. Only ids
 * are kept (the evidence is read from the stored record when asked for): at a million
 * relationships, an object per evidence item would be hundreds of megabytes for a rare read.
 */
export class CitationIndex {
  private readonly holders = new Map<string, Record<HolderKind, Set<string>>>();
  /** Evidence items per source, counted as they come and go, so a count touches no record. */
  private readonly counts = new Map<string, number>();

  constructor(private readonly holderOf: HolderOf) {}

  add(kind: HolderKind, record: Holder): void {
    for (const { sourceId } of record.evidence) {
      let holders = this.holders.get(sourceId);
      if (!holders) {
        holders = { entity: new Set(), relationship: new Set() };
        this.holders.set(sourceId, holders);
      }
      holders[kind].add(record.id);
      this.counts.set(sourceId, (this.counts.get(sourceId) ?? 0) + 1);
    }
  }

  /** `record` must be the stored one, as added: its evidence says which sources to leave. */
  remove(kind: HolderKind, record: Holder): void {
    for (const { sourceId } of record.evidence) {
      this.holders.get(sourceId)?.[kind].delete(record.id);
      const count = (this.counts.get(sourceId) ?? 0) - 1;
      if (count > 0) this.counts.set(sourceId, count);
      else {
        this.counts.delete(sourceId);
        this.holders.delete(sourceId);
      }
    }
  }

  count(sourceId: string): number {
    return this.counts.get(sourceId) ?? 0;
  }

  /** The first `first` citations of the source in compareCitations order. */
  citations(sourceId: string, first: number): CitationRecord[] {
    const holders = this.holders.get(sourceId);
    if (!holders || first <= 0) return [];
    const all: CitationRecord[] = [];
    for (const holderKind of ['entity', 'relationship'] as const) {
      for (const holderId of holders[holderKind]) {
        // Items in the holder's own order: the sort is stable, so that order breaks the last ties.
        for (const evidence of this.holderOf(holderKind, holderId)?.evidence ?? []) {
          if (evidence.sourceId === sourceId) all.push({ holderKind, holderId, evidence });
        }
      }
    }
    return all.sort(compareCitations).slice(0, first);
  }
}
