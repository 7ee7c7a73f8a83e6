import { describe, expect, it } from 'vitest';
import { medianOf, type Histogram } from './counting.js';

/** percentile_cont(0.5) over the values themselves, as PostgreSQL defines it. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const [low, high] = [sorted[Math.floor(position)]!, sorted[Math.ceil(position)]!];
  return low + (high - low) * (position - Math.floor(position));
}

const histogramOf = (values: number[]): Histogram =>
  [...new Set(values)].map((value) => ({ value, counts: { n: values.filter((v) => v === value).length, other: 1 } }));

describe('medianOf', () => {
  it('finds the median of the values a histogram counts, odd and even, with repeats, in any order', () => {
    for (const values of [[5], [3, 9], [0, 0, 0, 14], [7, 1, 7, 7, 2, 30], [12, 4, 4, 8, 100, 3, 3], [1, 2, 3, 4]]) {
      expect(medianOf(histogramOf(values), 'n')).toBe(median(values));
    }
  });

  it('reads only the named count, and has no median without values', () => {
    expect(
      medianOf(
        [
          { value: 3, counts: { n: 0, other: 5 } },
          { value: 8, counts: { n: 2, other: 0 } },
        ],
        'n',
      ),
    ).toBe(8);
    expect(medianOf([{ value: 3, counts: { n: 0 } }], 'n')).toBeNull();
    expect(medianOf([], 'n')).toBeNull();
  });
});
