/**
 * The HL7 v2 MLLP listener (off unless MDM_MLLP_PORT is set): an interface engine opens a TCP
 * connection and sends messages framed as <VT> message <FS><CR>; each message is routed by its sending
 * application/facility (MSH-3/MSH-4) to a source × domain, ingested through the same use case as the
 * API, and answered with an ACK: MSA AA (accepted or unchanged), AE with the exception code (mapping or
 * validation failure; the exception is in the queue) or AR (unreadable, or no route for the sender).
 * A message control id seen before for the same route gets its stored ACK again without being
 * processed twice. Messages on one connection are handled in order.
 */
import { withCorrelation } from '../../correlation';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { MllpConfig, MllpRoute } from '../../config';
import type { AppServices } from '../../services';
import { DuplicateKeyError } from '../../store/types';
import { buildHl7Ack, readHl7Header, type Hl7Header } from '../formats/hl7v2';
import { Hl7MessageSplitter } from '../formats/hl7v2';
import type { ParsedItem } from '../formats/types';
import { ingestItems, prepareIngest } from '../ingestRecords';
import { MLLP_MESSAGES } from '../collections';
import { present } from '../../invariant';

const START = 0x0b;
const END = 0x1c;
const CR = 0x0d;
/** The largest frame accepted; a longer one is refused and the connection closed. */
export const MLLP_MAX_FRAME_BYTES = 16 * 1024 * 1024;
const MLLP_ACTOR = { keyId: 'mllp', name: 'MLLP listener', role: 'system' };

interface MllpMessageDocument {
  _id: string;
  ack: string;
  code: 'AA' | 'AE' | 'AR';
  receivedAt: string;
  [key: string]: unknown;
}

export interface MllpListener {
  address(): AddressInfo;
  close(): Promise<void>;
}

function frame(text: string): Buffer {
  return Buffer.concat([Buffer.from([START]), Buffer.from(text, 'utf8'), Buffer.from([END, CR])]);
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function routeOf(routes: readonly MllpRoute[], header: Hl7Header): MllpRoute | undefined {
  return (
    routes.find((route) => route.sendingApplication === header.sendingApplication && route.sendingFacility === header.sendingFacility) ??
    routes.find((route) => route.sendingApplication === header.sendingApplication && route.sendingFacility === undefined)
  );
}

async function* one(item: ParsedItem): AsyncGenerator<ParsedItem> {
  yield item;
}

/** Handles one framed message and returns the ACK text. */
export async function handleMllpMessage(services: AppServices, input: { text: string; routes: readonly MllpRoute[] }): Promise<string> {
  const header = readHl7Header(input.text);
  const ack = (code: 'AA' | 'AE' | 'AR', text?: string, errorCode?: string) =>
    buildHl7Ack({ header, code, text, errorCode, controlId: `ACK-${randomUUID()}`, timestamp: timestamp() });
  if (!header) return ack('AR', 'The message has no readable MSH segment.', 'HL7_PARSE_ERROR');
  if (!header.messageControlId) return ack('AR', 'MSH-10 (message control id) is empty.', 'HL7_PARSE_ERROR');
  const route = routeOf(input.routes, header);
  if (!route)
    return ack(
      'AR',
      `No source is configured for sending application ${header.sendingApplication}${header.sendingFacility ? ` at ${header.sendingFacility}` : ''}.`,
      'MLLP_UNKNOWN_SENDER',
    );
  const messages = services.store.collection<MllpMessageDocument>(MLLP_MESSAGES);
  const id = `${route.source}|${route.domain}|${header.sendingApplication}|${header.sendingFacility}|${header.messageControlId}`;
  const seen = await messages.findOne({ _id: id });
  if (seen) return seen.ack;
  const items = new Hl7MessageSplitter();
  const parsed = [...items.push(input.text), ...items.end()];
  if (parsed.length !== 1) return ack('AR', `The frame holds ${parsed.length} messages; send one message per frame.`, 'HL7_PARSE_ERROR');
  let answer: { code: 'AA' | 'AE' | 'AR'; text?: string; errorCode?: string };
  try {
    // The message control id (MSH-10) is the correlation id of everything this message causes.
    const correlationId = `mllp:${header.messageControlId}`.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 128);
    const context = await prepareIngest(services, {
      source: route.source,
      domain: route.domain,
      actor: MLLP_ACTOR,
      origin: { requestId: `mllp:${header.messageControlId}`, correlationId },
    });
    const run = await withCorrelation(correlationId, () =>
      ingestItems(context, { items: one(present(parsed[0], 'the one message of the frame')), collectResults: true }),
    );
    const result = run.results[0];
    if (!result) answer = { code: 'AE', text: 'The message produced no result.', errorCode: 'MLLP_NO_RESULT' };
    else if (result.outcome !== 'exception') answer = { code: 'AA' };
    else
      answer = {
        code: result.stage === 'parse' ? 'AR' : 'AE',
        text: `${result.message} (exception ${result.exceptionId})`,
        errorCode: result.code,
      };
  } catch (error) {
    // No published mapping or a store failure: the engine should retry later, so nothing is remembered.
    const code = (error as { code?: string }).code ?? 'INTERNAL_ERROR';
    services.logger.error('mllp message not ingested', {
      controlId: header.messageControlId,
      source: route.source,
      domain: route.domain,
      code,
    });
    return ack(
      'AE',
      code === 'INTERNAL_ERROR' ? 'The message could not be processed; send it again later.' : (error as Error).message,
      code,
    );
  }
  const text = ack(answer.code, answer.text, answer.errorCode);
  try {
    await messages.insertOne({ _id: id, ack: text, code: answer.code, receivedAt: new Date().toISOString() });
  } catch (error) {
    // The same message on another connection at the same moment: its answer stands.
    if (!(error instanceof DuplicateKeyError)) throw error;
    return (await messages.findOne({ _id: id }))?.ack ?? text;
  }
  return text;
}

