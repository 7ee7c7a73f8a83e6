import type { ServerModule } from '../server-module.js';
import { kpiRefreshJob } from './facts.job.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { targetRoutes } from './targets.routes.js';
import { reportRoutes } from './report.routes.js';
import { seriesRoutes } from './series.routes.js';
import { moneyRoutes } from './money.routes.js';
import { reportCommentRoutes } from './report-comments.routes.js';
import { issuedReportRoutes } from './issued-reports.routes.js';

export const monitoringModule = {
  name: 'monitoring',
  routes: [
    monitoringRoutes,
    seriesRoutes,
    targetRoutes,
    reportRoutes,
    moneyRoutes,
    reportCommentRoutes,
    issuedReportRoutes,
  ],
  jobs: [kpiRefreshJob],
  auditEntities: ['kpi-target', 'kpi-settings', 'report-comment', 'issued-report'] as const,
} satisfies ServerModule;
