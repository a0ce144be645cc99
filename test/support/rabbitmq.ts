/**
 * Starts Debian's RabbitMQ (`rabbitmq-server`, installed by .ci/run) on free ports in a temporary
 * directory for one test file, and stops it afterwards. Skipped (returns null) when it is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connect } from 'amqplib';

const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';

export interface RabbitBroker {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether the broker can be started on this machine. */
export function isRabbitInstalled(): boolean {
  return existsSync(SERVER);
}

/** Starts a broker and resolves once it accepts AMQP connections (guest/guest from 127.0.0.1). */
export async function startRabbit(options: { timeoutMs?: number } = {}): Promise<RabbitBroker> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mdm-rabbit-'));
  const port = await freePort();
  const distPort = await freePort();
  await writeFile(path.join(dir, 'enabled_plugins'), '[].');
  const child: ChildProcess = spawn(SERVER, [], {
    env: {
      ...process.env,
      HOME: dir,
      RABBITMQ_NODENAME: `mdmtest${port}@localhost`,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(dir, 'log'),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
      RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq'),
      RABBITMQ_PID_FILE: path.join(dir, 'rabbitmq.pid'),
    },
    stdio: 'ignore',
    detached: true,
  });
  const url = `amqp://guest:guest@127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    try {
      const connection = await connect(url);
      await connection.close();
      return { url, port, stop };
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`RabbitMQ did not start (exit ${child.exitCode}); logs were in ${path.join(dir, 'log')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
