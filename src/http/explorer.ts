import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { projectRoot } from '../paths';
import { renderExplorerPage, type ExplorerManifest, type ExplorerPage } from './explorer-page';

export interface ExplorerOptions {
  /** Where the bundle and its manifest.json are; defaults to `<project root>/dist/explorer`. */
  readonly assetsDir?: string | undefined;
}

/**
 * The explorer's client-side routes (web/explorer/router.ts). Each answers the same page, so a
 * deep link survives a reload; other paths stay 404.
 */
export const EXPLORER_ROUTES = ['/', '/entity/:id', '/source/:id', '/path', '/network/:id', '/review', '/review/:id'] as const;

/** Where the bundle's files are served from. */
export const EXPLORER_ASSETS_PATH = '/explorer';

const ASSET_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** esbuild's names: `main-<hash>.js`, `chunk-<hash>.js`, `main-<hash>.css`; nothing else is served. */
const ASSET_NAME = /^[A-Za-z0-9_-]+\.(js|css)$/;

const NOT_BUILT = 'The explorer bundle has not been built: run `npm run build:web`, then reload.\n';

/**
 * Serves the explorer (the browser app in web/explorer) on its routes, and its bundle under
 * /explorer/. File names carry a content hash, so the files are cached for a year; the page,
 * which names them, is revalidated.
 */
export function registerExplorer(app: FastifyInstance, opts: ExplorerOptions = {}): void {
  const assetsDir = opts.assetsDir ?? join(projectRoot(), 'dist', 'explorer');
  let rendered: { key: string; page: ExplorerPage } | null = null;

  const servePage = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> => {
    const manifest = await readManifest(assetsDir);
    if (manifest === null) return notBuilt(reply);
    // Read per request (a few bytes), so a rebuild shows without a restart.
    const key = `${manifest.js} ${manifest.css}`;
    if (rendered?.key !== key) rendered = { key, page: renderExplorerPage(EXPLORER_ASSETS_PATH, manifest) };
    return reply.code(200).headers(rendered.page.headers).send(rendered.page.html);
  };
  for (const route of EXPLORER_ROUTES) app.get(route, servePage);

  app.get<{ Params: { file: string } }>(`${EXPLORER_ASSETS_PATH}/:file`, async (request, reply) => {
    const { file } = request.params;
    const match = ASSET_NAME.exec(file);
    const type = match?.[1] === undefined ? undefined : ASSET_TYPES[match[1]];
    if (type === undefined) return notFound(reply);
    const path = join(assetsDir, file);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return notFound(reply);
      throw e;
    }
    const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
    reply.headers({
      'content-type': type,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      etag,
    });
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('content-length', info.size).send(createReadStream(path));
  });
}

async function readManifest(assetsDir: string): Promise<ExplorerManifest | null> {
  let text: string;
  try {
    text = await readFile(join(assetsDir, 'manifest.json'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const manifest = JSON.parse(text) as Partial<ExplorerManifest>;
  if (typeof manifest.js !== 'string' || typeof manifest.css !== 'string') {
    throw new Error(`explorer: ${join(assetsDir, 'manifest.json')} should name "js" and "css", got ${text}`);
  }
  return { js: manifest.js, css: manifest.css };
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
}
