import type { ServerModule } from '../server-module.js';
import { kpiRefreshJob } from './facts.job.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { targetRoutes } from './targets.routes.js';
import { reportRoutes } from './report.routes.js';

export const monitoringModule = {
  name: 'monitoring',
  routes: [monitoringRoutes, targetRoutes, reportRoutes],
  jobs: [kpiRefreshJob],
  auditEntities: ['kpi-target'] as const,
} satisfies ServerModule;
