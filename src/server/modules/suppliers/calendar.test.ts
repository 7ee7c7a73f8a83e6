import { describe, expect, it } from 'vitest';
import { calendarEvents, ceilingFigures, horizonEnd, type CalendarContract } from './calendar.js';

const today = '2026-12-07';

function contract(id: string, end: string, extensions: Array<Partial<CalendarContract['extensions'][number]>> = []) {
  return {
    id,
    startDate: '2023-08-01',
    effectiveEndDate: end,
    extensions: extensions.map((e, i) => ({
      id: `${id}-${i}`,
      newEndDate: '2030-07-31',
      status: 'option' as const,
      decideBy: null,
      ...e,
    })),
  } satisfies CalendarContract;
}

const summary = (events: ReturnType<typeof calendarEvents>) =>
  events.map((e) => [e.contractId, e.kind, e.date, e.signal, e.overdue]);

describe('the contract calendar horizon', () => {
  it('runs to the same day after the chosen number of months, that day included', () => {
    expect(horizonEnd(today, 12)).toBe('2027-12-07');
    const events = calendarEvents([contract('in', '2027-12-07'), contract('out', '2027-12-08')], today, 12);
    expect(summary(events)).toEqual([['in', 'end', '2027-12-07', false, false]]);
  });

  it('lists an option by its decide-by day, a signal within three months, and leaves later decisions out', () => {
    const events = calendarEvents(
      [
        contract('soon', '2028-07-31', [{ decideBy: '2027-02-01' }]),
        contract('later', '2028-07-31', [{ decideBy: '2027-09-30' }]),
        contract('beyond', '2028-07-31', [{ decideBy: '2028-01-31' }]),
      ],
      today,
      12,
    );
    expect(summary(events)).toEqual([
      ['soon', 'decision', '2027-02-01', true, false],
      ['later', 'decision', '2027-09-30', false, false],
    ]);
    // A shorter horizon leaves the later one out too.
    expect(summary(calendarEvents([contract('later', '2028-07-31', [{ decideBy: '2027-09-30' }])], today, 6))).toEqual(
      [],
    );
  });

  it('takes the current end as the due day of an option without one, and keeps an overdue decision as a signal', () => {
    const events = calendarEvents(
      [contract('noDay', '2027-05-31', [{}]), contract('late', '2027-07-31', [{ decideBy: '2026-11-01' }])],
      today,
      12,
    );
    expect(summary(events)).toEqual([
      ['late', 'decision', '2026-11-01', true, true],
      ['noDay', 'decision', '2027-05-31', false, false],
      ['noDay', 'end', '2027-05-31', false, false],
      ['late', 'end', '2027-07-31', false, false],
    ]);
  });

  it('asks nothing of decided or declined extensions, nor of a contract that has ended', () => {
    const events = calendarEvents(
      [
        contract('decided', '2030-07-31', [{ status: 'decided', decideBy: '2027-01-01' }]),
        contract('declined', '2028-07-31', [{ status: 'declined', decideBy: '2027-01-01' }]),
        contract('ended', '2026-07-31', [{ decideBy: '2026-12-31' }]),
      ],
      today,
      12,
    );
    expect(events).toEqual([]);
  });
});

describe('spend against the ceiling', () => {
  const run = { startDate: '2023-08-01', endDate: '2028-07-31' };

  it('adds the mean of the last three declared months for each month left in the year', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((m, i) => ({
      month: `2026-${m}-01`,
      euros: i < 6 ? 1000 : 2000,
    }));
    const figures = ceilingFigures(months, { ...run, year: 2026, knownThrough: '2026-09-01', ceiling: 20_000 });
    expect(figures).toMatchObject({ spent: 12_000, forecast: 18_000, over: false });
    const tight = ceilingFigures(months, { ...run, year: 2026, knownThrough: '2026-09-01', ceiling: 17_999 });
    expect(tight.over).toBe(true);
  });

  it('projects no months after the contract ends, and no forecast without a ceiling is over', () => {
    const months = [{ month: '2026-09-01', euros: 3000 }];
    const ending = ceilingFigures(months, {
      startDate: '2023-08-01',
      endDate: '2026-10-31',
      year: 2026,
      knownThrough: '2026-09-01',
      ceiling: null,
    });
    expect(ending).toMatchObject({ spent: 3000, forecast: 4000, over: false });
  });
});
