/**
 * The API's operations as one type-level map, `operationId → { method, path, params, query, body,
 * response }`, derived from the route declarations themselves (server/routes: `defineRoute` keeps each
 * route's contract types; json-schema-to-ts turns the request schemas and 2xx response schemas into
 * types). The studio's client (studio/src/api/client.ts) is typed by it end to end, so a request the
 * server would reject for its shape, or a response field the server does not send, does not compile.
 * The import is type-only: nothing of the server is bundled into the studio.
 */
import type { OperationContract } from '../http/route';
import type { ApiRoute } from '../routes';

type ContractOf<R> = R extends { readonly contract?: infer C } ? Exclude<C, undefined> : never;
type Contracts = ContractOf<ApiRoute>;

/** Every /api/v1 operation by id. */
export type Operations = { [C in Contracts as C extends OperationContract<infer Id> ? Id : never]: C };
export type OperationId = keyof Operations;

type Present<T> = [T] extends [undefined] ? false : T extends Record<string, never> ? false : true;
type HasRequired<T> = Present<T> extends false ? false : Partial<T> extends T ? false : true;

/**
 * What a call sends: `params` when the path has parameters, `query` when the route reads one, `body`
 * (JSON) or `raw` (uploads: the content as-is with its type) when it takes one.
 */
export type OperationRequest<K extends OperationId> = (Present<Operations[K]['params']> extends true
  ? { params: Operations[K]['params'] }
  : { params?: never }) &
  (Present<Operations[K]['query']> extends true
    ? HasRequired<Operations[K]['query']> extends true
      ? { query: Operations[K]['query'] }
      : { query?: Operations[K]['query'] }
    : { query?: never }) &
  (Operations[K]['isRaw'] extends true
    ? { raw: { body: string | Blob; contentType: string }; body?: never }
    : Present<Operations[K]['body']> extends true
      ? HasRequired<Operations[K]['body']> extends true
        ? { body: Operations[K]['body'] }
        : { body?: Operations[K]['body'] }
      : { body?: never });

/** What a call answers (the union of its 2xx bodies). */
export type OperationResponse<K extends OperationId> = Operations[K]['response'];

/** Operations a caller may call without any argument. */
export type OperationsWithoutInput = {
  [K in OperationId]: Partial<OperationRequest<K>> extends OperationRequest<K> ? K : never;
}[OperationId];
