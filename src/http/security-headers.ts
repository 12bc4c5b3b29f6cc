import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * helmet's default security headers on every route, its Content-Security-Policy included. The
 * IDE and explorer pages send their own stricter, hash-based policies (ide-page.ts,
 * explorer-page.ts): their handlers set headers after this onRequest hook, so theirs replace
 * helmet's on those pages and helmet's stays on the JSON routes and files.
 *
 * @fastify/helmet builds helmet's middleware anew for every request, which measured as most of
 * the HTTP edge's own cost per request; the headers depend on nothing in the request, so they
 * are taken from it once, at start, and set as they are.
 */
export async function addSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** What @fastify/helmet adds to a response, found by asking it once and leaving out what Fastify sets anyway. */
async function helmetHeaders(): Promise<Record<string, string>> {
  const [plain, helmeted] = await Promise.all([probe(false), probe(true)]);
  const added: Record<string, string> = {};
  for (const [name, value] of Object.entries(helmeted)) {
    if (!(name in plain)) added[name] = value;
  }
  return added;
}

/** One real request on loopback (Fastify's inject loads an ES module that jest cannot). */
async function probe(withHelmet: boolean): Promise<Record<string, string>> {
  const app = Fastify();
  try {
    if (withHelmet) await app.register(fastifyHelmet);
    app.get('/', (_request, reply) => reply.send(''));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(url, { headers: { connection: 'close' } });
    await res.arrayBuffer();
    return Object.fromEntries(res.headers);
  } finally {
    await app.close();
  }
}
