import { describe, expect, it } from 'vitest';
import { addMonths, listPeriods, parsePeriod, previousPeriod, quarterOf } from './period.js';

describe('periods, as server and browser both read them', () => {
  it('reads a year, quarter, month and interval with their first and last day', () => {
    expect(parsePeriod('2024')).toMatchObject({ kind: 'year', from: '2024-01-01', to: '2024-12-31' });
    expect(parsePeriod('2024Q1')).toMatchObject({ kind: 'quarter', part: 1, from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod(' 2025-01-10/2025-02-09 ')).toMatchObject({ kind: 'interval', label: '2025-01-10/2025-02-09' });
  });

  it('refuses what is not a period: a fifth quarter, a 13th month, a day that does not exist, an end before the start', () => {
    for (const text of ['2025Q5', '2025-13', '2025-02-30/2025-03-01', '2025-03-01/2025-02-01', '25', ''])
      expect(parsePeriod(text), text).toBeNull();
  });

  it('steps back to the period of the same kind before, across year ends and by an interval’s own length', () => {
    const back = (text: string) => previousPeriod(parsePeriod(text)!).label;
    expect(back('2025')).toBe('2024');
    expect(back('2025Q1')).toBe('2024Q4');
    expect(back('2025-01')).toBe('2024-12');
    expect(back('2025-03-01/2025-03-10')).toBe('2025-02-19/2025-02-28');
  });

  it('counts months as people do and names the quarter a period ends in', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(quarterOf(parsePeriod('2025-08')!)).toBe('2025Q3');
    expect(listPeriods('quarter', '2024-11-15', '2025-04-01')).toEqual(['2025Q2', '2025Q1', '2024Q4']);
  });
});
