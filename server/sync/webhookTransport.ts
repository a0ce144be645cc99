/**
 * One HTTP POST to a webhook endpoint, connected to the address egress.ts checked (the host name
 * still goes in the Host header and TLS SNI). Redirects are never followed (a 3xx is an answer
 * like any other); the whole exchange has a deadline; at most 64 KiB of the answer is kept.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Keep-alive agents, one per protocol and checked address: connections are reused between messages
 * (no TCP/TLS handshake per delivery), and a socket is only ever reused for the address egress.ts
 * checked for this request, so pooling cannot bypass the pinned lookup.
 */
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, address: string): http.Agent {
  const key = `${protocol}|${address}`;
  let agent = agents.get(key);
  if (!agent) {
    // Idle sockets close after 1 s, well before receivers' own idle timeouts (Node's is 5 s), so a reused
    // socket is rarely one the receiver is closing; when it is, the request is sent again once (below).
    const options = { keepAlive: true, maxSockets: 256, timeout: 1000 };
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type PostInput = { url: URL; address: string; family: 4 | 6; headers: Record<string, string>; body: string; timeoutMs: number };

/**
 * Sends the request; resolves with the answer (any status) or rejects on a network error or timeout.
 * A kept-alive socket the receiver closed just as it was reused fails with ECONNRESET before any answer:
 * sent again once on a new connection (Node's documented `reusedSocket` retry; the webhook-id is the same).
 */
export async function postWebhook(input: PostInput): Promise<WebhookResponse> {
  try {
    return await postOnce(input, true);
  } catch (error) {
    if (error instanceof ReusedSocketResetError) return postOnce(input, false);
    throw error;
  }
}

class ReusedSocketResetError extends Error {}

function postOnce(input: PostInput, isPooled: boolean): Promise<WebhookResponse> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
        { address: input.address, family: input.family },
      ]);
    else callback(null, input.address, input.family);
  };
  const client = input.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(input.url, {
      method: 'POST',
      headers: { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) },
      lookup: pinned,
      agent: isPooled ? agentFor(input.url.protocol, input.address) : false,
    });
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
        for (const [name, value] of Object.entries(response.headers))
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
    });
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(
        request.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? new ReusedSocketResetError(error.message) : error,
      );
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
