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

export interface ResponseSpec<T = unknown> {
  description: string;
  /** What the body looks like: every 2xx response of an operation declares one (test/http/openapi.test.ts). */
  schema?: Schema;
  /** Defaults to application/json. */
  contentType?: string;
  /** Type-only: the contract view the body carries when it is written as an interface (see `viewResponse`). */
  readonly view?: T;
}

/**
 * A JSON response whose TypeScript type is the contract interface `T` rather than `FromSchema` of its
 * schema (views written as interfaces in server/contracts); test/http/responseContracts.test.ts checks
 * real answers against the schema.
 */
export function viewResponse<T>(spec: { description: string; schema: Schema }): ResponseSpec<T> {
  return spec;
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
/** What a client sends: properties with a default stay optional. */
type ClientInput<S> = S extends Schema ? FromSchema<S, { keepDefaultedPropertiesOptional: true }> : undefined;

type SuccessStatus = 200 | 201 | 202 | 203 | 206;
type BodyOf<R> = 'view' extends keyof R
  ? R extends ResponseSpec<infer T>
    ? T
    : unknown
  : R extends { contentType: string }
    ? string
    : R extends { schema: infer S }
      ? S extends Schema
        ? FromSchema<S>
        : unknown
      : unknown;
/** The body types of an operation's 2xx responses (204: undefined). */
export type ResponseOf<R> = { [K in keyof R]: K extends SuccessStatus ? BodyOf<R[K]> : K extends 204 ? undefined : never }[keyof R];

/** The request/response contract of one operation, as the typed studio client sees it. */
export interface OperationContract<
  Id extends string = string,
  M extends HttpMethod = HttpMethod,
  Path extends string = string,
  P = unknown,
  Q = unknown,
  B = unknown,
  R = unknown,
  IsRaw extends boolean = boolean,
> {
  operationId: Id;
  method: M;
  path: Path;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** The body is sent as-is with a content type (uploads), not as JSON. */
  isRaw: IsRaw;
}

/** A declared route that keeps its contract's types (type-only member) for server/contracts/operations.ts. */
export interface TypedRoute<C extends OperationContract> extends AnyRoute {
  readonly contract?: C;
}

/** What every route declares besides its schemas and handler. */
interface RouteDeclaration<Id extends string = string, M extends HttpMethod = HttpMethod, Path extends string = string> {
  operationId: Id;
  method: M;
  /** Path below /api/v1 in @koa/router syntax (`/golden/:domain/:id`), or absolute when `absolute` is set. */
  path: Path;
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
  Id extends string = string,
  M extends HttpMethod = HttpMethod,
  Path extends string = string,
  R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>,
  Raw extends RawBodySpec | undefined = RawBodySpec | undefined,
> extends RouteDeclaration<Id, M, Path> {
  responses: R;
  rawBody?: Raw;
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

/**
 * Declares a route; the generic parameters infer handler input types from the schemas, and the
 * returned route keeps its contract (operation id, method, path, input and 2xx response types).
 */
export function defineRoute<
  const P extends Schema | undefined = undefined,
  const Q extends Schema | undefined = undefined,
  const B extends Schema | undefined = undefined,
  const Id extends string = string,
  const M extends HttpMethod = HttpMethod,
  const Path extends string = string,
  const R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>,
  const Raw extends RawBodySpec | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B, Id, M, Path, R, Raw>,
): TypedRoute<
  OperationContract<Id, M, Path, ClientInput<P>, ClientInput<Q>, ClientInput<B>, ResponseOf<R>, Raw extends RawBodySpec ? true : false>
> {
  return spec as unknown as AnyRoute;
}
