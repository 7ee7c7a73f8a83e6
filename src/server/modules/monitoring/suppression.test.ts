import { describe, expect, it } from 'vitest';
import { publishedRounding } from '../../../shared/kpi-disclosure.js';
import { roundFigures } from './suppression.js';

/** The published form of one cell's figures (docs/kpi.md, "Rounding"), unit by unit. */
describe('roundFigures', () => {
  const r = publishedRounding;
  it('rounds a count of youths to fives', () => {
    expect(roundFigures('youths', { youths: 13, value: 13, numerator: null, denominator: null }, r)).toEqual({
      youths: 13,
      value: 15,
      numerator: null,
      denominator: null,
    });
    expect(roundFigures('youths', { youths: 12, value: 12, numerator: null, denominator: null }, r).value).toBe(10);
  });

  it('computes a share from the rounded counts, so it cannot give a small numerator back', () => {
    // 2 of 41 is 4.9 %: beside a denominator "40" that says 2. From the rounded counts it is 0 of 40.
    const share = roundFigures('percent', { youths: 41, value: 4.9, numerator: 2, denominator: 41 }, r);
    expect(share).toMatchObject({ numerator: 0, denominator: 40, value: 0 });
    expect(roundFigures('percent', { youths: 38, value: 23.7, numerator: 9, denominator: 38 }, r).value).toBe(25);
    expect(roundFigures('ratio', { youths: 12, value: 4.92, numerator: 59, denominator: 12 }, r).value).toBe(6);
  });

  it('rounds amounts to thousands of euros and withholds the sum of days behind a mean', () => {
    expect(roundFigures('euro', { youths: 12, value: 5231.4, numerator: null, denominator: null }, r).value).toBe(5000);
    expect(
      roundFigures('euro', { youths: 12, value: -1500, numerator: 98_765.43, denominator: null }, r),
    ).toMatchObject({ value: -2000, numerator: 99_000 });
    expect(roundFigures('days', { youths: 11, value: 84.3, numerator: 1012, denominator: 12 }, r)).toEqual({
      youths: 11,
      value: 84.3,
      numerator: null,
      denominator: 10,
    });
  });
});
