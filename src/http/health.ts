import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors';
import type { Store } from '../ports/store';

/** `/health`: the process answers (liveness). `/ready`: the store answers too (readiness). */
export function registerHealth(app: FastifyInstance, store: Store): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ready', store: store.kind };
    } catch (e) {
      const reason = e instanceof DomainError ? e.message : 'the store did not answer';
      return reply.code(503).send({ status: 'unavailable', store: store.kind, reason });
    }
  });
}
