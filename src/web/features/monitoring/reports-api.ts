import { kpiIds, type KpiId, type KpiUnit } from '../../../shared/kpi';
import { formatKpiValue } from '../../../shared/kpi-charts';

/** The region's commentary on a quarter (GET /report-comments/{quarter}). */
export interface ReportComment {
  subject: 'report' | KpiId;
  text: string;
  updatedAt: string;
  updatedByName: string;
}
export interface QuarterComments {
  quarter: string;
  report: ReportComment | null;
  kpis: ReportComment[];
}

export interface FigureChange {
  subject: string;
  unit: KpiUnit;
  issued: number | null;
  current: number | null;
}

/** A quarterly report as issued (GET /issued-reports). */
export interface IssuedReport {
  id: string;
  quarter: string;
  issuedAt: string;
  issuedByName: string;
  fileName: string;
  sha256: string;
  changes: FigureChange[] | null;
}

export const issuedPdfHref = (id: string) => `/api/v1/issued-reports/${id}/pdf`;

/** The quarters from the data's first day up to `last`, newest first (2025Q3, 2025Q2, …). */
export function quartersBetween(first: string | null, last: string): string[] {
  if (!first) return [];
  const toQuarter = (day: string) => `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
  const out: string[] = [];
  let [year, q] = [Number(last.slice(0, 4)), Number(last.slice(5, 7)) ? Math.ceil(Number(last.slice(5, 7)) / 3) : 1];
  const start = toQuarter(first);
  for (let i = 0; i < 60; i++) {
    const label = `${year}Q${q}`;
    out.push(label);
    if (label <= start) break;
    [year, q] = q === 1 ? [year - 1, 4] : [year, q - 1];
  }
  return out;
}

/** "€ 250.000 → € 350.000 (+€ 100.000)", in the figure's own unit. */
export function describeChange(change: FigureChange, locale: string): string {
  const f = (v: number | null) => formatKpiValue(v, change.unit, locale);
  if (change.issued === null || change.current === null) return `${f(change.issued)} → ${f(change.current)}`;
  const difference = change.current - change.issued;
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '';
  return `${f(change.issued)} → ${f(change.current)} (${sign}${f(Math.abs(difference))})`;
}

export const commentKpis: readonly KpiId[] = kpiIds;
