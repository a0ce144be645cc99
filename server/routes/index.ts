/** Every route the server exposes, in one list (the router and the OpenAPI document both read it). */
import type { AnyRoute } from '../http/route';
import { apiKeyRoutes } from './api/apiKeys';
import { schemaRoutes } from './api/schemas';
import { jobRoutes } from './api/jobs';
import { systemRoutes } from './system';

export const APP_VERSION = '0.1.0';

/** All routes, system routes first. */
export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(...systemRoutes(() => routes, APP_VERSION), ...apiKeyRoutes, ...schemaRoutes, ...jobRoutes);
  return routes;
}
