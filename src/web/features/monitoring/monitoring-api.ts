import { api, toQuery } from '../../lib/api-client';
import { useLoad } from '../../lib/use-load';
import type { KpiCell, KpiGroupBy, KpiId, KpiPeriod, KpiResponse, KpiUnit } from '../../../shared/kpi';
import type { KpiAssessment } from '../../../shared/kpi-direction';
import { apiParams, type DashboardState } from './dashboard-state';

/** The shapes of the monitoring endpoints the UI reads besides KpiResponse (src/shared/kpi.ts). */

export interface KpiPeriods {
  /** The data's first and last day; null while the region has no trajectories. */
  first: string | null;
  last: string | null;
  /** The last complete (not provisional) quarter with data. */
  defaultPeriod: string;
  /** Months after a period's end during which it is provisional (the region's setting). */
  provisionalLagMonths: number;
  /** A month, quarter or year that ends after this day is provisional (voorlopig). */
  completeThrough: string;
}

export type ScopeType = 'region' | 'municipality' | 'provider';
export type Comparator = 'atMost' | 'atLeast';

export interface KpiSignal {
  kpi: KpiId;
  kpiName: string;
  unit: KpiUnit;
  /** budgetLine: a budget line in the region (key ZIN) or in a municipality (key ZIN:0321) over its budget. */
  scopeType: ScopeType | 'budgetLine';
  key: string;
  label: string;
  value: number;
  target: { value: number; comparator: Comparator };
  /** The query string for /trajecten that lists the trajectories behind the figure. */
  trajectoriesQuery: string;
}

export interface KpiTarget {
  id: string;
  kpi: KpiId;
  scopeType: ScopeType;
  /** A municipality's CBS code or a provider's AGB code; null for the region or for every municipality/provider. */
  scopeKey: string | null;
  comparator: Comparator;
  value: number | null;
  baselineYear: number | null;
  changePercent: number | null;
  targetYear: number | null;
  note: string | null;
}

export type KpiTargetInput = Omit<KpiTarget, 'id'>;

let periodsCache: Promise<KpiPeriods> | null = null;

/** The data's range; read once per page load, since it only changes with an import. */
export function usePeriods() {
  return useLoad(() => {
    if (!periodsCache) {
      periodsCache = api<KpiPeriods>('/kpis/periods');
      periodsCache.catch(() => {
        periodsCache = null;
      });
    }
    return periodsCache;
  }, []);
}

/** The figures of one or all KPIs for the dashboard's state; waits for a period, so the first answer is the right one. */
export function useKpis(state: DashboardState, groupBy: KpiGroupBy, kpi?: KpiId) {
  const query = toQuery({ kpi, ...apiParams(state, groupBy) });
  return useLoad((signal) => api<KpiResponse>(`/kpis${query}`, { signal }), [query]);
}

/** The address of a CSV or XLSX download of the same (suppressed) figures. */
export function exportHref(state: DashboardState, groupBy: KpiGroupBy, format: 'csv' | 'xlsx', kpi?: KpiId): string {
  return `/api/v1/kpis/export${toQuery({ format, kpi, ...apiParams(state, groupBy) })}`;
}

/** The quarterly report (PDF) for a quarter, for one provider when given. */
export function reportHref(quarter: string, provider?: string): string {
  return `/api/v1/reports/quarterly${toQuery({ quarter, provider })}`;
}

/** One KPI over the last quarters or months, with its targets and reference lines (GET /kpis/series). */
export interface KpiSeries {
  facts: KpiResponse['facts'];
  kpi: KpiResponse['data'][number]['kpi'];
  kind: 'quarter' | 'month';
  suppressionThreshold: number;
  rounding: KpiResponse['rounding'];
  points: Array<{
    period: KpiPeriod;
    total: KpiCell;
    target: { value: number; comparator: Comparator } | null;
    assessment: KpiAssessment | null;
  }>;
  references: Array<{ key: string; label: string; value: number; comparator: 'atMost' }>;
}

/** What a series asks: the KPI, quarters or months, the last one (empty: the latest data) and the dashboard's filters. */
export interface SeriesAsk {
  kpi: KpiId;
  kind: 'quarter' | 'month';
  until?: string;
}
const seriesQuery = (state: DashboardState, ask: SeriesAsk, extra: Record<string, string> = {}) =>
  toQuery({
    ...extra,
    ...ask,
    municipality: state.municipality || undefined,
    provider: state.provider || undefined,
    productCategory: state.productCategory || undefined,
    lot: state.lot || undefined,
  });

/** The series of one KPI in the dashboard's scope (its filters). */
export function useKpiSeries(state: DashboardState, ask: SeriesAsk) {
  const query = seriesQuery(state, ask);
  return useLoad((signal) => api<KpiSeries>(`/kpis/series${query}`, { signal }), [query]);
}

/** The address of the series as CSV or XLSX. */
export function seriesExportHref(state: DashboardState, ask: SeriesAsk, format: 'csv' | 'xlsx'): string {
  return `/api/v1/kpis/series/export${seriesQuery(state, ask, { format })}`;
}
