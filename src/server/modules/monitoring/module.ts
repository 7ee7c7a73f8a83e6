import type { ServerModule } from '../server-module.js';
import { kpiRefreshJob } from './facts.job.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { targetRoutes } from './targets.routes.js';
import { reportRoutes } from './report.routes.js';
import { moneyRoutes } from './money.routes.js';

export const monitoringModule = {
  name: 'monitoring',
  routes: [monitoringRoutes, targetRoutes, reportRoutes, moneyRoutes],
  jobs: [kpiRefreshJob],
  auditEntities: ['kpi-target'] as const,
} satisfies ServerModule;
