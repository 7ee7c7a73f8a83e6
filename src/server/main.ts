import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { jobCatalog } from './jobs/catalog.js';
import { JobRunner } from './jobs/runner.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/client.js';
import { issueCliToken } from './http/cli-token.js';
import { createLogger } from './http/logger.js';
import { scaleDemoBudgetsToCare, seedDemoRegionIfEmpty } from './db/seed/demo.js';
import { scaleDemoCeilingsToCare } from './db/seed/demo-contracts.js';
import { seedDemoRealisations } from './db/seed/demo-money.js';
import { seedDemoMessages } from './modules/exchange/index.js';
import { seedDemoGoalAttainments } from './modules/outcomes/index.js';
import { loadSecrets } from './security/secrets.js';

/**
 * Starts the server; migrations run first, and an empty database gets the demo region. On PGlite the server holds
 * the data directory's lock and announces its address and a CLI token beside it, so `users add` can reach it.
 */
export async function startServer(
  overrides: Partial<Config> = {},
  options: { seedDemo?: boolean; demoYouths?: number } = {},
) {
  const config = loadConfig(process.env, overrides);
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: 'zorglandschap serve',
  });
  const secrets = loadSecrets(config);
  if (options.seedDemo !== false) {
    const seeded = await seedDemoRegionIfEmpty(database.db);
    if (seeded) {
      const lines = seeded.users.map((u) => `  ${u.role.padEnd(16)} ${u.email}`);
      process.stdout.write(
        `\nDemoregio Lekstroom aangemaakt. Demo-accounts (wachtwoord: ${seeded.password}):\n${lines.join('\n')}\n`,
      );
      const youths = options.demoYouths ?? 2500;
      if (youths > 0) {
        process.stdout.write(`iJw-demoberichten voor ${youths} jeugdigen worden gemaakt en ingelezen…\n`);
        const result = await seedDemoMessages(database.db, secrets, youths);
        await scaleDemoBudgetsToCare(database.db);
        await scaleDemoCeilingsToCare(database.db);
        await seedDemoRealisations(database.db);
        await seedDemoGoalAttainments(database.db);
        process.stdout.write(
          `${result.accepted} van ${result.files} berichten ingelezen (${result.records} records).\n`,
        );
      }
      process.stdout.write('\n');
    }
  }
  const app = createApp({ database, config, secrets, logger });
  const jobs = new JobRunner(database, jobCatalog(), { logger, config });
  await jobs.start();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  try {
    await once(server, 'listening');
  } catch (err) {
    await database.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const local = ['0.0.0.0', '127.0.0.1'].includes(config.host);
  const url = `http://${local ? 'localhost' : config.host}:${port}`;
  // Only a PGlite server has a lock to announce; on PostgreSQL no CLI token is issued, and the CLI writes directly.
  database.lock?.announce({ url: `http://${local ? '127.0.0.1' : config.host}:${port}`, cliToken: issueCliToken() });
  logger.info({ url, database: database.kind }, 'listening');
  // The one line a person starting the app looks for, in plain text rather than in the JSON log.
  if (config.logLevel !== 'silent')
    process.stdout.write(`Zorglandschap draait op ${url} (database: ${database.kind})\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    logger.info('shutting down');
    server.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return { server, database, jobs, shutdown };
}
