/** Assembles the Koa application: request context → errors → API router → docs and studio assets. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import { AppError, BadRequestError, NotFoundError } from '../errors';
import type { AppServices } from '../services';
import { errorHandler } from './errorHandler';
import { requestContext } from './requestContext';
import { securityHeaders } from './securityHeaders';
import type { AnyRoute } from './route';
import { API_PREFIX, buildRouter } from './router';
import { sendStaticFile } from './staticFiles';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const STUDIO_DIST = path.join(REPO_ROOT, 'studio/dist');

const isApiPath = (path: string): boolean => path === API_PREFIX || path.startsWith('/api/');

/** Source maps stay on disk for whoever runs the server; they are not published with the studio. */
const isSourceMap = (relativePath: string): boolean => relativePath.toLowerCase().endsWith('.map');

/** 400 INVALID_PATH_ENCODING for a path that is not valid percent-encoded UTF-8 (`/%ff`), before any route decodes it. */
function assertDecodablePath(path: string): void {
  try {
    decodeURIComponent(path);
  } catch {
    throw new BadRequestError('INVALID_PATH_ENCODING', 'The request path is not valid percent-encoded UTF-8.');
  }
}

/** Creates the Koa app serving `routes` under /api/v1 and the built studio at `/`. */
export function createApp(options: { services: AppServices; routes: AnyRoute[]; studioDir?: string }): Koa {
  const { services } = options;
  const app = new Koa({ proxy: true });
  app.silent = true;
  const router = buildRouter(options.routes, services);
  app.use(requestContext({ logger: services.logger, metrics: services.metrics }));
  app.use(errorHandler(services.logger));
  app.use(securityHeaders({ apiPrefix: API_PREFIX }));
  app.use(async (ctx, next) => {
    assertDecodablePath(ctx.path);
    await next();
  });
  app.use(async (ctx, next) => {
    await next();
    // After the router and allowedMethods (which answers 405): an unmatched API path is a 404 envelope.
    if (ctx.status === 404 && ctx.body === undefined && isApiPath(ctx.path)) throw new NotFoundError(`${ctx.method} ${ctx.path}`);
  });
  app.use(router.routes());
  app.use(
    router.allowedMethods({
      throw: true,
      methodNotAllowed: () => new AppError(405, 'METHOD_NOT_ALLOWED', 'This method is not allowed on this path; see /api/v1/openapi.json.'),
      notImplemented: () => new AppError(501, 'NOT_IMPLEMENTED', 'This HTTP method is not supported.'),
    }),
  );
  const studioDir = options.studioDir ?? STUDIO_DIST;
  app.use(async (ctx, next) => {
    if (isApiPath(ctx.path)) return;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return (await next()) as undefined;
    const relative = decodeURIComponent(ctx.path).replace(/^\/+/, '');
    if (isSourceMap(relative)) {
      ctx.status = 404;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Source maps are not published.';
      return;
    }
    if (
      relative &&
      (await sendStaticFile(ctx, { root: studioDir, relativePath: relative, cacheSeconds: relative.startsWith('assets/') ? 86400 : 0 }))
    )
      return;
    // Single-page app: every other path renders index.html and the client router takes over.
    if (await sendStaticFile(ctx, { root: studioDir, relativePath: 'index.html' })) return;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html><title>MDM Hub</title><body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>MDM Hub API is running</h1><p>The studio has not been built yet: run <code>npm run build:studio</code> (npm start does it when missing).</p>
<p>API documentation: <a href="${API_PREFIX}/docs">${API_PREFIX}/docs</a></p></body>`;
  });
  return app;
}
