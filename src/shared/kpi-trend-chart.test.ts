import { describe, expect, it } from 'vitest';
import { buildKpiTrendOption } from './kpi-trend-chart.js';

describe('the trend chart of a KPI', () => {
  it('draws final periods with filled points and provisional ones hollow, as the page explains', () => {
    const points = [
      { label: '2026Q1', value: 60, provisional: false, target: null },
      { label: '2026Q2', value: 63, provisional: false, target: null },
      { label: '2026Q3', value: 65, provisional: true, target: null },
    ];
    const labels = { value: 'Jeugdigen', provisional: 'Voorlopig', target: 'Doel', description: '' };
    const option = buildKpiTrendOption(points, [], { unit: 'youths', labels, animation: false });
    const series = option.series as Array<{ name: string; symbol?: string; data: unknown[] }>;
    expect(series.map((s) => [s.name, s.symbol])).toEqual([
      ['Jeugdigen', 'circle'],
      ['Voorlopig', 'emptyCircle'],
    ]);
    // The dashed line starts at the last final period without drawing a hollow point over its filled one.
    expect(series[1]!.data).toEqual([null, { value: 63, symbol: 'none' }, 65]);
  });
});
