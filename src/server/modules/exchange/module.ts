import { limits } from '../../../shared/domain.js';
import type { ServerModule } from '../server-module.js';
import { exchangeRoutes } from './exchange.routes.js';

export const exchangeModule = {
  name: 'exchange',
  routes: [exchangeRoutes],
  uploads: [
    {
      method: 'POST',
      path: '/imports',
      maxBytes: limits.uploadMaxBytes,
      message: `Een upload mag hoogstens ${limits.uploadMaxBytes / 1024 / 1024} MB zijn; lees grotere sets in met de CLI.`,
    },
  ],
  auditEntities: ['ijw-file', 'ijw-retour', 'trajectories'] as const,
} satisfies ServerModule;
