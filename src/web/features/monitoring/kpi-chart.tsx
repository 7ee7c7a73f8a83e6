import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { buildKpiChartOption, kpiChartHeight, type KpiChartLabels } from '../../../shared/kpi-charts';
import type { KpiResult } from '../../../shared/kpi';

use([BarChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/**
 * The bar chart of one KPI result, drawn by ECharts as SVG from the same option the quarterly PDF uses. The
 * figure is labelled for screen readers and the table beside it holds every number, so the chart adds nothing a
 * non-sighted user misses. Loaded on its own (React.lazy), so ECharts is fetched only when a KPI's page opens.
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
    chart.current?.setOption(buildKpiChartOption(result, { labels, locale, maxBars, animation: !reduced }), {
      notMerge: true,
    });
    chart.current?.resize();
    // ECharts' aria label goes on the container; role="img" makes screen readers read it as one picture.
    container.current?.setAttribute('aria-label', labels.description);
  }, [result, labels, locale, maxBars]);

  return (
    <div
      ref={container}
      className="kpi-chart"
      role="img"
      aria-label={labels.description}
      style={{ blockSize: kpiChartHeight(result, maxBars) }}
    />
  );
}
