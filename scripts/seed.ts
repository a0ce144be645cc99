/** `npm run seed`: loads seed/manifest.json through the real ingest use case into the configured store. */
import { bootstrap } from '../server/bootstrap';
import { ConfigError, loadConfig } from '../server/config';
import { loadSeed } from '../server/ingest/seedLoader';
import { createLogger } from '../server/logger';

async function main(): Promise<void> {
  let config;
  try {
    // Seeding here is explicit: the start-up hook must not seed a second time.
    config = { ...loadConfig(), seed: false };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  const running = await bootstrap({ config, logger, startJobs: false });
  try {
    const summaries = await loadSeed(running.services);
    const lines = summaries.map((file) =>
      file.totals
        ? `  ${file.source}/${file.domain} ${file.file}: received ${file.totals.received}, accepted ${file.totals.accepted}, unchanged ${file.totals.unchanged}, exceptions ${file.totals.exceptions}`
        : `  ${file.source}/${file.domain} ${file.file}: NOT LOADED — ${file.problem}`,
    );
    process.stdout.write(`Seed loaded into ${running.services.store.kind} (${running.services.store.description}):\n${lines.join('\n')}\n`);
    if (summaries.some((file) => file.problem)) process.exitCode = 1;
  } finally {
    await running.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
