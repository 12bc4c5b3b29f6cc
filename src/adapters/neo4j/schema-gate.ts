/**
 * Runs the migration once per process, before the first statement that needs the schema: a
 * fresh (or wiped) database has no search index or constraints until migrated, and a server may
 * start while Neo4j is still down. Concurrent first uses share one attempt; a failed attempt is
 * forgotten, so the next use (a query, or /ready's ping) tries again once Neo4j answers. This is
 * the only way migration happens on its own; `npm run migrate` calls it directly.
 */
export class SchemaGate {
  private done = false;
  private pending: Promise<void> | null = null;

  constructor(private readonly migrate: () => Promise<unknown>) {}

  async open(): Promise<void> {
    if (this.done) return;
    this.pending ??= this.migrate().then(
      () => {
        this.done = true;
        this.pending = null;
      },
      (e: unknown) => {
        this.pending = null;
        throw e;
      },
    );
    await this.pending;
  }

  /** After an explicit migration: nothing left to wait for. */
  markOpen(): void {
    this.done = true;
  }
}
