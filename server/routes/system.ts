/** Unauthenticated operational endpoints: health, metrics, the OpenAPI document and its docs page. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineRoute, type AnyRoute } from '../http/route';
import { sendStaticFile } from '../http/staticFiles';
import { buildOpenApiDocument } from '../http/openapi';
import { NotFoundError } from '../errors';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png']);

/** Starts Swagger UI; served as a file so the page's CSP needs no inline script. */
const DOCS_INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: true });\n`;
const DOCS_INIT_FILE = 'docs-init.js';

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MDM Hub API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/v1/docs/assets/swagger-ui.css">
<link rel="alternate" type="application/json" title="OpenAPI document" href="/api/v1/openapi.json"></head>
<body><div id="docs"></div>
<script src="/api/v1/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/assets/docs-init.js"></script>
</body></html>`;

/** System routes; the OpenAPI route closes over the full route list so it documents everything. */
export function systemRoutes(getAllRoutes: () => AnyRoute[], version: string): AnyRoute[] {
  return [
    defineRoute({
      operationId: 'healthz',
      method: 'get',
      path: '/healthz',
      absolute: true,
      summary: 'Liveness and store health',
      tags: ['system'],
      auth: 'public',
      responses: {
        200: {
          description: 'The service is up.',
          schema: {
            type: 'object',
            required: ['status', 'store', 'mappingRuntime'],
            properties: {
              status: { type: 'string', enum: ['ok', 'degraded'] },
              store: { type: 'string' },
              storeLatencyMs: { type: 'number' },
              mappingRuntime: { type: 'string', enum: ['ok', 'wedged'] },
            },
          },
        },
        503: { description: 'The store is not answering, or the mapping evaluators are wedged.' },
      },
      handler: async ({ services }) => {
        const started = Date.now();
        const mappingRuntime = services.mappingRuntime.health().isReady ? 'ok' : 'wedged';
        try {
          await services.store.collection('apiKeys').countDocuments({ _id: '__healthz__' });
          const status = mappingRuntime === 'ok' ? 'ok' : 'degraded';
          return {
            status: status === 'ok' ? 200 : 503,
            body: { status, store: services.store.kind, storeLatencyMs: Date.now() - started, mappingRuntime },
          };
        } catch {
          return { status: 503, body: { status: 'degraded', store: services.store.kind, mappingRuntime } };
        }
      },
    }),
    defineRoute({
      operationId: 'readyz',
      method: 'get',
      path: '/readyz',
      absolute: true,
      summary: 'Readiness: store and mapping evaluators, with the state of each evaluation lane',
      tags: ['system'],
      auth: 'public',
      responses: {
        200: {
          description: 'Ready to ingest.',
          schema: {
            type: 'object',
            required: ['status', 'store', 'lanes'],
            properties: {
              status: { type: 'string', enum: ['ready', 'not-ready'] },
              store: { type: 'string', enum: ['ok', 'down'] },
              lanes: { type: 'object' },
            },
          },
        },
        503: { description: 'Not ready: the store does not answer or an evaluation lane is wedged (see lanes).' },
      },
      handler: async ({ services }) => {
        const health = services.mappingRuntime.health();
        let isStoreUp = true;
        try {
          await services.store.collection('apiKeys').countDocuments({ _id: '__readyz__' });
        } catch {
          isStoreUp = false;
        }
        const lanes = Object.fromEntries(
          Object.entries(health.lanes).map(([lane, state]) => [
            lane,
            { state: state.state, isWedged: state.isWedged, queued: state.queued, inFlight: state.inFlight, restarts: state.restarts },
          ]),
        );
        const isReady = isStoreUp && health.isReady;
        return { status: isReady ? 200 : 503, body: { status: isReady ? 'ready' : 'not-ready', store: isStoreUp ? 'ok' : 'down', lanes } };
      },
    }),
    defineRoute({
      operationId: 'metrics',
      method: 'get',
      path: '/metrics',
      absolute: true,
      summary: 'Prometheus metrics',
      tags: ['system'],
      auth: 'public',
      responses: { 200: { description: 'Prometheus text exposition format 0.0.4.', contentType: 'text/plain' } },
      handler: async ({ services }) => ({
        body: await services.metrics.render(),
        headers: { 'Content-Type': services.metrics.contentType },
      }),
    }),
    defineRoute({
      operationId: 'openapi',
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tags: ['system'],
      auth: 'public',
      responses: {
        200: {
          description: 'The OpenAPI document.',
          schema: {
            type: 'object',
            required: ['openapi', 'info', 'paths'],
            properties: { openapi: { type: 'string', pattern: '^3\\.1\\.' } },
          },
        },
      },
      handler: async () => ({ body: buildOpenApiDocument(getAllRoutes(), { version }) }),
    }),
    defineRoute({
      operationId: 'docs',
      method: 'get',
      path: '/docs',
      summary: 'Readable API documentation',
      tags: ['system'],
      auth: 'public',
      responses: { 200: { description: 'HTML page.', contentType: 'text/html' } },
      handler: async () => ({ body: DOCS_PAGE, headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    }),
    defineRoute({
      operationId: 'docsAsset',
      method: 'get',
      path: '/docs/assets/:file',
      params: { type: 'object', properties: { file: { type: 'string' } }, required: ['file'] },
      summary: 'Static assets of the documentation page',
      tags: ['system'],
      auth: 'public',
      responses: { 200: { description: 'Asset (stylesheet, script or image).', contentType: 'application/octet-stream' } },
      handler: async ({ params, ctx }) => {
        if (params.file === DOCS_INIT_FILE)
          return { body: DOCS_INIT_SCRIPT, headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } };
        if (
          !SWAGGER_ASSETS.has(params.file) ||
          !(await sendStaticFile(ctx, { root: SWAGGER_DIR, relativePath: params.file, cacheSeconds: 3600 }))
        ) {
          throw new NotFoundError(`Documentation asset "${params.file}"`);
        }
        return undefined;
      },
    }),
  ];
}
