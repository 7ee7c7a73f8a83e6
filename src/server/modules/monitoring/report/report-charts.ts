import * as echarts from 'echarts';
import { buildKpiChartOption, formatKpiValue } from '../../../../shared/kpi-charts.js';
import type { KpiId, KpiResult, KpiUnit } from '../../../../shared/kpi.js';

/** The KPIs the report draws, in this order; the key-figures table holds all of them. */
export const reportChartKpis: readonly KpiId[] = ['youths_in_care', 'spend', 'dropout', 'request_wait_days'];

export interface ChartPicture {
  svg: string;
  width: number;
  height: number;
}

/** What the grey bars stand for: spend is compared with its budget where the cells have one (region report); otherwise with the previous quarter. */
export function chartComparison(result: KpiResult): 'previous' | 'budget' {
  const cells = result.rows.length ? result.rows : [result.total];
  return result.kpi.id === 'spend' && cells.some((c) => typeof c.budget === 'number') ? 'budget' : 'previous';
}

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** € 250.000, € 7,5 mln */
const shortEuro = (v: number) =>
  Math.abs(v) >= 1_000_000 ? `€ ${decimal.format(v / 1_000_000)} mln` : formatKpiValue(v, 'euro');

/**
 * Paper differs from the screen: the font is the PDF's, bars are thin, so a value label gets a white backing to stay
 * legible over a longer grey bar, and euro axes use short labels (€ 7 mln.) so six-figure ticks do not collide.
 */
function onPaper(option: Record<string, unknown>, unit: KpiUnit): Record<string, unknown> {
  const series = (option.series as Array<Record<string, unknown>>).map((s) => {
    const label = s.label as Record<string, unknown> | undefined;
    return label
      ? { ...s, label: { ...label, fontSize: 11, backgroundColor: '#ffffff', padding: [1, 3], borderRadius: 2 } }
      : s;
  });
  const xAxis = option.xAxis as Record<string, unknown>;
  const axisLabel = {
    ...(xAxis.axisLabel as Record<string, unknown>),
    hideOverlap: true,
    ...(unit === 'euro' ? { formatter: shortEuro } : {}),
  };
  return { ...option, textStyle: { fontFamily: 'Roboto' }, series, xAxis: { ...xAxis, splitNumber: 4, axisLabel } };
}

/**
 * Draws a KPI with the dashboard's own chart description (ECharts, rendered to SVG without a browser), so paper and
 * screen show the same picture. Suppressed cells arrive without numbers and stay gaps.
 */
export function renderKpiChart(
  result: KpiResult,
  labels: { current: string; previous: string; target: string },
  width: number,
): ChartPicture {
  const comparison = chartComparison(result);
  const shown: KpiResult =
    comparison === 'budget'
      ? {
          ...result,
          total: { ...result.total, previous: result.total.budget ?? null },
          rows: result.rows.map((r) => ({ ...r, previous: r.budget ?? null })),
        }
      : result;
  // Lower than the dashboard's bars (kpiChartHeight), so two KPIs of a region's five municipalities share a page.
  const height = 50 + Math.min(12, Math.max(1, shown.rows.length)) * 25;
  const option = buildKpiChartOption(shown, {
    labels: {
      ...labels,
      description: `${result.kpi.name}: ${labels.current} naast ${labels.previous}. De tabel eronder geeft de cijfers.`,
    },
    animation: false,
  });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(onPaper(option, result.kpi.unit));
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    // An undisposed SSR chart keeps a timer alive and the process would not exit.
    chart.dispose();
  }
}
