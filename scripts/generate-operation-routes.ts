/**
 * Writes server/contracts/operationRoutes.ts: each /api/v1 operation's method and path, the only part
 * of the route declarations the studio's typed client needs at run time. `npm run contracts:generate`
 * after adding or moving a route; tsc fails until then (the table `satisfies` the operations map), and
 * test/http/operationRoutes.test.ts compares the file with the declarations.
 */
import { writeFileSync } from 'node:fs';
import { apiRoutes } from '../server/routes';

export const OPERATION_ROUTES_FILE = new URL('../server/contracts/operationRoutes.ts', import.meta.url).pathname;

/** The file's content for the current route declarations. */
export function operationRoutesSource(): string {
  const lines = apiRoutes()
    .map((route) => `  ${route.operationId}: { method: '${route.method}', path: '${route.path}' },`)
    .sort((a, b) => a.localeCompare(b));
  return [
    '/**',
    ' * Method and path of every /api/v1 operation, for the studio client at run time. Generated from the',
    ' * route declarations by `npm run contracts:generate` (scripts/generate-operation-routes.ts); do not edit.',
    ' */',
    "import type { OperationId, Operations } from './operations';",
    '',
    'export const operationRoutes = {',
    ...lines,
    "} as const satisfies { [K in OperationId]: { method: Operations[K]['method']; path: Operations[K]['path'] } };",
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  writeFileSync(OPERATION_ROUTES_FILE, operationRoutesSource());
  console.log(`wrote ${OPERATION_ROUTES_FILE}`);
}
