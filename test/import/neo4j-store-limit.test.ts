import { Neo4jError, error as driverError } from 'neo4j-driver';
import { Neo4jRunner, run } from '../../src/adapters/neo4j/driver';
import { translateDriverError } from '../../src/adapters/neo4j/errors';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import { describeOwnNeo4j } from '../support/stores';
import { startNeo4j, type Neo4jServer } from '../support/neo4j-server';

/** One list of some 3 million strings: well past the 128 MiB the launcher allows a transaction. */
const HUGE_LIST = 'UNWIND range(1, 3000000) AS i WITH collect(toString(i)) AS xs RETURN size(xs) AS n';

/** On a Neo4j of its own: filling the memory pool on the shared server would refuse other suites' transactions. */
describeOwnNeo4j('a transaction Neo4j refuses for memory', () => {
  let server: Neo4jServer;
  let runner: Neo4jRunner;
  beforeAll(async () => {
    server = await startNeo4j();
    runner = new Neo4jRunner({ uri: server.uri, user: 'neo4j', password: '', database: 'neo4j', timeoutMs: 10_000 });
  }, 240_000);
  afterAll(async () => {
    await runner?.close();
    await server?.stop();
  });

  it('is STORE_LIMIT naming db.memory.transaction.max, its size and what to change, not STORE_UNAVAILABLE', async () => {
    const error = await runner.read('hugeList', (tx) => run(tx, HUGE_LIST)).then(() => null, (e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.STORE_LIMIT, details: { setting: 'db.memory.transaction.max', limit: '128.0 MiB' } });
    expect((error as Error).message).toBe(
      'Neo4j refused the transaction: it needs more memory than db.memory.transaction.max allows (128.0 MiB). ' +
        "Raise db.memory.transaction.max in the server's configuration (neo4j.conf; the project's launcher sets 128 MiB), " +
        'or send less in one transaction.',
    );
    // The server's own words stay in the cause, for the logs.
    expect((error as Error).cause).toMatchObject({
      code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      message: expect.stringMatching(/db\.memory\.transaction\.max threshold reached$/),
    });
  });

  it('leaves the server answering the next transaction', async () => {
    const [record] = await runner.read('ping', (tx) => run(tx, 'RETURN 1 AS ok'));
    expect(record?.get('ok')).toBe(1);
  });
});

const TOTAL_LIMIT_REACHED =
  'The allocation of an extra 2.0 MiB would use more than the limit 256.0 MiB. Currently using 255.0 MiB. dbms.memory.transaction.total.max threshold reached';

/** Neo4j 5.26's other memory refusals (Status.General), as the driver hands them over. */
describe('translateDriverError for memory refusals', () => {
  const translate = (code: string, message: string): Error => translateDriverError(new Neo4jError(message, code, '50N42', ''), 'op');

  it.each([
    ['Neo.ClientError.General.TransactionOutOfMemoryError', 'db.memory.transaction.max', 'The transaction used more memory than was allowed.'],
    ['Neo.TransientError.General.TransactionMemoryLimit', 'server.memory.off_heap.transaction_max_size', 'There is not enough memory to perform the current task.'],
    ['Neo.TransientError.General.OutOfMemoryError', 'server.memory.heap.max_size', 'There is not enough memory to perform the current task.'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'dbms.memory.transaction.total.max', TOTAL_LIMIT_REACHED],
  ])('%s becomes STORE_LIMIT naming %s', (code, setting, message) => {
    const error = translate(code, message);
    expect(error).toMatchObject({ code: ErrorCode.STORE_LIMIT, details: { setting } });
    expect(error.message).toMatch(/^Neo4j refused the transaction: /);
    expect(error.message).toContain(setting);
  });

  it('says the transactions running at once are what passed the total limit', () => {
    const error = translate('Neo.TransientError.General.MemoryPoolOutOfMemoryError', TOTAL_LIMIT_REACHED);
    expect(error.message).toContain('the transactions running at once need more memory than dbms.memory.transaction.total.max allows (256.0 MiB)');
  });

  it('leaves other transient errors unavailable, as before', () => {
    expect(translate('Neo.TransientError.Transaction.LockClientStopped', 'stopped')).toMatchObject({ code: ErrorCode.STORE_UNAVAILABLE });
    expect(translate(driverError.SERVICE_UNAVAILABLE, 'gone')).toMatchObject({ code: ErrorCode.STORE_UNAVAILABLE });
  });
});
