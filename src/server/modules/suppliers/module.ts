import type { ServerModule } from '../server-module.js';
import { packRoutes } from './pack.routes.js';
import { suppliersRoutes } from './suppliers.routes.js';

/**
 * Supplier management (leveranciersmanagement): the contract calendar with the NZa list, tiers with reasons and the
 * provider pack. Its contracts, extensions and tier levels are the landscape's; its money the monitoring module's.
 */
export const suppliersModule = {
  name: 'suppliers',
  routes: [suppliersRoutes, packRoutes],
  auditEntities: ['provider-tier', 'tier-weights'] as const,
} satisfies ServerModule;
