/** The generated method/path table the studio client uses matches the route declarations (else: npm run contracts:generate). */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { OPERATION_ROUTES_FILE, operationRoutesSource } from '../../scripts/generate-operation-routes';
import { operationRoutes } from '../../server/contracts/operationRoutes';
import { apiRoutes } from '../../server/routes';

test('server/contracts/operationRoutes.ts is generated from the current route declarations', () => {
  expect(readFileSync(OPERATION_ROUTES_FILE, 'utf8')).toBe(operationRoutesSource());
});

test('every /api/v1 route is callable by its operation id, with its method and path', () => {
  const table: Record<string, { method: string; path: string }> = operationRoutes;
  for (const route of apiRoutes()) expect(table[route.operationId], route.operationId).toEqual({ method: route.method, path: route.path });
  expect(Object.keys(table)).toHaveLength(apiRoutes().length);
});
