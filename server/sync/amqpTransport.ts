/**
 * The AMQP 0-9-1 transport (RabbitMQ): one connection with a confirm channel per subscription, kept
 * open between messages. A message counts as delivered when the broker confirms it (publisher
 * confirms); a nack, a closed channel or no confirm within the timeout is a failed attempt. The
 * connection goes to the address egress.ts checked; the message id is the delivery id (the same
 * `webhook-id` as on webhooks), and the Standard Webhooks headers travel as message headers.
 */
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';

interface OpenConnection {
  model: ChannelModel;
  channel: ConfirmChannel;
  /** Sealed URL and address it was opened with: a changed subscription reconnects. */
  key: string;
  isBroken: boolean;
}

/** Connections of one dispatcher, by subscription. */
export class AmqpPublisher {
  private readonly open = new Map<string, Promise<OpenConnection>>();

  private async connection(input: {
    subscriptionId: string;
    url: URL;
    address: string;
    exchange: string;
    key: string;
    timeoutMs: number;
  }): Promise<OpenConnection> {
    const existing = this.open.get(input.subscriptionId);
    if (existing) {
      const current = await existing.catch(() => null);
      if (current && !current.isBroken && current.key === input.key) return current;
      this.open.delete(input.subscriptionId);
      if (current) await current.model.close().catch(() => undefined);
    }
    const opening = (async () => {
      const model = await connect(
        {
          protocol: input.url.protocol.replace(':', ''),
          hostname: input.address,
          port: input.url.port ? Number(input.url.port) : input.url.protocol === 'amqps:' ? 5671 : 5672,
          username: decodeURIComponent(input.url.username || 'guest'),
          password: decodeURIComponent(input.url.password || 'guest'),
          vhost: input.url.pathname.length > 1 ? decodeURIComponent(input.url.pathname.slice(1)) : '/',
        },
        { timeout: input.timeoutMs, servername: input.url.hostname },
      );
      const channel = await model.createConfirmChannel();
      const opened: OpenConnection = { model, channel, key: input.key, isBroken: false };
      const broken = () => {
        opened.isBroken = true;
      };
      model.on('error', broken);
      model.on('close', broken);
      channel.on('error', broken);
      channel.on('close', broken);
      // A missing exchange closes the channel with 404: say so plainly instead.
      await channel.checkExchange(input.exchange).catch((error: unknown) => {
        void model.close().catch(() => undefined);
        throw new Error(
          `the exchange "${input.exchange}" does not exist on the broker (${error instanceof Error ? error.message : String(error)})`,
        );
      });
      return opened;
    })();
    this.open.set(input.subscriptionId, opening);
    opening.catch(() => this.open.delete(input.subscriptionId));
    return opening;
  }

  /** Publishes one message and waits for the broker's confirm. */
  async publish(input: {
    subscriptionId: string;
    url: URL;
    address: string;
    key: string;
    exchange: string;
    routingKey: string;
    messageId: string;
    contentType: string;
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
  }): Promise<void> {
    const connection = await this.connection(input);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        connection.isBroken = true;
        reject(new Error(`no confirm from the broker within ${input.timeoutMs} ms`));
      }, input.timeoutMs);
      connection.channel.publish(
        input.exchange,
        input.routingKey,
        Buffer.from(input.body),
        {
          persistent: true,
          messageId: input.messageId,
          contentType: input.contentType,
          timestamp: Math.floor(Date.now() / 1000),
          headers: input.headers,
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (error) reject(new Error(`the broker refused the message (nack): ${error instanceof Error ? error.message : String(error)}`));
          else resolve();
        },
      );
    });
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((opening) => opening.then((c) => c.model.close()).catch(() => undefined)));
  }
}
