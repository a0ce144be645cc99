/**
 * Routes are declared as data: method, path, policy, request schemas and responses. The same
 * declaration drives request validation (ajv), authorization, the router and the OpenAPI document,
 * so the documentation cannot drift from what the server enforces.
 */
import type { Context } from 'koa';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { Action, Principal } from '../policies/abilities';
import type { AppServices } from '../services';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A JSON Schema usable both at runtime (ajv) and for static types (json-schema-to-ts). */
export type Schema = JSONSchema;

export type RouteAuth =
  | 'public'
  | {
      action: Action;
      /** Name of the path parameter that holds the source system, for `source:<name>` keys. */
      sourceParam?: string;
    };

export interface ResponseSpec {
  description: string;
  schema?: Schema;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface RawBodySpec {
  /** Content types the handler accepts; anything else is 415. */
  contentTypes: string[];
  /** Limit in bytes enforced while the handler streams the body. */
  limit?: number;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Null only on public routes. */
  principal: Principal;
  services: AppServices;
  ctx: Context;
  requestId: string;
}

/** What a handler returns; a handler that streams sets `ctx.body` itself and returns undefined. */
export interface HandlerResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Infer<S> = S extends Schema ? FromSchema<S> : Record<string, never>;

/** What every route declares besides its schemas and handler. */
interface RouteDeclaration {
  operationId: string;
  method: HttpMethod;
  /** Path below /api/v1 in @koa/router syntax (`/golden/:domain/:id`), or absolute when `absolute` is set. */
  path: string;
  absolute?: boolean;
  summary: string;
  description?: string;
  tags: string[];
  auth: RouteAuth;
  /** Overrides the JSON body limit for this route. */
  bodyLimit?: number;
  /** The handler reads the raw request itself (ingest of NDJSON/CSV, file uploads). */
  rawBody?: RawBodySpec;
  responses: Record<number, ResponseSpec>;
}

export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> extends RouteDeclaration {
  params?: P;
  query?: Q;
  /** JSON request body schema (application/json). */
  body?: B;
  handler(input: HandlerInput<Infer<P>, Infer<Q>, Infer<B>>): Promise<HandlerResult | undefined>;
}

/** A route with its types erased, as the router and the OpenAPI generator see it. */
export interface AnyRoute extends RouteDeclaration {
  params?: Schema;
  query?: Schema;
  body?: Schema;
  handler(input: HandlerInput<unknown, unknown, unknown>): Promise<HandlerResult | undefined>;
}

/** Declares a route; the generic parameters infer handler input types from the schemas. */
export function defineRoute<
  const P extends Schema | undefined = undefined,
  const Q extends Schema | undefined = undefined,
  const B extends Schema | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): AnyRoute {
  return spec as unknown as AnyRoute;
}
