import type { SearchQuery } from '../../search/score';
import type { SearchDoc } from '../../search/search-doc';

/**
 * Each entity's SearchDoc, and the entities under each of their tokens, kept in token order.
 *
 * scoreDoc matches only when every query token is a prefix of some token of the entity, so the
 * entities filed under the tokens that start with any one query token hold every match. A search
 * scores those (taking the query token whose range holds the fewest), not every entity: on the
 * 100k-relationship graph a full scan was a third of the server's time under the soak's mix.
 */
export class SearchIndex {
  private readonly docs = new Map<string, SearchDoc>();
  private readonly postings = new Map<string, Set<string>>();
  /**
   * The keys of `postings`, sorted by code unit, so a prefix is one contiguous range. Sorted once
   * on the first search (a store loads thousands of entities before anyone searches), then kept
   * sorted entity by entity.
   */
  private sorted: string[] | null = null;

  get(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  set(id: string, doc: SearchDoc): void {
    this.delete(id);
    this.docs.set(id, doc);
    for (const token of doc.tokens) {
      const ids = this.postings.get(token);
      if (ids) ids.add(id);
      else {
        this.postings.set(token, new Set([id]));
        this.sorted?.splice(this.lowerBound(this.sorted, token), 0, token);
      }
    }
  }

  delete(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    for (const token of doc.tokens) {
      const ids = this.postings.get(token)!;
      ids.delete(id);
      if (ids.size === 0) {
        this.postings.delete(token);
        this.sorted?.splice(this.lowerBound(this.sorted, token), 1);
      }
    }
  }

  /** Ids of every entity that can match `query` (a superset of the matches); none for no tokens. */
  candidates(query: SearchQuery): Set<string> {
    let best: string[] | null = null;
    let bestSize = Infinity;
    for (const q of query.tokens) {
      const range = this.range(q);
      let size = 0;
      for (const token of range) size += this.postings.get(token)!.size;
      if (size < bestSize) {
        best = range;
        bestSize = size;
      }
    }
    const ids = new Set<string>();
    for (const token of best ?? []) for (const id of this.postings.get(token)!) ids.add(id);
    return ids;
  }

  /** The tokens that start with `prefix`. */
  private range(prefix: string): string[] {
    const tokens = (this.sorted ??= [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const from = this.lowerBound(tokens, prefix);
    let to = from;
    while (to < tokens.length && tokens[to]!.startsWith(prefix)) to++;
    return tokens.slice(from, to);
  }

  /** The first position whose token is not below `token` (code-unit order, as startsWith compares). */
  private lowerBound(tokens: readonly string[], token: string): number {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid]! < token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
