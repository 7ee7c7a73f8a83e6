import { useEffect, useMemo, useRef } from 'react';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/**
 * A chart drawn by ECharts as SVG in a container that follows its size. It is labelled for screen readers as one
 * picture (role="img" with `description`): the table beside every chart holds its figures, so nothing is in the chart
 * alone. `build` makes the option, with animation unless the reader asked for reduced motion; it runs again when
 * `inputs` change. The chart type itself is registered by the caller (`use([BarChart])`).
 */
export function EChartsFigure({
  build,
  inputs,
  description,
  height,
}: {
  build: (animation: boolean) => Record<string, unknown>;
  inputs: readonly unknown[];
  description: string;
  height: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The option follows the caller's inputs, not the identity of `build` (a new function on each render).
  const option = useMemo(
    () => build(!(window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false)),
    inputs,
  );

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
    chart.current?.setOption(option, { notMerge: true });
    chart.current?.resize();
    // ECharts' aria label goes on the container; role="img" makes screen readers read it as one picture.
    container.current?.setAttribute('aria-label', description);
  }, [option, description]);

  return (
    <div ref={container} className="kpi-chart" role="img" aria-label={description} style={{ blockSize: height }} />
  );
}
