import type { ServerModule } from '../server-module.js';
import { suppliersRoutes } from './suppliers.routes.js';

/**
 * Supplier management (leveranciersmanagement): the contract calendar with the NZa list, and tiers with reasons. Its
 * contracts, extensions and tier levels are the landscape's; its money the monitoring module's.
 */
export const suppliersModule = {
  name: 'suppliers',
  routes: [suppliersRoutes],
  auditEntities: ['provider-tier', 'tier-weights'] as const,
} satisfies ServerModule;
