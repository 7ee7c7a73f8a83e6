import type { ServerModule } from '../server-module.js';
import { meetingsRoutes } from './meetings.routes.js';
import { plannerRoutes } from './planner.routes.js';
import { meetingRemindersJob } from './reminders.job.js';

/**
 * Meetings of supplier management (overleggen): the cycle of bestuurlijke gesprekken, accountgesprekken, overlegtafels
 * and transformatietafels with their minutes, actions and escalations, the year planner, and the providers' side.
 * A sibling of the suppliers module (tiers, contract calendar): its cadence reads the tier levels of the landscape.
 */
export const meetingsModule = {
  name: 'meetings',
  routes: [meetingsRoutes, plannerRoutes],
  jobs: [meetingRemindersJob],
  auditEntities: ['meeting', 'meeting-action', 'meeting-settings'] as const,
} satisfies ServerModule;