/** Reads MLLP frames from a socket; calls `onFrame` for each, in order, and `onBroken` for bytes outside a frame. */
class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private inFrame = false;

  constructor(private readonly handlers: { onFrame(text: string): void; onBroken(reason: string, isFatal: boolean): void }) {}

  push(data: Buffer): void {
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
    for (;;) {
      if (!this.inFrame) {
        const start = this.buffer.indexOf(START);
        const before = start === -1 ? this.buffer : this.buffer.subarray(0, start);
        if (before.toString('latin1').trim() !== '')
          this.handlers.onBroken(`${before.length} bytes outside an MLLP frame (no <VT> start byte) were discarded`, false);
        if (start === -1) {
          this.buffer = Buffer.alloc(0);
          return;
        }
        this.buffer = this.buffer.subarray(start + 1);
        this.inFrame = true;
      }
      const end = this.buffer.indexOf(END);
      const nextStart = this.buffer.indexOf(START);
      if (nextStart !== -1 && (end === -1 || nextStart < end)) {
        // A new frame began before this one ended: the partial frame is broken.
        this.handlers.onBroken('a frame was not closed with <FS><CR> before the next <VT>', false);
        this.buffer = this.buffer.subarray(nextStart);
        this.inFrame = false;
        continue;
      }
      if (end === -1) {
        if (this.buffer.length > MLLP_MAX_FRAME_BYTES) this.handlers.onBroken(`a frame is larger than ${MLLP_MAX_FRAME_BYTES} bytes`, true);
        return;
      }
      const text = this.buffer.subarray(0, end).toString('utf8');
      this.buffer = this.buffer.subarray(this.buffer[end + 1] === CR ? end + 2 : end + 1);
      this.inFrame = false;
      this.handlers.onFrame(text);
    }
  }
}

/** Starts the listener; resolves once it accepts connections. */
export async function startMllpListener(services: AppServices, config: MllpConfig): Promise<MllpListener> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let queue = Promise.resolve();
    const send = (text: string) => {
      if (!socket.destroyed) socket.write(frame(text));
    };
    const reader = new FrameReader({
      onFrame: (text) => {
        queue = queue
          .then(async () => send(await handleMllpMessage(services, { text, routes: config.routes })))
          .catch((error: unknown) => {
            services.logger.error('mllp frame failed', { problem: error instanceof Error ? error.message : String(error) });
            send(
              buildHl7Ack({
                header: readHl7Header(text),
                code: 'AE',
                text: 'The message could not be processed; send it again later.',
                errorCode: 'INTERNAL_ERROR',
                controlId: `ACK-${randomUUID()}`,
                timestamp: timestamp(),
              }),
            );
          });
      },
      onBroken: (reason, isFatal) => {
        queue = queue.then(() => {
          send(
            buildHl7Ack({
              header: null,
              code: 'AR',
              text: `Broken MLLP frame: ${reason}.`,
              errorCode: 'MLLP_FRAME_ERROR',
              controlId: `ACK-${randomUUID()}`,
              timestamp: timestamp(),
            }),
          );
          if (isFatal) socket.end();
        });
      },
    });
    socket.on('data', (data: Buffer) => reader.push(data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  services.logger.info('mllp listener started', {
    host: config.host,
    port: (server.address() as AddressInfo).port,
    routes: config.routes.length,
  });
  return {
    address: () => server.address() as AddressInfo,
    close: async () => {
      for (const socket of sockets) socket.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
