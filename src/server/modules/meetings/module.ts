import type { ServerModule } from '../server-module.js';
import { devtasksRoutes } from './devtasks.routes.js';
import { meetingsRoutes } from './meetings.routes.js';
import { plannerRoutes } from './planner.routes.js';
import { meetingRemindersJob } from './reminders.job.js';

/**
 * Meetings of supplier management (overleggen): the cycle of bestuurlijke gesprekken, accountgesprekken, overlegtafels
 * and transformatietafels with their minutes, actions and escalations, the year planner, the transformatietafels'
 * development tasks, and the providers' side.
 * A sibling of the suppliers module (tiers, contract calendar): its cadence reads the tier levels of the landscape.
 */
export const meetingsModule = {
  name: 'meetings',
  routes: [meetingsRoutes, plannerRoutes, devtasksRoutes],
  jobs: [meetingRemindersJob],
  auditEntities: ['meeting', 'meeting-action', 'meeting-settings', 'development-task'] as const,
} satisfies ServerModule;
