import { limits } from '../../../shared/domain.js';
import type { ServerModule } from '../server-module.js';
import { exchangeRoutes } from './exchange.routes.js';
import { quarantineRoutes } from './quarantine.routes.js';
import { trajectoryRoutes } from './trajectory.routes.js';
import { originalPartsSweepJob, uploadTempSweepJob } from './sweep-upload-temp.js';

export const exchangeModule = {
  name: 'exchange',
  routes: [exchangeRoutes, quarantineRoutes, trajectoryRoutes],
  uploads: [
    {
      method: 'POST',
      path: '/imports',
      maxBytes: limits.uploadMaxBytes,
      message: `Een upload mag hoogstens ${limits.uploadMaxBytes / 1024 / 1024} MB zijn; lees grotere sets in met de CLI.`,
      // Each upload may hold up to 200 MB until it is imported: two at a time bound that to 400 MB.
      concurrent: 2,
      busyMessage:
        'Er worden al twee uploads tegelijk ingelezen. Probeer het over een halve minuut opnieuw, of lees grote sets in met de CLI.',
    },
  ],
  jobs: [uploadTempSweepJob, originalPartsSweepJob],
  auditEntities: ['ijw-file', 'ijw-retour', 'trajectories'] as const,
} satisfies ServerModule;
