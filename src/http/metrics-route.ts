import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { METRICS_CONTENT_TYPE, type Metrics } from '../metrics/metrics';

export const METRICS_PATH = '/metrics';

const BEARER = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i;

/**
 * Times every request into rightsgraph_http_request_duration_seconds, labelled by its route's
 * template (never the URL, which would make a series per id) or "unmatched".
 */
export function observeRequests(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

/**
 * GET /metrics in Prometheus text format. With `token` set, only `Authorization: Bearer <token>`
 * is answered; without, anyone who reaches the port may scrape (a private network's scraper).
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  const expected = token === undefined ? null : sha256(token);
  app.get(METRICS_PATH, async (request, reply) => {
    if (expected !== null && !presents(request.headers.authorization, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .type('text/plain; charset=utf-8')
        .send('GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>".\n');
    }
    const text = await metrics.scrape();
    return reply.header('cache-control', 'no-store').type(METRICS_CONTENT_TYPE).send(text);
  });
}

/** Compares digests, which have one length, in constant time: the time tells nothing of the token. */
function presents(header: string | undefined, expected: Buffer): boolean {
  const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
  return token !== undefined && timingSafeEqual(sha256(token), expected);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
