import type { ServerModule } from '../server-module.js';
import { landscapeRoutes } from './landscape.routes.js';

export const landscapeModule = {
  name: 'landscape',
  routes: [landscapeRoutes],
  auditEntities: [
    'provider',
    'combination',
    'contract',
    'product',
    'budget',
    'budget-realisation',
    'region',
    'municipality',
    'lot',
    'budget-line',
    'tier-level',
    'postcode-centroids',
  ] as const,
} satisfies ServerModule;
