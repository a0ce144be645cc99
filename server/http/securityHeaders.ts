/**
 * Security headers on every response. The studio (React + Monaco built by Vite) and the API docs page
 * (Swagger UI) each get a Content-Security-Policy that allows only what they load: scripts from this
 * origin (no inline script), inline styles (Monaco and Swagger UI inject <style> elements),
 * workers from this origin (Monaco, the JSONata evaluation worker), data: images and fonts. JSON and
 * other API answers get `default-src 'none'`. Nothing may frame any page (clickjacking).
 */
import type { Context, Next } from 'koa';

const COMMON = [`base-uri 'self'`, `form-action 'self'`, `frame-ancestors 'none'`, `object-src 'none'`];

/**
 * CSP of the built studio served at `/`. `'unsafe-eval'` is there for one reason: the studio validates
 * outputs against the canonical schemas with ajv, which compiles each schema into a function. Scripts
 * still come only from this origin (no inline script, no third party), so only code the server shipped
 * can evaluate a string. Precompiled (standalone) validators would let it go; see docs/SECURITY.md.
 */
export const STUDIO_CSP = [
  `default-src 'self'`,
  `script-src 'self' 'unsafe-eval'`,
  `style-src 'self' 'unsafe-inline'`,
  `img-src 'self' data: blob:`,
  `font-src 'self' data:`,
  `worker-src 'self' blob:`,
  `connect-src 'self'`,
  ...COMMON,
].join('; ');

/** CSP of the Swagger UI page at /api/v1/docs (its start-up script is a file, not inline). */
export const DOCS_CSP = [
  `default-src 'self'`,
  `script-src 'self'`,
  `style-src 'self' 'unsafe-inline'`,
  `img-src 'self' data:`,
  `connect-src 'self'`,
  ...COMMON,
].join('; ');

/** CSP of API answers (JSON, metrics): nothing to load, nothing to frame. */
export const API_CSP = [`default-src 'none'`, ...COMMON].join('; ');

function policyFor(path: string, apiPrefix: string): string {
  if (path === `${apiPrefix}/docs` || path.startsWith(`${apiPrefix}/docs/`)) return DOCS_CSP;
  if (path === apiPrefix || path.startsWith('/api/') || path === '/healthz' || path === '/metrics') return API_CSP;
  return STUDIO_CSP;
}

/** Koa middleware setting CSP, nosniff, Referrer-Policy and frame protection on every answer, errors included. */
export function securityHeaders(options: { apiPrefix: string }) {
  return async (ctx: Context, next: Next): Promise<void> => {
    ctx.set('Content-Security-Policy', policyFor(ctx.path, options.apiPrefix));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    await next();
  };
}
