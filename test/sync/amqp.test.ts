/**
 * The AMQP 0-9-1 transport against a real RabbitMQ started by this file: publisher confirms, routing
 * key per domain, message id = the delivery's webhook-id, signed headers, per-record order, and a
 * missing exchange as a visible failed attempt. Credentials never leave the server again.
 */
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { DeliveryView, SubscriptionView } from '../../server/contracts/subscriptions';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at } from '../support/must';
import { isRabbitInstalled, startRabbit, type RabbitBroker } from '../support/rabbitmq';
import { startTestServer, type TestServer } from '../support/testServer';
import { waitFor } from '../support/webhookReceiver';

let broker: RabbitBroker;
let server: TestServer;
let connection: ChannelModel;
let channel: Channel;
const received: ConsumeMessage[] = [];

// Skipped only where RabbitMQ is not installed; in CI (.ci/run installs it) a missing broker is a failure.
describe.skipIf(!isRabbitInstalled() && !process.env.CI)('AMQP transport (RabbitMQ)', () => {
  beforeAll(async () => {
    broker = await startRabbit();
    connection = await connect(broker.url);
    channel = await connection.createChannel();
    await channel.assertExchange('mdm.golden', 'topic', { durable: false });
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, 'mdm.golden', 'item');
    await channel.consume(
      queue,
      (message) => {
        if (message) received.push(message);
      },
      { noAck: true },
    );
    server = await startTestServer({
      env: { MDM_EGRESS_ALLOW: '127.0.0.1', MDM_SYNC_RETRY_SCHEDULE_MS: '50,50', MDM_SYNC_INTERVAL_MS: '20' },
    });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await connection?.close().catch(() => undefined);
    await broker?.stop();
  }, 60_000);

  test('each change is published with confirms, routing key = domain, message id = webhook-id, in version order per record', async () => {
    const created = await server.request<SubscriptionView & { secret: string }>('POST', '/api/v1/subscriptions', {
      body: { name: 'broker', domains: ['item'], transport: { type: 'amqp', url: broker.url, exchange: 'mdm.golden' } },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.transport).toMatchObject({ url: `amqp://guest:***@127.0.0.1:${broker.port}` });
    const read = await server.request('GET', `/api/v1/subscriptions/${created.body.id}`);
    expect(read.text).not.toContain('guest:guest');

    const canonical = itemRecord();
    const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
    for (let n = 1; n <= 3; n++)
      await applyCanonical(server, {
        domain: 'item',
        source: 'lawson',
        canonical: { ...canonical, description: `${canonical.description} ${n}` },
      });
    const messages = await waitFor('4 messages', () => {
      const mine = received.filter((m) => JSON.parse(m.content.toString()).data.goldenId === goldenId);
      return mine.length >= 4 && mine;
    });
    expect(messages.map((m) => JSON.parse(m.content.toString()).data.version)).toEqual([1, 2, 3, 4]);
    for (const message of messages) {
      expect(message.fields.routingKey).toBe('item');
      expect(message.properties.contentType).toBe('application/json');
      const headers = Object.fromEntries(Object.entries(message.properties.headers ?? {}).map(([k, v]) => [k, String(v)]));
      expect(message.properties.messageId).toBe(headers['webhook-id']);
      expect(() => new Webhook(created.body.secret).verify(message.content.toString(), headers)).not.toThrow();
    }
    const deliveries = (
      await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${created.body.id}/deliveries?goldenId=${goldenId}`)
    ).body.items;
    expect(deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    const detail = (
      await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${created.body.id}/deliveries/${at(deliveries, 0, 'delivery').id}`)
    ).body;
    expect(detail.attemptLog?.[0]?.request).toMatchObject({
      method: 'PUBLISH',
      headers: { 'routing-key': 'item', 'webhook-signature': 'v1,<redacted>' },
    });
    expect(JSON.stringify(detail)).not.toContain('guest:guest');
  });

  test('a missing exchange is a failed attempt that says so; the message is parked after its retries', async () => {
    const created = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
      body: { name: 'no exchange', domains: ['item'], transport: { type: 'amqp', url: broker.url, exchange: 'does.not.exist' } },
    });
    const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
    const parked = await waitFor('parked', async () => {
      const items = (
        await server.request<{ items: DeliveryView[] }>(
          'GET',
          `/api/v1/subscriptions/${created.body.id}/deliveries?goldenId=${goldenId}&status=parked`,
        )
      ).body.items;
      return items.length === 1 && at(items, 0, 'parked delivery');
    });
    const detail = (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${created.body.id}/deliveries/${parked.id}`)).body;
    expect(detail.attemptLog).toHaveLength(3);
    expect(detail.attemptLog?.[0]?.error).toContain('the exchange "does.not.exist" does not exist');
  });
});
