import { compareStrings } from '../../domain/compare';
import type { ChangeRecord } from '../../domain/change';
import type { PageOf } from '../../ports/graph-store';
import type { ChangeQuery } from '../../ports/graph-writes';

/** The audit entries in id order, with an index by touched id so one entity's history is not a scan. */
export class AuditLog {
  private readonly entries: ChangeRecord[] = [];
  private readonly byTouchedId = new Map<string, ChangeRecord[]>();
  private readonly ids = new Set<string>();

  get size(): number {
    return this.entries.length;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(change: ChangeRecord): void {
    this.ids.add(change.id);
    insertInIdOrder(this.entries, change);
    for (const id of new Set(change.ids)) {
      const list = this.byTouchedId.get(id);
      if (list) insertInIdOrder(list, change);
      else this.byTouchedId.set(id, [change]);
    }
  }

  query(query: ChangeQuery): PageOf<ChangeRecord> {
    const candidates = query.entityId ? (this.byTouchedId.get(query.entityId) ?? []) : this.entries;
    const since = query.since;
    const matches = since ? candidates.filter((c) => compareStrings(c.at, since) >= 0) : candidates;
    return { items: matches.slice(query.offset, query.offset + query.first), totalCount: matches.length };
  }

  values(): IterableIterator<ChangeRecord> {
    return this.entries.values();
  }
}

/** Ids grow with time, so appending is the rule; a late id is placed by binary search. */
function insertInIdOrder(list: ChangeRecord[], change: ChangeRecord): void {
  const last = list[list.length - 1];
  if (last === undefined || compareStrings(last.id, change.id) <= 0) {
    list.push(change);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(list[mid]!.id, change.id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, change);
}
