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

/** All routes, system routes first. */
export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(() => routes, APP_VERSION),
    ...apiKeyRoutes,
    ...schemaRoutes,
    ...jobRoutes,
    ...statsRoutes,
    ...mappingRoutes,
    ...lookupRoutes,
    ...goldenRoutes,
    ...xrefRoutes,
    ...changeRoutes,
    ...ingestRoutes,
    ...exceptionRoutes,
    ...taskRoutes,
    ...auditRoutes,
    ...matchingRoutes,
    ...matchingAliasRoutes,
    ...searchRoutes,
    ...subscriptionRoutes,
  );
  return routes;
}
