import { chartColours, formatKpiAxis, formatKpiValue } from './kpi-charts.js';
import type { KpiUnit } from './kpi.js';

/**
 * The line chart of one KPI over time (an ECharts option), for the dashboard and, later, the quarterly PDF: the final
 * periods as a solid line, the provisional ones dashed and hollow, the region's target as a stepped red line and
 * reference norms (the Treeknorm) as labelled horizontal lines. Withheld points are gaps; the table beside the chart
 * holds every figure and says why.
 */
export interface KpiTrendPoint {
  label: string;
  value: number | null;
  provisional: boolean;
  target: number | null;
}

export interface KpiTrendLabels {
  value: string;
  provisional: string;
  target: string;
  description: string;
}

export const referenceColour = '#6b4e00';

export function buildKpiTrendOption(
  points: KpiTrendPoint[],
  references: Array<{ label: string; value: number }>,
  options: { unit: KpiUnit; labels: KpiTrendLabels; locale?: string; animation?: boolean },
): Record<string, unknown> {
  const { unit, labels, locale = 'nl-NL', animation = true } = options;
  const format = (v: number | null) => formatKpiValue(v, unit, locale);
  const firstProvisional = points.findIndex((p) => p.provisional);
  // The provisional line starts at the last final point, so the two lines join.
  const joinAt = firstProvisional > 0 ? firstProvisional - 1 : firstProvisional;
  const final = points.map((p) => (p.provisional ? null : p.value));
  // The join is a final period: its point stays the final line's filled one, not a hollow one drawn over it.
  const provisional = points.map((p, i) =>
    firstProvisional < 0 || i < joinAt ? null : i < firstProvisional ? { value: p.value, symbol: 'none' } : p.value,
  );
  const hasTarget = points.some((p) => p.target !== null);
  const series: Array<Record<string, unknown>> = [
    {
      name: labels.value,
      type: 'line',
      data: final,
      connectNulls: false,
      // Filled: ECharts' default is a hollow circle, which the page says marks a provisional period.
      symbol: 'circle',
      symbolSize: 8,
      itemStyle: { color: chartColours.current },
      lineStyle: { width: 3 },
      markLine: references.length
        ? {
            symbol: 'none',
            silent: true,
            lineStyle: { color: referenceColour, type: 'dotted', width: 2 },
            label: { position: 'insideEndTop', color: referenceColour, formatter: (p: { name: string }) => p.name },
            data: references.map((r) => ({ name: r.label, yAxis: r.value })),
          }
        : undefined,
    },
  ];
  if (firstProvisional >= 0)
    series.push({
      name: labels.provisional,
      type: 'line',
      data: provisional,
      symbol: 'emptyCircle',
      symbolSize: 8,
      itemStyle: { color: chartColours.current },
      lineStyle: { width: 2, type: 'dashed' },
    });
  if (hasTarget)
    series.push({
      name: labels.target,
      type: 'line',
      step: 'middle',
      data: points.map((p) => p.target),
      symbol: 'none',
      itemStyle: { color: chartColours.target },
      lineStyle: { width: 2, type: 'dashed', color: chartColours.target },
    });
  const values = [...points.flatMap((p) => [p.value, p.target]), ...references.map((r) => r.value)].filter(
    (v): v is number => v !== null,
  );
  return {
    animation,
    aria: { enabled: true, label: { description: labels.description } },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: series.map((s) => s.name as string) },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => format(v) },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: '#1a1a1a', hideOverlap: true } },
    yAxis: {
      type: 'value',
      min: 0,
      max: values.length ? (v: { max: number }) => Math.max(v.max, ...values) * 1.1 : undefined,
      axisLabel: { formatter: (v: number) => formatKpiAxis(v, unit, locale) },
      splitLine: { lineStyle: { color: '#e0e0e0' } },
    },
    series,
  };
}
