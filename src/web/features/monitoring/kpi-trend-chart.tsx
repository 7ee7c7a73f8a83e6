import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { KpiUnit } from '../../../shared/kpi';
import { buildKpiTrendOption, type KpiTrendLabels, type KpiTrendPoint } from '../../../shared/kpi-trend-chart';

use([LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/**
 * A KPI's course over time, drawn by ECharts as SVG. Labelled for screen readers as one picture; the table below it
 * holds every figure, target and norm, so nothing is in the chart alone. Loaded on its own (React.lazy).
 */
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
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    chart.current?.setOption(buildKpiTrendOption(points, references, { unit, labels, locale, animation: !reduced }), {
      notMerge: true,
    });
    chart.current?.resize();
    container.current?.setAttribute('aria-label', labels.description);
  }, [points, references, unit, labels, locale]);

  return (
    <div ref={container} className="kpi-chart" role="img" aria-label={labels.description} style={{ blockSize: 320 }} />
  );
}
