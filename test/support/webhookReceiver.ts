/** A real local HTTP receiver for sync tests: records every request and answers as the test says. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Decides the answer to each request (default 200). */
  respond: (request: Omit<ReceivedRequest, 'status'>, index: number) => Answer | Promise<Answer>;
  close(): Promise<void>;
}

/** Starts a receiver on `host` (default 127.0.0.1) and any free port. */
export async function startReceiver(options: { host?: string } = {}): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', requests: [], respond: () => ({ status: 200 }), close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
      const request = { method: req.method ?? '', path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = receiver.requests.length;
      const record: ReceivedRequest = { ...request, status: 0 };
      receiver.requests.push(record);
      Promise.resolve(receiver.respond(request, index)).then(
        (answer) => {
          record.status = answer.status;
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? '');
        },
        () => {
          record.status = 500;
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  receiver.url = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Polls `check` until it returns a value other than undefined/null/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
