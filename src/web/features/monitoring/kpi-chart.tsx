import { BarChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { buildKpiChartOption, kpiChartHeight, type KpiChartLabels } from '../../../shared/kpi-charts';
import type { KpiResult } from '../../../shared/kpi';
import { EChartsFigure } from './echarts-figure';

use([BarChart]);

/**
 * The bar chart of one KPI result, from the same option the quarterly PDF uses. Loaded on its own (React.lazy), so
 * ECharts is fetched only when a KPI's page opens.
 */
export default function KpiChart({
  result,
  labels,
  locale,
  maxBars = 12,
}: {
  result: KpiResult;
  labels: KpiChartLabels;
  locale: string;
  maxBars?: number;
}) {
  return (
    <EChartsFigure
      build={(animation) => buildKpiChartOption(result, { labels, locale, maxBars, animation })}
      inputs={[result, labels, locale, maxBars]}
      description={labels.description}
      height={kpiChartHeight(result, maxBars)}
    />
  );
}
