import { describe, expect, it } from 'vitest';
import { lastCompleteQuarter, markProvisional, parsePeriod } from './period.js';

describe('a provisional period (voorlopig)', () => {
  it('stays provisional until the lag after its last day has passed', () => {
    // November 2026 seen on 7 December 2026: declarations arrive until 1 March 2027.
    expect(markProvisional(parsePeriod('2026-11'), 3, '2026-12-07')).toMatchObject({
      provisional: true,
      finalOn: '2027-03-01',
    });
    expect(markProvisional(parsePeriod('2026Q2'), 3, '2026-09-30').provisional).toBe(true);
    expect(markProvisional(parsePeriod('2026Q2'), 3, '2026-10-01').provisional).toBe(false);
    // A year is provisional as long as its last quarter is.
    expect(markProvisional(parsePeriod('2025'), 3, '2026-03-31').provisional).toBe(true);
    expect(markProvisional(parsePeriod('2025'), 3, '2026-04-01').provisional).toBe(false);
    // Without a lag only the running period is.
    expect(markProvisional(parsePeriod('2026-12'), 0, '2026-12-07').provisional).toBe(true);
    expect(markProvisional(parsePeriod('2026-11'), 0, '2026-12-07').provisional).toBe(false);
  });

  it('makes the last complete quarter with data the default period', () => {
    // Q3 2026 is complete from 1 January 2027; Q2 from 1 October 2026.
    expect(lastCompleteQuarter(3, '2026-12-07', '2026-12-05')).toBe('2026Q2');
    expect(lastCompleteQuarter(3, '2027-01-01', '2026-12-05')).toBe('2026Q3');
    // Data that stop earlier: the last quarter that ends on or before their last day.
    expect(lastCompleteQuarter(3, '2026-12-07', '2025-08-15')).toBe('2025Q2');
    expect(lastCompleteQuarter(3, '2026-12-07', '2025-09-30')).toBe('2025Q3');
    expect(lastCompleteQuarter(0, '2026-10-01', null)).toBe('2026Q3');
    expect(lastCompleteQuarter(12, '2026-12-07', null)).toBe('2025Q3');
  });
});
