import type { WebFeature } from '../feature';
import { DashboardPage } from './dashboard-page';
import { KpiDetailPage } from './kpi-detail-page';
import { SignalsPage } from './signals-page';
import { KeyFiguresTile, SignalsTile } from './start-tiles';
import { MoneyTile } from './money-tile';
import { TargetsPage } from './targets-page';
import { ReportsPage } from './reports-page';

export const monitoringFeature: WebFeature = {
  id: 'monitoring',
  routes: [
    { path: 'dashboard', element: <DashboardPage />, permission: 'kpis.read' },
    { path: 'dashboard/:kpi', element: <KpiDetailPage />, permission: 'kpis.read' },
    { path: 'signalen', element: <SignalsPage />, permission: 'kpis.read' },
    { path: 'doelen', element: <TargetsPage />, permission: 'targets.read' },
    { path: 'rapportages', element: <ReportsPage />, permission: 'reports.read' },
  ],
  menu: [
    {
      section: 'sturing',
      label: 'Dashboard',
      path: '/dashboard',
      permission: 'kpis.read',
      also: ['/signalen', '/doelen', '/rapportages'],
    },
  ],
  tiles: [
    { id: 'signals', permission: 'targets.read', component: SignalsTile },
    { id: 'key-figures', permission: 'kpis.read', component: KeyFiguresTile },
    { id: 'money', permission: 'budgets.read', component: MoneyTile },
  ],
  auditEntities: {
    'kpi-target': { label: 'Doel' },
    'kpi-settings': { label: 'Instellingen stuurinformatie' },
    'report-comment': { label: 'Toelichting bij de rapportage' },
    'issued-report': { label: 'Uitgegeven kwartaalrapportage' },
  },
};
