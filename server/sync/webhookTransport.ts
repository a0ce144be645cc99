/**
 * One HTTP POST to a webhook endpoint, connected to the address egress.ts checked (the host name
 * still goes in the Host header and TLS SNI). Redirects are never followed (a 3xx is an answer
 * like any other); the whole exchange has a deadline; at most 64 KiB of the answer is kept.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends the request; resolves with the answer (any status) or rejects on a network error or timeout. */
export function postWebhook(input: { url: URL; address: string; family: 4 | 6; headers: Record<string, string>; body: string; timeoutMs: number }): Promise<WebhookResponse> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: input.address, family: input.family }]);
    else callback(null, input.address, input.family);
  };
  const client = input.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(input.url, { method: 'POST', headers: { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) }, lookup: pinned, agent: false });
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${input.timeoutMs} ms`)), input.timeoutMs);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
      });
      response.on('end', () => {
        clearTimeout(deadline);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
    });
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(input.body);
  });
}

/** Seconds or an HTTP date in `Retry-After`, as milliseconds from `now` (null when absent or unreadable). */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
