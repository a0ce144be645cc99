/** Request id, one structured log line per request, and HTTP metrics. */
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import { CORRELATION_ID_PATTERN, withCorrelation } from '../correlation';
import type { Logger } from '../logger';
import type { MetricsRegistry } from '../metrics/registry';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Koa middleware assigning a request id and logging/measuring every request. */
export function requestContext(options: { logger: Logger; metrics: MetricsRegistry }) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    ctx.set('X-Request-Id', String(ctx.state.requestId));
    // The caller's correlation id (e.g. the upstream system's message id), else this request's id.
    const correlation = ctx.get('x-correlation-id');
    const correlationId = CORRELATION_ID_PATTERN.test(correlation) ? correlation : String(ctx.state.requestId);
    ctx.set('X-Correlation-Id', correlationId);
    try {
      await withCorrelation(correlationId, next);
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = String(ctx.state.route ?? (ctx.path.startsWith('/api/') ? 'unmatched' : 'static'));
      const labels = { method: ctx.method, route, status: String(ctx.status) };
      options.metrics.increment('mdm_http_requests_total', { help: 'HTTP requests by method, route and status.', labels });
      options.metrics.observe('mdm_http_request_duration_seconds', {
        help: 'HTTP request duration.',
        value: seconds,
        labels: { method: ctx.method, route },
      });
      if (ctx.path !== '/healthz') {
        options.logger.info('request', {
          requestId: ctx.state.requestId,
          correlationId,
          method: ctx.method,
          path: ctx.path,
          route,
          status: ctx.status,
          durationMs: Math.round(seconds * 1e5) / 100,
          keyId: (ctx.state as { principal?: { keyId?: string } }).principal?.keyId,
        });
      }
    }
  };
}
