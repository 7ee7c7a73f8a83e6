import { LineChart } from 'echarts/charts';
import { use } from 'echarts/core';
import type { KpiUnit } from '../../../shared/kpi';
import { buildKpiTrendOption, type KpiTrendLabels, type KpiTrendPoint } from '../../../shared/kpi-trend-chart';
import { EChartsFigure } from './echarts-figure';

use([LineChart]);

/** A KPI's course over time, with its target and norms. Loaded on its own (React.lazy). */
export default function KpiTrendChart({
  points,
  references,
  unit,
  labels,
  locale,
}: {
  points: KpiTrendPoint[];
  references: Array<{ label: string; value: number }>;
  unit: KpiUnit;
  labels: KpiTrendLabels;
  locale: string;
}) {
  return (
    <EChartsFigure
      build={(animation) => buildKpiTrendOption(points, references, { unit, labels, locale, animation })}
      inputs={[points, references, unit, labels, locale]}
      description={labels.description}
      height={320}
    />
  );
}
