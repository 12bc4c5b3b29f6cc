import { createReadStream, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import Negotiator from 'negotiator';
import { projectRoot } from '../paths';
import { IDE_ASSETS, renderIdePage, type IdeAssetName, type IdeExample } from './ide-page';

export interface IdeOptions {
  /** Path of the GraphQL endpoint, e.g. `/graphql`; the IDE is served on GET of the same path. */
  readonly endpoint: string;
  /** Opened as tabs the first time a browser visits the IDE. */
  readonly examples: ReadonlyArray<IdeExample>;
  /** Where `graphiql.js` and `graphiql.css` are; defaults to `<project root>/dist/ide`. */
  readonly assetsDir?: string | undefined;
}

const NOT_BUILT = 'The GraphiQL bundle has not been built: run `npm run build:web`, then reload.\n';

/**
 * Serves the GraphiQL bundle under `endpoint/ide/` (two files, revalidated by ETag, so no
 * static-file plugin), and returns the hook to put on the GET route of `endpoint`: it answers
 * browsers with the IDE page and leaves every other request (GraphQL clients, and any request
 * with a `query` parameter) to the route's handler.
 */
export async function registerIde(app: FastifyInstance, opts: IdeOptions): Promise<onRequestHookHandler> {
  const { endpoint, examples } = opts;
  if (!endpoint.startsWith('/') || endpoint.length < 2 || endpoint.endsWith('/')) {
    throw new Error(`registerIde: expected an endpoint path like "/graphql", got "${endpoint}"`);
  }
  const assetsDir = opts.assetsDir ?? join(projectRoot(), 'dist', 'ide');
  // The page depends on nothing in the request, so it (and its CSP hash) is made once.
  const page = renderIdePage(endpoint, examples);

  for (const name of Object.keys(IDE_ASSETS) as IdeAssetName[]) {
    const file = join(assetsDir, name);
    app.get(`${endpoint}/ide/${name}`, async (request, reply) => {
      let info: Stats;
      try {
        info = await stat(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return notBuilt(reply);
        throw e;
      }
      // File names are not content-hashed, so browsers must revalidate (ETag) after a rebuild.
      const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
      reply.headers({
        'content-type': IDE_ASSETS[name],
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        etag,
        'last-modified': info.mtime.toUTCString(),
      });
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.header('content-length', info.size).send(createReadStream(file));
    });
  }

  return async function idePage(request: FastifyRequest, reply: FastifyReply) {
    // The same URL answers JSON or HTML, so caches must key on Accept.
    reply.header('vary', 'Accept');
    if (!wantsIde(request)) return;
    if (!(await bundleBuilt(assetsDir))) return notBuilt(reply);
    return reply.code(200).headers(page.headers).send(page.html);
  };
}

const NEGOTIATED = ['application/json', 'application/graphql-response+json', 'text/html'];

function wantsIde(request: FastifyRequest): boolean {
  // Only an Accept naming text/ can rank HTML first; skip parsing for every other request.
  if (!request.headers.accept?.includes('text/')) return false;
  // A browser's Accept ranks text/html first; curl (*/*) and GraphQL clients get the JSON types,
  // which are listed first so they win ties.
  if (new Negotiator(request).mediaType(NEGOTIATED) !== 'text/html') return false;
  const search = request.url.indexOf('?');
  return search < 0 || !new URLSearchParams(request.url.slice(search + 1)).has('query');
}

async function bundleBuilt(assetsDir: string): Promise<boolean> {
  try {
    await Promise.all(Object.keys(IDE_ASSETS).map((name) => access(join(assetsDir, name))));
    return true;
  } catch {
    return false;
  }
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
}
