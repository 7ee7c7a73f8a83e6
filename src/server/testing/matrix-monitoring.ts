import { createTarget } from '../modules/monitoring/targets.service.js';
import { issueReport } from '../modules/monitoring/report/issued.service.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

/** The permission matrix's cases for the steering figures: KPIs, their series, exports, report, targets and settings. */

let serial = 0;
const next = () => (serial += 1);

/** The world's care runs in 2025; grouped by municipality, an answer about region B names B's municipalities. */
const kpiQuery = (w: World['a'], extra: Record<string, string> = {}) => ({
  region: w.region.code,
  period: '2025',
  groupBy: 'municipality',
  ...extra,
});
async function freshTarget(w: World, ctx: TestContext, side: World['a']): Promise<Probe> {
  const target = await ctx.database.db.transaction((tx) =>
    createTarget(tx, w.admin, side.region.id, {
      kpi: 'youths_in_care',
      scopeType: 'region',
      comparator: 'atLeast',
      value: next(),
    }),
  );
  return { path: `/kpi-targets/${target.id}` };
}

/** An issued report of the side's region (its care runs in 2025), to download. */
async function issued(w: World, ctx: TestContext, side: World['a']): Promise<Probe> {
  const report = await ctx.database.db.transaction((tx) =>
    issueReport(tx, w.admin, { regionId: side.region.id, quarter: '2025Q1' }),
  );
  return { path: `/issued-reports/${report.id}/pdf` };
}

export const monitoringOperations: Record<string, OperationCase> = {
  'GET /kpis': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({ path: '/kpis', query: kpiQuery(w.a) }),
    otherProvider: (w) => ({ path: '/kpis', query: kpiQuery(w.a, { groupBy: 'provider', provider: w.other.agbCode }) }),
    otherRegion: (w) => ({ path: '/kpis', query: kpiQuery(w.b) }),
  },
  'GET /kpis/periods': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({ path: '/kpis/periods', query: { region: w.a.region.code } }),
    otherRegion: (w) => ({ path: '/kpis/periods', query: { region: w.b.region.code } }),
  },
  'GET /kpis/export': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({ path: '/kpis/export', query: kpiQuery(w.a, { format: 'csv' }) }),
    otherProvider: (w) => ({
      path: '/kpis/export',
      query: kpiQuery(w.a, { format: 'csv', groupBy: 'provider', provider: w.other.agbCode }),
    }),
    otherRegion: (w) => ({ path: '/kpis/export', query: kpiQuery(w.b, { format: 'csv' }) }),
  },
  'GET /kpis/signals': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({ path: '/kpis/signals', query: { region: w.a.region.code, period: '2025' } }),
    otherRegion: (w) => ({ path: '/kpis/signals', query: { region: w.b.region.code, period: '2025' } }),
  },
  'GET /reports/quarterly': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({ path: '/reports/quarterly', query: { region: w.a.region.code, quarter: '2025Q1' } }),
    otherProvider: (w) => ({
      path: '/reports/quarterly',
      query: { region: w.a.region.code, quarter: '2025Q1', provider: w.other.agbCode },
    }),
    otherRegion: (w) => ({ path: '/reports/quarterly', query: { region: w.b.region.code, quarter: '2025Q1' } }),
  },
  'GET /kpi-targets': { permission: 'targets.read', kind: 'list', own: () => ({ path: '/kpi-targets' }) },
  'POST /kpi-targets': {
    permission: 'targets.edit',
    kind: 'create',
    own: () => ({
      path: '/kpi-targets',
      body: { kpi: 'youths_in_care', scopeType: 'region', comparator: 'atMost', value: 400 + next() },
    }),
  },
  'PATCH /kpi-targets/{id}': {
    permission: 'targets.edit',
    kind: 'object',
    own: (w) => ({ path: `/kpi-targets/${w.a.targetId}`, body: { note: 'Doel Zuid' } }),
    otherRegion: (w) => ({ path: `/kpi-targets/${w.b.targetId}`, body: { note: 'Doel Noord' } }),
  },
  'DELETE /kpi-targets/{id}': {
    permission: 'targets.edit',
    kind: 'object',
    // Each probe deletes a target made for it, so the fixture's targets stay for the reads.
    own: (w, ctx) => freshTarget(w, ctx, w.a),
    otherRegion: (w, ctx) => freshTarget(w, ctx, w.b),
  },
  'GET /kpis/series': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({ path: '/kpis/series', query: { region: w.a.region.code, kpi: 'youths_in_care', count: '2' } }),
    otherProvider: (w) => ({
      path: '/kpis/series',
      query: { region: w.a.region.code, kpi: 'youths_in_care', count: '2', provider: w.other.agbCode },
    }),
    otherRegion: (w) => ({
      path: '/kpis/series',
      query: { region: w.b.region.code, kpi: 'youths_in_care', count: '2' },
    }),
  },
  'GET /kpis/series/export': {
    permission: 'kpis.read',
    kind: 'list',
    own: (w) => ({
      path: '/kpis/series/export',
      query: { region: w.a.region.code, kpi: 'youths_in_care', count: '2' },
    }),
    otherProvider: (w) => ({
      path: '/kpis/series/export',
      query: { region: w.a.region.code, kpi: 'youths_in_care', count: '2', provider: w.other.agbCode },
    }),
    otherRegion: (w) => ({
      path: '/kpis/series/export',
      query: { region: w.b.region.code, kpi: 'youths_in_care', count: '2' },
    }),
  },
  'GET /kpi-settings': { permission: 'targets.read', kind: 'list', own: () => ({ path: '/kpi-settings' }) },
  'PUT /kpi-settings': {
    permission: 'targets.edit',
    kind: 'object',
    own: () => ({
      path: '/kpi-settings',
      body: { provisionalLagMonths: 3, treeknormIntakeDays: 28, treeknormTreatmentDays: 70 },
    }),
  },
  'GET /report-comments/{quarter}': {
    permission: 'reports.read',
    kind: 'list',
    own: () => ({ path: '/report-comments/2025Q1' }),
  },
  'PUT /report-comments/{quarter}/{subject}': {
    permission: 'reports.edit',
    kind: 'object',
    own: () => ({ path: '/report-comments/2025Q1/report', body: { text: `Toelichting ${next()}` } }),
  },
  'GET /issued-reports': { permission: 'reports.read', kind: 'list', own: () => ({ path: '/issued-reports' }) },
  'POST /issued-reports': {
    permission: 'reports.edit',
    kind: 'create',
    own: () => ({ path: '/issued-reports', body: { quarter: '2025Q1' } }),
  },
  'GET /issued-reports/{id}/pdf': {
    permission: 'reports.read',
    kind: 'object',
    own: (w, ctx) => issued(w, ctx, w.a),
    otherRegion: (w, ctx) => issued(w, ctx, w.b),
  },
};
