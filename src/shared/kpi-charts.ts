import { followUpMonths, type KpiCell, type KpiId, type KpiResult, type KpiUnit } from './kpi.js';
import { addMonths } from './period.js';

/**
 * One chart description (an ECharts option) for a KPI result, used by the dashboard in the browser and by the
 * quarterly PDF on the server (ECharts renders it to SVG there), so both show the same picture. Suppressed cells
 * are drawn as gaps: the table beside each chart says "< 10" for them.
 */

/** Colours with at least 3:1 contrast against white, told apart by more than hue (the previous period is hatched grey). */
export const chartColours = { current: '#1f5e9e', previous: '#8a8a8a', target: '#b3261e' } as const;

export interface KpiChartLabels {
  current: string;
  previous: string;
  target: string;
  /** Accessible description of the chart; the table beside it holds the figures. */
  description: string;
}

export interface KpiChartOptions {
  labels: KpiChartLabels;
  locale?: string;
  /** Show at most this many rows (the largest first); the table keeps them all. */
  maxBars?: number;
  animation?: boolean;
}

/**
 * How a withheld cell reads: "< 10" where the figure counts youths, "< 10 jeugdigen" where it is an amount, a number of
 * days, a share or a ratio, which a bare "< 10" would misstate (not "under 10 days", but "fewer than 10 youths").
 */
export function withheldText(threshold: number, unit: KpiUnit, lang: 'nl' | 'en' = 'nl'): string {
  return unit === 'youths' ? `< ${threshold}` : `< ${threshold} ${lang === 'en' ? 'youths' : 'jeugdigen'}`;
}

/** Formats a KPI value for tiles, axis labels, tooltips, tables and the report; the one place each unit's reading is decided. */
export function formatKpiValue(value: number | null, unit: KpiUnit, locale = 'nl-NL'): string {
  if (value === null) return '–';
  switch (unit) {
    case 'euro':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
        value,
      );
    case 'percent':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} %`;
    case 'ratio':
      // As a ratio reads: "10,4 : 1", ten youths with ambulant care to one with stay.
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} : 1`;
    case 'days':
    case 'score':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'days' ? 0 : 2 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }
}

/** Why a figure that is not withheld has no value, so that a screen says so instead of a bare "–". */
export type KpiNoValue =
  { reason: 'follow-up-open'; months: number; measurableFrom: string } | { reason: 'nothing-counted' };

/**
 * For herhaald beroep: no ending in the period has had its whole follow-up window before the data date yet, so the
 * figure becomes measurable once the data reach `measurableFrom` (the period's first day plus the window). Otherwise
 * the period held nothing to count (no trajectory with stay ended, no start after a request). Null when there is a
 * value or the value is withheld (that reads "< 10").
 */
export function whyNoValue(
  kpiId: KpiId,
  figure: { value: number | null; suppressed: boolean },
  period: { from: string },
  dataDate: string | null,
): KpiNoValue | null {
  if (figure.value !== null || figure.suppressed) return null;
  const months = followUpMonths[kpiId];
  if (months) {
    const measurableFrom = addMonths(period.from, months);
    if (!dataDate || dataDate < measurableFrom) return { reason: 'follow-up-open', months, measurableFrom };
  }
  return { reason: 'nothing-counted' };
}

/** An axis tick: as formatKpiValue, but a ratio's axis shows the first term only (every tick would repeat ": 1"). */
export function formatKpiAxis(value: number, unit: KpiUnit, locale = 'nl-NL'): string {
  return unit === 'ratio'
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
    : formatKpiValue(value, unit, locale);
}

function chartRows(result: KpiResult, maxBars: number): KpiCell[] {
  const rows = result.rows.length > 1 ? result.rows : [result.total];
  return [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).slice(0, maxBars);
}

/** Builds a horizontal bar chart: the period against the previous one, per row, with the target as a line. */
export function buildKpiChartOption(result: KpiResult, options: KpiChartOptions): Record<string, unknown> {
  const { labels, locale = 'nl-NL', maxBars = 12, animation = true } = options;
  const rows = chartRows(result, maxBars).reverse();
  const unit = result.kpi.unit;
  const format = (v: number | null) => formatKpiValue(v, unit, locale);
  const targets = [...new Set(rows.map((r) => r.target?.value).filter((v): v is number => typeof v === 'number'))];
  const current: Record<string, unknown> = {
    name: labels.current,
    type: 'bar',
    data: rows.map((r) => r.value),
    itemStyle: { color: chartColours.current },
    label: {
      show: true,
      position: 'right',
      formatter: (p: { value: number | null }) => format(p.value),
      color: '#1a1a1a',
    },
  };
  if (targets.length === 1) {
    current.markLine = {
      symbol: 'none',
      silent: true,
      lineStyle: { color: chartColours.target, type: 'dashed', width: 2 },
      label: { formatter: `${labels.target}: ${format(targets[0]!)}`, color: chartColours.target },
      data: [{ xAxis: targets[0] }],
    };
  }
  return {
    animation,
    aria: { enabled: true, label: { description: labels.description } },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 72, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: [labels.current, labels.previous] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => format(v) },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatKpiAxis(v, unit, locale) },
      splitLine: { lineStyle: { color: '#e0e0e0' } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { width: 180, overflow: 'truncate', color: '#1a1a1a' },
    },
    series: [
      {
        name: labels.previous,
        type: 'bar',
        data: rows.map((r) => r.previous),
        itemStyle: {
          color: chartColours.previous,
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8 },
        },
      },
      current,
    ],
  };
}

/** A sensible chart height for the number of bars. */
export function kpiChartHeight(result: KpiResult, maxBars = 12): number {
  const bars = Math.min(maxBars, Math.max(1, result.rows.length));
  return 80 + bars * 44;
}
