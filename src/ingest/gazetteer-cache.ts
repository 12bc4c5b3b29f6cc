import type { GraphStore } from '../ports/graph-store';
import type { GraphWrites } from '../ports/graph-writes';
import { buildGazetteer, type Gazetteer, type GazetteerIndex } from './gazetteer';

/**
 * How far back, before the newest change applied, each look at the log starts again: a writer in
 * another process stamps its change with its own clock, which may lag ours. Changes seen inside
 * the window are recognised by id and not applied twice.
 */
const CLOCK_SLACK_MS = 60_000;
/** Changes read per page of the log. */
const CHANGE_PAGE = 500;
/** More changed ids than this since the last look: reading every entity again is cheaper. */
const REBUILD_OVER_IDS = 5_000;

type CacheStore = GraphStore & Pick<GraphWrites, 'changes'>;

/**
 * A store's gazetteer, read whole once and then kept current from the audit log. Every write, by
 * any process, logs the ids it touched (ports/graph-writes), so before each extraction the cache
 * reads the changes logged since it last looked and refiles just those entities. Reading the
 * whole gazetteer of a 100k-relationship graph takes seconds; a look at the log, one small read.
 *
 * Records put with `upsert` (loading a seed or a synthetic graph) are not logged: they are seen
 * when the cache is built, which happens on the first document after the process starts.
 */
export class GazetteerCache {
  private index: GazetteerIndex | null = null;
  /** Ids of applied changes stamped at or after `since`. */
  private applied = new Map<string, string>();
  private since = '';
  /** Looks at the log one at a time, so two documents never refile the same entity concurrently. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: CacheStore,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<Gazetteer> {
    const next = this.turn.then(() => this.refresh());
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async refresh(): Promise<GazetteerIndex> {
    if (!this.index) return this.rebuild();
    const changes = await this.changesSince(this.since);
    if (changes === null) return this.rebuild();
    const ids = new Set(changes.flatMap((c) => c.ids));
    if (ids.size > 0) {
      const entities = await this.store.getEntities([...ids]);
      [...ids].forEach((id, i) => {
        const entity = entities[i];
        if (entity) this.index!.put(entity);
        else this.index!.remove(id);
      });
    }
    for (const c of changes) this.applied.set(c.id, c.at);
    this.moveWindow();
    return this.index;
  }

  /** Everything logged from `since` that was not applied yet, or null when there is too much of it. */
  private async changesSince(since: string): Promise<{ id: string; at: string; ids: readonly string[] }[] | null> {
    const fresh: { id: string; at: string; ids: readonly string[] }[] = [];
    let idCount = 0;
    for (let offset = 0; ; offset += CHANGE_PAGE) {
      const page = await this.store.changes({ since, first: CHANGE_PAGE, offset });
      for (const c of page.items) {
        if (this.applied.has(c.id)) continue;
        fresh.push({ id: c.id, at: c.at, ids: c.ids });
        idCount += c.ids.length;
        if (idCount > REBUILD_OVER_IDS) return null;
      }
      if (offset + CHANGE_PAGE >= page.totalCount) return fresh;
    }
  }

  private async rebuild(): Promise<GazetteerIndex> {
    // Marked before reading: whatever is logged while the entities are read is applied next time.
    const mark = new Date(this.now() - CLOCK_SLACK_MS).toISOString();
    this.index = await buildGazetteer(this.store);
    this.applied = new Map();
    this.since = mark;
    return this.index;
  }

  /** Starts the next look CLOCK_SLACK_MS before the newest change applied, forgetting older ids. */
  private moveWindow(): void {
    let newest = '';
    for (const at of this.applied.values()) if (at > newest) newest = at;
    if (newest === '') return;
    const since = new Date(Date.parse(newest) - CLOCK_SLACK_MS).toISOString();
    if (since <= this.since) return;
    this.since = since;
    for (const [id, at] of this.applied) if (at < since) this.applied.delete(id);
  }
}
