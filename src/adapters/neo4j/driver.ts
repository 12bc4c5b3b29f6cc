import {
  auth as authTokens,
  Neo4jError,
  driver as createDriver,
  int as neo4jInt,
  session as accessModes,
  type Driver,
  type Integer,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { Bounded, Deadline } from '../../ports/deadline';
import { translateDriverError } from './errors';

export interface Neo4jOptions {
  readonly uri: string;
  readonly user: string;
  /** Empty: connect without authentication (a server with auth disabled). */
  readonly password: string;
  readonly database: string;
  /** How long a query may wait for a connection before it fails with STORE_UNAVAILABLE. */
  readonly timeoutMs: number;
}

/** Cap on the driver's own retries of a failed transaction; the caller's latency budget comes first. */
const MAX_RETRY_MS = 500;

/** Pooled connections idle longer than this are checked before use, so a restarted server costs no failed query. */
const LIVENESS_CHECK_MS = 30_000;

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * The one place that talks to the driver: short-lived sessions, managed transactions routed read or
 * write, the database always named, every error translated on the way out. Creating it opens no
 * connection; the pool connects on first use and reconnects by itself after an outage.
 */
export class Neo4jRunner implements Bounded<Neo4jRunner> {
  private readonly driver: Driver;

  /**
   * `shared` and `before` are for gatedBy: a runner over the same driver whose every transaction
   * first awaits `before`.
   */
  constructor(
    private readonly options: Neo4jOptions,
    shared?: Driver,
    private readonly before?: () => Promise<void>,
    /** Shared by every runner over the driver: the driver itself exposes no pool figures. */
    private readonly sessions = { open: 0 },
    /** Bounds every transaction: its remaining time becomes the transaction's timeout. */
    private readonly deadline: Deadline | null = null,
  ) {
    this.driver = shared ?? connect(options);
  }

  /** The same connections, each transaction waiting for `before` first (the schema gate). */
  gatedBy(before: () => Promise<void>): Neo4jRunner {
    return new Neo4jRunner(this.options, this.driver, before, this.sessions, this.deadline);
  }

  /** The same connections and gate, every transaction bounded by `deadline`. */
  within(deadline: Deadline): Neo4jRunner {
    return new Neo4jRunner(this.options, this.driver, this.before, this.sessions, deadline);
  }

  /** Sessions open now over this driver, each holding a pooled connection while it works. */
  get sessionsOpen(): number {
    return this.sessions.open;
  }

  read<T>(operation: string, work: Work<T>): Promise<T> {
    return this.transact(operation, 'READ', work);
  }

  write<T>(operation: string, work: Work<T>): Promise<T> {
    return this.transact(operation, 'WRITE', work);
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL go out in one write and come
   * back in one round trip, where a managed transaction adds a BEGIN and a COMMIT (three socket
   * writes, two round trips). On loopback those writes were most of a simple read's cost. Managed
   * transactions retry transient failures by themselves; this retries them once, as a statement
   * that only reads may be.
   */
  async readOne<T>(
    operation: string,
    statement: string,
    params: Record<string, unknown>,
    map: (records: Neo4jRecord[]) => T,
  ): Promise<T> {
    try {
      // Mapped here, so a record that does not map fails like any other read (translated, cause kept).
      return map(await this.runOnce(statement, params));
    } catch (e) {
      // Called on the class: the driver's exported isRetriableError is that static method unbound,
      // and throws a TypeError on any error it is given.
      if (!Neo4jError.isRetryable(e)) throw translateDriverError(e, operation, this.deadline);
      try {
        return map(await this.runOnce(statement, params));
      } catch (again) {
        throw translateDriverError(again, operation, this.deadline);
      }
    }
  }

  private async runOnce(statement: string, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
    await this.before?.();
    const timeout = this.deadline?.remainingMs();
    const session = this.openSession('READ');
    try {
      return (await withoutCallerStack(() => session.run(statement, params, timeout === undefined ? undefined : { timeout }))).records;
    } finally {
      this.sessions.open--;
      await session.close().catch(() => undefined);
    }
  }

  /** Schema commands cannot share a transaction with anything; each runs on its own. */
  async schema(operation: string, statement: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    return this.write(operation, (tx) => run(tx, statement, params));
  }

  /** For statements that manage their own transactions (`CALL ... IN TRANSACTIONS`). */
  async autoCommit(operation: string, statement: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    await this.before?.();
    const session = this.openSession('WRITE');
    try {
      return (await session.run(statement, params)).records;
    } catch (e) {
      throw translateDriverError(e, operation, this.deadline);
    } finally {
      this.sessions.open--;
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async transact<T>(operation: string, mode: 'READ' | 'WRITE', work: Work<T>): Promise<T> {
    await this.before?.();
    // The operation's budget becomes the transaction's timeout, so the server itself stops (and
    // rolls back) work the caller has stopped waiting for. Throws TIMEOUT when nothing is left.
    const timeout = this.deadline?.remainingMs();
    const config = timeout === undefined ? undefined : { timeout };
    const session = this.openSession(mode);
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (e) {
      throw translateDriverError(e, operation, this.deadline);
    } finally {
      this.sessions.open--;
      // A failed close (the server went away) must not replace the error being reported.
      await session.close().catch(() => undefined);
    }
  }

  private openSession(mode: 'READ' | 'WRITE'): Session {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? accessModes.READ : accessModes.WRITE,
      // Chains every session causally, so a read after a write sees it even on a cluster.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    this.sessions.open++;
    return session;
  }
}

function connect(options: Neo4jOptions): Driver {
  // No token means scheme "none" (the typings omit auth.none()), which an auth-disabled server accepts.
  const token = options.password ? authTokens.basic(options.user, options.password) : undefined;
  return createDriver(options.uri, token, {
    connectionTimeout: options.timeoutMs,
    connectionAcquisitionTimeout: options.timeoutMs,
    maxTransactionRetryTime: Math.min(MAX_RETRY_MS, options.timeoutMs),
    connectionLivenessCheckTimeout: LIVENESS_CHECK_MS,
    // Our queries never need anything but JS numbers; no Integer objects in results.
    disableLosslessIntegers: true,
    userAgent: 'rightsgraph',
  });
}

export async function run(tx: ManagedTransaction, statement: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
  return (await withoutCallerStack(() => tx.run(statement, params))).records;
}

/**
 * The driver formats a stack trace for every result it creates (neo4j-driver-core's
 * captureStacktrace), to put the caller's frames on an error that arrives later: about 5% of the
 * server's CPU on a single-entity read in the bench profile. Here the caller is always this file,
 * and every error is translated with the driver's as its cause, so the result is created with
 * stack traces off (synchronously: nothing else runs before the limit is restored).
 */
function withoutCallerStack<T>(create: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return create();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Cypher reads a JS number as a float; SKIP, LIMIT and list slices need integers. */
export function int(value: number): Integer {
  return neo4jInt(Math.trunc(value));
}
