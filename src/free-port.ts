import { createServer } from 'node:net';

/**
 * A port free on 127.0.0.1 right now, for a child process (Neo4j, a server under a bench) to
 * listen on. Used by the bulk importer, the benches and the test support alike.
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePromise(port) : reject(new Error('could not find a free port'))));
    });
  });
}
