/** Serves a directory of built assets safely (no path traversal), with an optional SPA fallback. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Sends `relativePath` from `root` if it exists and is a file; returns whether it did. */
export async function sendStaticFile(
  ctx: Context,
  options: { root: string; relativePath: string; cacheSeconds?: number },
): Promise<boolean> {
  const root = path.resolve(options.root);
  const target = path.resolve(root, '.' + path.posix.normalize('/' + options.relativePath));
  if (target !== root && !target.startsWith(root + path.sep)) return false;
  try {
    const info = await stat(target);
    if (!info.isFile()) return false;
    ctx.type = TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
    ctx.length = info.size;
    ctx.set('Cache-Control', options.cacheSeconds ? `public, max-age=${options.cacheSeconds}` : 'no-cache');
    ctx.body = createReadStream(target);
    return true;
  } catch {
    return false;
  }
}
