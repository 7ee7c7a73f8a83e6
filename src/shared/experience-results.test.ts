import { describe, expect, it } from 'vitest';
import { formatExperienceFigure } from './experience-results.js';
import { formatKpiValue } from './kpi-charts.js';

describe('formatExperienceFigure: the Ervaringwijzer figures as the rest of the app writes them', () => {
  it('writes a mark with one decimal always, so 7 and 7,1 line up', () => {
    expect(formatExperienceFigure(7, 'score')).toBe('7,0');
    expect(formatExperienceFigure(7.1, 'score')).toBe('7,1');
    expect(formatExperienceFigure(6.25, 'score')).toBe('6,3');
    expect(formatExperienceFigure(4, 'score', false, 'en-GB')).toBe('4.0');
  });

  it('writes a share as the dashboard does, with a space before the percent sign', () => {
    expect(formatExperienceFigure(50, 'percent')).toBe('50 %');
    expect(formatExperienceFigure(50, 'percent')).toBe(formatKpiValue(50, 'percent'));
    expect(formatExperienceFigure(100, 'percent')).toBe('100 %');
  });

  it('writes a count with a thousands separator and no decimals', () => {
    expect(formatExperienceFigure(1234, 'count')).toBe('1.234');
    expect(formatExperienceFigure(12, 'count')).toBe('12');
  });

  it('writes a withheld figure as "<10" whatever its value, and a missing one as a dash', () => {
    expect(formatExperienceFigure(null, 'percent', true)).toBe('<10');
    expect(formatExperienceFigure(7, 'score', true)).toBe('<10');
    expect(formatExperienceFigure(null, 'score')).toBe('–');
  });
});
