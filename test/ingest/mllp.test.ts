/** The MLLP listener with a real TCP client: ACK codes, idempotent re-send, broken frames, several frames per packet. */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { gtin14, publishMapping, startIngestServer } from '../support/factories/ingest';
import { at, must } from '../support/must';

let server: TestServer;
let port: number;

const EXPRESSION = `{
  "sourceId": ITM.ItemIdentifier.EntityIdentifier,
  "status": ITM.ItemStatus.Identifier = 'I' ? 'inactive' : 'active',
  "description": ITM.ItemDescription,
  "gtin": PKG[0].GlobalTradeItemNumber.Identifier,
  "baseUom": PKG[0].PackagingUnits.Identifier
}`;

beforeAll(async () => {
  server = await startIngestServer({
    env: { MDM_MLLP_PORT: '0', MDM_MLLP_HOST: '127.0.0.1', MDM_MLLP_ROUTES: 'EPIC^SUPPLY=epic-test/item,LAWSON=lawson-test/item' },
  });
  await publishMapping(server, { source: 'epic-test', domain: 'item', expression: EXPRESSION });
  const address = server.running.mllp?.address();
  if (!address) throw new Error('the MLLP listener did not start');
  port = address.port;
});
afterAll(async () => server.stop());

const message = (input: { controlId: string; itemId: string; gtin?: string; description?: string; sender?: string }) =>
  [
    `MSH|^~\\&|${input.sender ?? 'EPIC|SUPPLY'}|MDM|HUB|20240606120000||MFN^M16^MFN_M16|${input.controlId}|P|2.6`,
    'MFE|MAD|1|20240606|' + input.itemId,
    `ITM|${input.itemId}^EPIC-SUP|${input.description ?? 'Syringe, 1 mL'}|A`,
    `PKG|1|EA^Each|N|1|0.11&USD|||${input.gtin ?? gtin14(`0038291${input.itemId.padStart(6, '0')}`)}||1`,
  ].join('\r');
const frame = (text: string) => Buffer.concat([Buffer.from([0x0b]), Buffer.from(text), Buffer.from([0x1c, 0x0d])]);

/** A client connection that collects framed answers. */
async function client(): Promise<{ socket: Socket; next(): Promise<string>; send(bytes: Buffer): void; close(): void }> {
  const socket = connect({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buffer = Buffer.alloc(0);
  const answers: string[] = [];
  const waiting: Array<(text: string) => void> = [];
  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    for (let end = buffer.indexOf(0x1c); end !== -1; end = buffer.indexOf(0x1c)) {
      const start = buffer.indexOf(0x0b);
      const text = buffer.subarray(start + 1, end).toString('utf8');
      buffer = buffer.subarray(end + 2);
      const waiter = waiting.shift();
      if (waiter) waiter(text);
      else answers.push(text);
    }
  });
  return {
    socket,
    send: (bytes) => socket.write(bytes),
    next: () => {
      const ready = answers.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<string>((resolve, reject) => {
        waiting.push(resolve);
        socket.once('close', () => reject(new Error('connection closed before an answer')));
      });
    },
    close: () => socket.end(),
  };
}

const segments = (ack: string) =>
  Object.fromEntries(
    ack
      .split('\r')
      .filter(Boolean)
      .map((segment) => [segment.slice(0, 3), segment.split('|')]),
  );

