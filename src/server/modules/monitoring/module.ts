import type { ServerModule } from '../server-module.js';
import { kpiRefreshJob } from './facts.job.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { targetRoutes } from './targets.routes.js';
import { reportRoutes } from './report.routes.js';
import { seriesRoutes } from './series.routes.js';
import { moneyRoutes } from './money.routes.js';

export const monitoringModule = {
  name: 'monitoring',
  routes: [monitoringRoutes, seriesRoutes, targetRoutes, reportRoutes, moneyRoutes],
  jobs: [kpiRefreshJob],
  auditEntities: ['kpi-target', 'kpi-settings'] as const,
} satisfies ServerModule;
