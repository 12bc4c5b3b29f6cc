import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticate';
import { ErrorCode } from '../domain/errors';
import type { Metrics } from '../metrics/metrics';
import { carriesMutation } from './operation-kind';

export interface RateLimitOptions {
  readonly readsPerMinute: number;
  readonly writesPerMinute: number;
  readonly authenticator: Authenticator;
  /** The document token limit Apollo parses with (MAX_TOKENS), for the few documents parsed here. */
  readonly maxTokens: number;
  readonly metrics: Metrics;
}

type RequestClass = 'read' | 'write';

const WINDOW_MS = 60_000;
/** Callers tracked at once (least recently seen dropped first); an entry is about 100 bytes. */
const CALLERS_TRACKED = 20_000;

/**
 * Limits the requests of every route `scope` registers after this call (their preHandler, once
 * the body is parsed): per caller, a fixed one-minute window for reads and another for writes
 * (requests carrying a mutation). A caller is its token's name when the request carries a valid
 * token, wherever it comes from, otherwise its address (IPv6 by /64, as one host usually holds
 * a whole /64). Over the limit: 429 with Retry-After and a GraphQL-shaped body (RATE_LIMITED).
 */
export async function limitRate(scope: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const { readsPerMinute, writesPerMinute, authenticator, maxTokens, metrics } = options;
  await scope.register(fastifyRateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    cache: CALLERS_TRACKED,
    keyGenerator: (request) => `${classOf(request, maxTokens)} ${callerOf(request, authenticator)}`,
    max: (_request, key) => (key.startsWith('write ') ? writesPerMinute : readsPerMinute),
  });
  const check = scope.createRateLimit();
  scope.addHook('preHandler', async (request, reply) => {
    const verdict = await check(request);
    // Without an allow list every request is counted; this only narrows the type.
    if (verdict.isAllowed) return;
    reply.header('x-ratelimit-limit', verdict.max);
    reply.header('x-ratelimit-remaining', verdict.remaining);
    reply.header('x-ratelimit-reset', verdict.ttlInSeconds);
    if (!verdict.isExceeded) return;
    const requestClass: RequestClass = verdict.key.startsWith('write ') ? 'write' : 'read';
    metrics.rateLimited.inc({ class: requestClass });
    return refuse(reply, requestClass, verdict.key, verdict.max, verdict.ttlInSeconds);
  });
}

function classOf(request: FastifyRequest, maxTokens: number): RequestClass {
  return carriesMutation(request.method, request.body, maxTokens) ? 'write' : 'read';
}

function callerOf(request: FastifyRequest, authenticator: Authenticator): string {
  const authentication = authenticator.authenticate(request.headers.authorization);
  return authentication.kind === 'caller' ? `token ${authentication.caller.name}` : `address ${normalizeIP(request.ip)}`;
}

function refuse(reply: FastifyReply, requestClass: RequestClass, key: string, max: number, retryAfterSeconds: number): FastifyReply {
  const who = key.includes(' token ') ? 'this token' : 'this address';
  const what = requestClass === 'write' ? 'mutations' : 'queries';
  const message =
    `Rate limit reached: ${who} may send ${max} ${what} a minute. Retry in ${retryAfterSeconds} s ` +
    '(the Retry-After header says the same), or spread the requests out.';
  return reply
    .code(429)
    .header('retry-after', retryAfterSeconds)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds } }] });
}
