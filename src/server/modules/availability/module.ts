import type { ServerModule } from '../server-module.js';
import { availabilityRoutes } from './availability.routes.js';
import { availabilityRemindersJob } from './reminders.job.js';

/** The availability finder (Beschikbaarheidswijzer): providers' entries, the referrers' search, the region's rules. */
export const availabilityModule = {
  name: 'availability',
  routes: [availabilityRoutes],
  jobs: [availabilityRemindersJob],
  auditEntities: ['availability-entry', 'availability-settings'] as const,
} satisfies ServerModule;
