import { describe, expect, it } from 'vitest';
import { formatKpiAxis, formatKpiValue, whyNoValue } from './kpi-charts.js';

describe('why a figure reads "–"', () => {
  const q2 = { from: '2026-04-01' };

  it('says herhaald beroep is not measurable yet while the window after the period is not in the data', () => {
    expect(whyNoValue('repeat_care_12m', { value: null, suppressed: false }, q2, '2026-11-30')).toEqual({
      reason: 'follow-up-open',
      months: 12,
      measurableFrom: '2027-04-01',
    });
    expect(whyNoValue('repeat_care_6m', { value: null, suppressed: false }, q2, '2026-09-30')).toMatchObject({
      reason: 'follow-up-open',
      measurableFrom: '2026-10-01',
    });
  });

  it('says nothing was counted once the window is in the data, or for a KPI without one', () => {
    expect(whyNoValue('repeat_care_6m', { value: null, suppressed: false }, q2, '2026-10-01')).toEqual({
      reason: 'nothing-counted',
    });
    expect(whyNoValue('length_of_stay', { value: null, suppressed: false }, q2, '2026-11-30')).toEqual({
      reason: 'nothing-counted',
    });
  });

  it('gives no reason for a figure that has a value or is withheld (that reads "< 10")', () => {
    expect(whyNoValue('repeat_care_12m', { value: 4.3, suppressed: false }, q2, '2026-11-30')).toBeNull();
    expect(whyNoValue('repeat_care_12m', { value: null, suppressed: true }, q2, '2026-11-30')).toBeNull();
  });
});

describe('a ratio as a user reads it', () => {
  it('writes ambulant / verblijf as "n : 1", to one decimal', () => {
    expect(formatKpiValue(10.38, 'ratio')).toBe('10,4 : 1');
    expect(formatKpiValue(4, 'ratio')).toBe('4 : 1');
    expect(formatKpiValue(10.38, 'ratio', 'en-GB')).toBe('10.4 : 1');
    expect(formatKpiValue(null, 'ratio')).toBe('–');
  });

  it('keeps an axis tick short: the first term only', () => {
    expect(formatKpiAxis(8, 'ratio')).toBe('8');
    expect(formatKpiAxis(12.5, 'percent')).toBe('12,5 %');
  });
});
