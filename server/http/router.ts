/**
 * Turns route declarations into a @koa/router. Every route runs the same fixed chain:
 * authenticate → authorize → read and validate input → handler → present.
 */
import type { Context } from 'koa';
import { Router } from '@koa/router';
import { UnauthorizedError } from '../errors';
import { authorize } from '../policies/abilities';
import type { Principal } from '../policies/abilities';
import { authenticateApiKey } from '../apiKeys/authenticateApiKey';
import { presentErrorFor } from './errorDetails';
import type { AppServices } from '../services';
import { AuthThrottle } from './authThrottle';
import { readJsonBody, requireMediaType } from './body';
import type { AnyRoute } from './route';
import { coerceStrings, validatePart } from './validation';

export const API_PREFIX = '/api/v1';

/** The full path of a route as clients call it. */
export function fullPath(route: AnyRoute): string {
  return route.absolute ? route.path : `${API_PREFIX}${route.path}`;
}

/** The TCP peer: X-Forwarded-For is written by the client itself unless a proxy overwrites it. */
function clientAddressOf(ctx: Context): string {
  return ctx.req.socket.remoteAddress ?? 'unknown';
}

async function principalFor(ctx: Context, services: AppServices, throttle: AuthThrottle): Promise<Principal> {
  const address = clientAddressOf(ctx);
  throttle.assertAllowed(address);
  const header = ctx.get('authorization');
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (token === undefined) {
    // A missing header is a client that has not signed in yet, not a guess: it is not counted.
    if (header) throttle.recordFailure(address);
    throw new UnauthorizedError();
  }
  const principal = await authenticateApiKey(services.store, token);
  if (!principal) {
    throttle.recordFailure(address);
    services.logger.warn('authentication failed', { address, requestId: ctx.state.requestId });
    throw new UnauthorizedError('The API key is unknown or has been revoked.');
  }
  throttle.recordSuccess(address);
  return principal;
}

const PUBLIC_PRINCIPAL: Principal = { keyId: 'anonymous', name: 'anonymous', role: 'consumer' };

/** Builds the router for `routes`; route order matters only for identical paths. */
export function buildRouter(routes: AnyRoute[], services: AppServices): Router {
  const router = new Router();
  const throttle = new AuthThrottle({
    maxFailures: services.config.authFailureLimit,
    windowSeconds: services.config.authFailureWindowSeconds,
  });
  for (const route of routes) {
    router[route.method](route.operationId, fullPath(route), async (ctx: Context) => {
      ctx.state.route = fullPath(route);
      let principal = PUBLIC_PRINCIPAL;
      if (route.auth !== 'public') {
        principal = await principalFor(ctx, services, throttle);
        ctx.state.principal = principal;
        const sourceParam = route.auth.sourceParam;
        authorize(
          principal,
          route.auth.action,
          sourceParam ? { source: (ctx.params as Record<string, string | undefined>)[sourceParam] } : {},
        );
      }
      const params = coerceStrings((ctx.params as Record<string, unknown> | undefined) ?? {}, route.params);
      if (route.params) validatePart({ part: 'params', schema: route.params, value: params });
      const query = coerceStrings(ctx.query as Record<string, unknown>, route.query);
      if (route.query) validatePart({ part: 'query', schema: route.query, value: query });
      let body: unknown = undefined;
      if (route.rawBody) {
        requireMediaType(ctx, route.rawBody.contentTypes);
      } else if (route.body) {
        body = await readJsonBody(ctx, {
          limit: route.bodyLimit ?? services.config.jsonBodyLimit,
          maxDepth: services.config.limits.maxJsonDepth,
        });
        validatePart({ part: 'body', schema: route.body, value: body ?? {} });
        body = body ?? {};
      }
      let result;
      try {
        result = await route.handler({ params, query, body, principal, services, ctx, requestId: String(ctx.state.requestId) });
      } catch (error) {
        // A 409's current state (golden record, task) leaves presented for this caller.
        throw presentErrorFor(error, principal);
      }
      if (result) {
        ctx.status = result.status ?? (result.body === undefined ? 204 : 200);
        if (result.headers) ctx.set(result.headers);
        if (result.body !== undefined) ctx.body = result.body;
      }
    });
  }
  return router;
}
