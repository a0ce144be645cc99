/**
 * Every operation in the OpenAPI document declares what it answers: a schema for each JSON success
 * response (or a non-JSON content type), and the one error envelope for every failure. Real answers
 * are checked against these schemas by the test server (test/support/responseContracts.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../server/http/openapi';
import { allRoutes } from '../../server/routes';
import { createAjv } from '../../server/schemas/ajv';
import { routeFor } from '../support/responseContracts';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const document = buildOpenApiDocument(allRoutes(), { version: 'test' }) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

describe('the OpenAPI document', () => {
  it('has one operation per route, with unique operation ids', () => {
    expect(operations).toHaveLength(allRoutes().length);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(operations.length);
  });

  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    '%s declares its success answer',
    (_id, operation) => {
      const successes = Object.entries(operation.responses).filter(([status]) => Number(status) < 300);
      expect(successes.length).toBeGreaterThan(0);
      const undeclared = successes
        .filter(([status]) => status !== '204')
        .filter(([, response]) => {
          const content = Object.entries(response.content ?? {});
          if (content.length === 0) return true;
          return content.some(([type, media]) => type === 'application/json' && media.schema === undefined);
        })
        .map(([status]) => status);
      expect(undeclared).toEqual([]);
    },
  );

  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    '%s answers failures with the error envelope',
    (_id, operation) => {
      const failures = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect(failures.length).toBeGreaterThan(0);
      for (const [, response] of failures)
        expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    },
  );

  it('has response schemas ajv compiles in strict mode', () => {
    const ajv = createAjv();
    for (const route of allRoutes())
      for (const response of Object.values(route.responses)) if (response.schema) ajv.compile(response.schema as object);
  });
});

describe('the response contract check', () => {
  it.each([
    ['GET', '/api/v1/tasks/counts?domain=item', 'countTasks'],
    ['GET', '/api/v1/tasks/task-1', 'getTask'],
    ['POST', '/api/v1/golden/item/recompute', 'recomputeGoldenRecords'],
    ['POST', '/api/v1/golden/item/g-1/merge', 'mergeGoldenRecords'],
    ['GET', '/healthz', 'healthz'],
  ])('finds the route %s %s answers for', (method, path, operationId) => {
    expect(routeFor(method, path)?.operationId).toBe(operationId);
  });
});