describe('MLLP', () => {
  test('a valid message → AA echoing its control id; the record is ingested', async () => {
    const connection = await client();
    connection.send(frame(message({ controlId: 'CTRL-1', itemId: '104200' })));
    const ack = segments(await connection.next());
    expect(must(ack.MSH, 'ack.MSH').slice(2, 6)).toEqual(['MDM', 'HUB', 'EPIC', 'SUPPLY']);
    expect(must(ack.MSH, 'ack.MSH')[8]).toBe('ACK^M16^ACK');
    expect(must(ack.MSA, 'ack.MSA').slice(1, 3)).toEqual(['AA', 'CTRL-1']);
    connection.close();
    const golden = await server.request<{ items: Array<{ record: { description?: string } }> }>(
      'GET',
      '/api/v1/golden/item?attr.description=Syringe%2C%201%20mL',
    );
    expect(golden.status).toBe(200);
    expect(golden.body.items.length).toBeGreaterThan(0);
  });

  test('the same control id again gets the stored ACK (byte for byte) and is not processed twice', async () => {
    const connection = await client();
    connection.send(frame(message({ controlId: 'CTRL-2', itemId: '104201' })));
    const first = await connection.next();
    // Changed content under the same control id: a re-send, so the first answer stands and nothing is re-read.
    connection.send(frame(message({ controlId: 'CTRL-2', itemId: '104201', gtin: '123' })));
    const second = await connection.next();
    expect(second).toBe(first);
    expect(must(segments(second).MSA, 'segments(second).MSA')[1]).toBe('AA');
    connection.close();
    const exceptions = await server.request<{ items: unknown[] }>('GET', '/api/v1/exceptions?source=epic-test&code=INVALID_GTIN');
    expect(exceptions.body.items).toHaveLength(0);
  });

  test('a validation failure → AE with the exception code in ERR-5; the exception is queued', async () => {
    const connection = await client();
    connection.send(frame(message({ controlId: 'CTRL-3', itemId: '104202', gtin: '00382911861779' })));
    const ack = segments(await connection.next());
    expect(must(ack.MSA, 'ack.MSA')[1]).toBe('AE');
    expect(must(ack.MSA, 'ack.MSA')[2]).toBe('CTRL-3');
    expect(must(ack.ERR, 'ack.ERR')[5]).toBe('INVALID_GTIN^^HL70533');
    connection.close();
    const exceptions = await server.request<{ items: Array<{ code: string; sourceId?: string }> }>(
      'GET',
      '/api/v1/exceptions?source=epic-test&code=INVALID_GTIN',
    );
    expect(exceptions.body.items.map((item) => item.sourceId)).toContain('104202');
  });

  test('an unparseable message → AR; the exception keeps its raw text', async () => {
    const connection = await client();
    const text = message({ controlId: 'CTRL-4', itemId: '104203', description: 'broken \\Z escape' });
    connection.send(frame(text));
    const ack = segments(await connection.next());
    expect(must(ack.MSA, 'ack.MSA').slice(1, 3)).toEqual(['AR', 'CTRL-4']);
    expect(must(ack.ERR, 'ack.ERR')[5]).toBe('HL7_PARSE_ERROR^^HL70533');
    connection.close();
    const list = await server.request<{ items: Array<{ id: string }> }>('GET', '/api/v1/exceptions?source=epic-test&code=HL7_PARSE_ERROR');
    expect(list.body.items).toHaveLength(1);
    const exception = await server.request<{ raw: unknown; position: unknown }>('GET', `/api/v1/exceptions/${at(list.body.items, 0).id}`);
    expect(exception.body.raw).toBe(text);
    expect(exception.body.position).toMatchObject({ message: 1, path: 'ITM-2' });
  });

  test('an unknown sender → AR MLLP_UNKNOWN_SENDER; a route without a published mapping → AE NO_PUBLISHED_MAPPING', async () => {
    const connection = await client();
    connection.send(frame(message({ controlId: 'CTRL-5', itemId: '1', sender: 'CERNER|MAIN' })));
    expect(must(segments(await connection.next()).ERR, 'segments(await connection.next()).ERR')[5]).toBe('MLLP_UNKNOWN_SENDER^^HL70533');
    connection.send(frame(message({ controlId: 'CTRL-6', itemId: '1', sender: 'LAWSON|X' })));
    const ack = segments(await connection.next());
    expect(must(ack.MSA, 'ack.MSA')[1]).toBe('AE');
    expect(must(ack.ERR, 'ack.ERR')[5]).toBe('NO_PUBLISHED_MAPPING^^HL70533');
    connection.close();
  });

  test('a broken frame → AR MLLP_FRAME_ERROR, and the connection goes on with the next frame', async () => {
    const connection = await client();
    connection.send(Buffer.from('MSH|^~\\&|EPIC|SUPPLY|no frame bytes\r'));
    const broken = segments(await connection.next());
    expect(must(broken.MSA, 'broken.MSA')[1]).toBe('AR');
    expect(must(broken.ERR, 'broken.ERR')[5]).toBe('MLLP_FRAME_ERROR^^HL70533');
    // A frame cut off by the next <VT>.
    connection.send(
      Buffer.concat([
        Buffer.from([0x0b]),
        Buffer.from('MSH|^~\\&|EPIC|SUPPLY|half'),
        frame(message({ controlId: 'CTRL-7', itemId: '104204' })),
      ]),
    );
    expect(must(segments(await connection.next()).ERR, 'segments(await connection.next()).ERR')[5]).toBe('MLLP_FRAME_ERROR^^HL70533');
    expect(must(segments(await connection.next()).MSA, 'segments(await connection.next()).MSA').slice(1, 3)).toEqual(['AA', 'CTRL-7']);
    connection.close();
  });

  test('several frames in one packet are answered in order', async () => {
    const connection = await client();
    connection.send(
      Buffer.concat(['CTRL-8', 'CTRL-9', 'CTRL-10'].map((controlId, index) => frame(message({ controlId, itemId: `10421${index}` })))),
    );
    const answers = [await connection.next(), await connection.next(), await connection.next()];
    expect(answers.map((ack) => must(segments(ack).MSA, 'segments(ack).MSA').slice(1, 3))).toEqual([
      ['AA', 'CTRL-8'],
      ['AA', 'CTRL-9'],
      ['AA', 'CTRL-10'],
    ]);
    connection.close();
  });
});
