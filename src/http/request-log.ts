import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

const REQUEST_ID = /^[\w.-]{1,100}$/;

/** The caller's `x-request-id` when it is a plausible id (no log injection), else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * One `request` line per request, when it is done: method, path (never the query string, which
 * may hold a whole GraphQL document), status and milliseconds; Fastify's request logger adds
 * `requestId`. Fastify's own "incoming request" and "request completed" lines are left out.
 */
export class RequestLogController extends LogController {
  private readonly enabled: boolean;

  constructor(logger: Logger) {
    super({ requestIdLogLabel: 'requestId' });
    // The level is fixed at start; checking it once spares building the line per request.
    this.enabled = logger.isLevelEnabled('info');
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (!this.enabled) return;
    const query = request.url.indexOf('?');
    const line = {
      method: request.method,
      path: query < 0 ? request.url : request.url.slice(0, query),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) request.log.warn({ ...line, err: error }, 'request');
    else request.log.info(line, 'request');
  }
}
