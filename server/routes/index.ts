/** Every route the server exposes, in one list (the router and the OpenAPI document both read it). */
import type { AnyRoute } from '../http/route';
import { apiKeyRoutes } from './api/apiKeys';
import { schemaRoutes } from './api/schemas';
import { jobRoutes } from './api/jobs';
import { statsRoutes } from './api/stats';
import { lookupRoutes } from './api/lookups';
import { mappingRoutes } from './api/mappings';
import { goldenRoutes } from './api/golden';
import { xrefRoutes } from './api/xref';
import { changeRoutes } from './api/changes';
import { ingestRoutes } from './api/ingest';
import { exceptionRoutes } from './api/exceptions';
import { taskRoutes } from './api/tasks';
import { auditRoutes } from './api/audit';
import { matchingRoutes } from './api/matching';
import { matchingAliasRoutes } from './api/matchingAliases';
import { searchRoutes } from './api/search';
import { subscriptionRoutes } from './api/subscriptions';
import { systemRoutes } from './system';

export const APP_VERSION = '0.1.0';

/** The /api/v1 routes by resource, with their contract types (server/contracts/operations.ts reads them). */
const apiRouteGroups = [
  apiKeyRoutes,
  schemaRoutes,
  jobRoutes,
  statsRoutes,
  mappingRoutes,
  lookupRoutes,
  goldenRoutes,
  xrefRoutes,
  changeRoutes,
  ingestRoutes,
  exceptionRoutes,
  taskRoutes,
  auditRoutes,
  matchingRoutes,
  matchingAliasRoutes,
  searchRoutes,
  subscriptionRoutes,
] as const;

/** Every /api/v1 route declaration with its contract (a union of typed routes). */
export type ApiRoute = (typeof apiRouteGroups)[number][number];

/** The /api/v1 routes (without the system routes), e.g. for scripts/generate-operation-routes.ts. */
export function apiRoutes(): AnyRoute[] {
  return apiRouteGroups.flat();
}

/** All routes, system routes first. */
export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(...systemRoutes(() => routes, APP_VERSION), ...apiRoutes());
  return routes;
}
