/**
 * Checks real answers against the response schemas the routes declare (the same declarations the
 * OpenAPI document and the studio's typed client come from). The test server runs every response of
 * every integration test through `checkResponseContract`, so a schema that drifts from what a
 * presenter returns fails the test that received it, naming the operation and the field.
 */
import type { ValidateFunction } from 'ajv';
import type { AnyRoute } from '../../server/http/route';
import { fullPath } from '../../server/http/router';
import { allRoutes } from '../../server/routes';
import { createAjv } from '../../server/schemas/ajv';

interface RouteMatcher {
  route: AnyRoute;
  pattern: RegExp;
}

const ajv = createAjv({ verbose: false });
const validators = new WeakMap<object, ValidateFunction>();
let matchers: RouteMatcher[] | undefined;

function routeMatchers(): RouteMatcher[] {
  matchers ??= allRoutes().map((route) => ({
    route,
    pattern: new RegExp(
      `^${fullPath(route)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`,
    ),
  }));
  return matchers;
}

/** The declared route a request reaches; static segments win over parameters, as in the router. */
export function routeFor(method: string, urlPath: string): AnyRoute | undefined {
  const pathname = urlPath.split('?')[0] ?? urlPath;
  const candidates = routeMatchers().filter((matcher) => matcher.route.method === method.toLowerCase() && matcher.pattern.test(pathname));
  // `/tasks/counts` must not be read as `/tasks/:id`: prefer the declaration with the fewest parameters.
  candidates.sort((a, b) => (fullPath(a.route).match(/:/g)?.length ?? 0) - (fullPath(b.route).match(/:/g)?.length ?? 0));
  return candidates[0]?.route;
}

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

export interface ContractCheck {
  operationId: string;
  status: number;
  /** Empty when the body matches the declared schema. */
  problems: string[];
}

/**
 * Validates a JSON success body against its route's declared schema for that status. Returns null
 * for requests no route declares, non-JSON answers and failures (the error envelope is checked by
 * the error tests).
 */
export function checkResponseContract(input: {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}): ContractCheck | null {
  if (input.status >= 300 || input.status === 204 || !/^application\/json\b/.test(input.contentType)) return null;
  const route = routeFor(input.method, input.path);
  if (!route) return null;
  const declared = route.responses[input.status];
  if (!declared) return { operationId: route.operationId, status: input.status, problems: [`status ${input.status} is not declared`] };
  if (!declared.schema) return { operationId: route.operationId, status: input.status, problems: ['no response schema is declared'] };
  const validate = validatorFor(declared.schema as object);
  if (validate(input.body)) return { operationId: route.operationId, status: input.status, problems: [] };
  const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? error.keyword}`);
  return { operationId: route.operationId, status: input.status, problems };
}
