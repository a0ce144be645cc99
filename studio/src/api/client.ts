/**
 * The studio's HTTP client: every request carries `Authorization: Bearer <key>`; failures become
 * ApiError parsed from the server's envelope `{ error: { status, code, message, details } }`, so
 * pages can show the server's plain-language message (and field-level details) as they are.
 */
import { operationRoutes } from '../../../server/contracts/operationRoutes';
import type { OperationId, OperationRequest, OperationResponse, OperationsWithoutInput } from '../../../server/contracts/operations';
import type { ErrorEnvelope } from '../../../server/http/errorEnvelope';

export interface ApiErrorDetail {
  path?: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: ApiErrorDetail[] | Record<string, unknown>;
  readonly requestId?: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ApiErrorDetail[] | Record<string, unknown>;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

function isEnvelope(value: unknown): value is ErrorEnvelope {
  if (value === null || typeof value !== 'object') return false;
  const error = (value as { error?: unknown }).error;
  return error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string';
}

/** Builds an ApiError from a failed response body (JSON envelope or anything else). */
export function toApiError(response: { status: number; body: unknown; statusText?: string }): ApiError {
  const { status, body, statusText = '' } = response;
  if (isEnvelope(body)) {
    const { error } = body;
    return new ApiError({
      status: error.status ?? status,
      code: error.code ?? 'ERROR',
      message: error.message,
      details: error.details,
      requestId: error.requestId,
    });
  }
  if (status === 502 || status === 503 || status === 504) {
    // Without an envelope these come from a proxy (the dev server, a load balancer), not from the hub.
    return new ApiError({
      status,
      code: `HTTP_${status}`,
      message: `The API server is not reachable right now (HTTP ${status}). Check that it is running and try again.`,
    });
  }
  const text = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : statusText;
  return new ApiError({ status, code: `HTTP_${status}`, message: `The server answered ${status}${text ? ` (${text})` : ''}.` });
}

const LOCATION_PREFIX = /^(body|query|params|headers)(\.|\/|$)/;

/** A detail's field without the request location: `body.value` → `value`, `body/a/b` → `a.b`, `body` → ''. */
export function fieldPathOf(path: string | undefined): string {
  return (path ?? '').replace(LOCATION_PREFIX, '').replace(/\//g, '.').replace(/^\./, '');
}

/** A detail in plain words: never "body.value: …"; the field's name only when the message does not say it. */
export function plainDetailMessage(detail: ApiErrorDetail): string {
  const field = fieldPathOf(detail.path);
  const message = detail.message.replace(/^(body|query|params|headers)[./][^\s:]*:\s*/, '');
  const name = field.split('.').pop() ?? field;
  // "thresholds.review must not exceed …" about `rules.thresholds` already names it: no "thresholds:" prefix.
  if (field === '' || message.includes(field) || message.includes(name)) return message;
  return `${name}: ${message}`;
}

/** One readable paragraph for any error a page catches, including field details. */
export function describeError(error: unknown): { title: string; lines: string[] } {
  if (error instanceof ApiError) {
    const lines = Array.isArray(error.details) ? error.details.map(plainDetailMessage) : [];
    const reference = error.requestId ? ` (request ${error.requestId})` : '';
    return { title: `${error.message}${reference}`, lines };
  }
  if (error instanceof Error) return { title: error.message, lines: [] };
  return { title: String(error), lines: [] };
}

/**
 * The query an operation reads. Pages whose filters come from the address bar (plain strings) cast
 * to it: the server validates them and answers 400 naming the field.
 */
export type QueryOf<K extends OperationId> = NonNullable<OperationRequest<K>['query']>;
/** The JSON body an operation takes (forms that assemble a body field by field cast to it; the server validates). */
export type BodyOf<K extends OperationId> = NonNullable<OperationRequest<K>['body']>;

/** The arguments of `call(operationId, …)`: none when the operation needs no input. */
export type CallArguments<K extends OperationId> = K extends OperationsWithoutInput
  ? [request?: OperationRequest<K>]
  : [request: OperationRequest<K>];

export interface ApiClient {
  /**
   * Calls an operation by its id, typed end to end by the route declarations
   * (server/contracts/operations.ts): params, query and body as the server validates them, the
   * answer as its declared 2xx responses.
   */
  call<K extends OperationId>(operationId: K, ...request: CallArguments<K>): Promise<OperationResponse<K>>;
}

/** `/golden/:domain/:id` with `{ domain, id }` → `/golden/item/g-1` (each value URI-encoded). */
export function pathOf(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`The path ${template} needs the parameter "${name}".`);
    return encodeURIComponent(String(value));
  });
}

/** A query string for the defined values; arrays are comma-separated (the server splits them). */
export function queryStringOf(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, Array.isArray(value) ? value.map(String).join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Creates a client for `/api/v1`; `onUnauthorized` runs when the server rejects the key (401). */
export function createApiClient(options: {
  apiKey: string;
  baseUrl?: string;
  onUnauthorized?: (error: ApiError) => void;
  fetchImpl?: typeof fetch;
}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const fetchImpl = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request(
    method: string,
    path: string,
    body?: unknown,
    raw?: { body: string | Blob; contentType: string },
  ): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' };
    if (raw !== undefined) headers['Content-Type'] = raw.contentType;
    else if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        body: raw !== undefined ? raw.body : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: 'The studio could not reach the server. Check that it is running and try again.',
      });
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!response.ok) {
      const error = toApiError({ status: response.status, body: parsed, statusText: response.statusText });
      if (response.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    return text === '' ? undefined : parsed;
  }

  return {
    call: async (operationId, ...args) => {
      const route = operationRoutes[operationId];
      const input = (args[0] ?? {}) as {
        params?: Record<string, unknown>;
        query?: Record<string, unknown>;
        body?: unknown;
        raw?: { body: string | Blob; contentType: string };
      };
      const path = `${pathOf(route.path, input.params)}${queryStringOf(input.query)}`;
      // The declarations guarantee the answer's shape; the server's tests check answers against them.
      return (await request(route.method.toUpperCase(), path, input.body, input.raw)) as OperationResponse<typeof operationId>;
    },
  };
}
