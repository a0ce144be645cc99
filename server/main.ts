/** `npm start`: validate configuration, start the service, print where it runs and how to sign in. */
import type { AddressInfo } from 'node:net';
import { bootstrap, listen } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  const running = await bootstrap({ config, logger });
  const server = await listen(running.app, { port: config.port, host: config.host });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const keyLine = {
    environment: 'admin key: from MDM_ADMIN_KEY',
    existing: 'admin key: existing keys in the store (MDM_ADMIN_KEY not set)',
    generated: 'admin key: generated on first start, shown once below — store it now',
    revoked: 'admin key: MDM_ADMIN_KEY was REVOKED and stays revoked — set a new MDM_ADMIN_KEY or use another admin key',
  }[running.adminKeySource.kind];
  const lines = [
    '',
    `  MDM Hub is running at ${url}`,
    `  studio: ${url}/   API docs: ${url}/api/v1/docs`,
    `  store: ${running.services.store.kind} (${running.services.store.description})`,
    `  ${keyLine}`,
  ];
  if (running.adminKeySource.kind === 'generated') lines.push(`      ${running.adminKeySource.secret}`);
  process.stdout.write(lines.join('\n') + '\n\n');
  logger.info('started', { url, store: running.services.store.kind, adminKey: running.adminKeySource.kind });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    server.close();
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`MDM Hub failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
