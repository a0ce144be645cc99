/**
 * The studio's HTTP client: every request carries `Authorization: Bearer <key>`; failures become
 * ApiError parsed from the server's envelope `{ error: { status, code, message, details } }`, so
 * pages can show the server's plain-language message (and field-level details) as they are.
 */
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
  if (field === '' || message.includes(field)) return message;
  return `${field.split('.').pop() ?? field}: ${message}`;
}

/** One readable paragraph for any error a page catches, including field details. */
export function describeError(error: unknown): { title: string; lines: string[] } {
  if (error instanceof ApiError) {
    const lines = Array.isArray(error.details)
      ? error.details.map(plainDetailMessage)
      : [];
    const reference = error.requestId ? ` (request ${error.requestId})` : '';
    return { title: `${error.message}${reference}`, lines };
  }
  if (error instanceof Error) return { title: error.message, lines: [] };
  return { title: String(error), lines: [] };
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string, body?: unknown): Promise<T>;
  /** POSTs `body` as-is with `contentType` (file uploads: CSV, NDJSON). */
  postRaw<T>(path: string, body: string | Blob, contentType: string): Promise<T>;
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

  async function request<T>(method: string, path: string, body?: unknown, raw?: { body: string | Blob; contentType: string }): Promise<T> {
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
    return (text === '' ? undefined : parsed) as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path, body) => request('DELETE', path, body),
    postRaw: (path, body, contentType) => request('POST', path, undefined, { body, contentType }),
  };
}
