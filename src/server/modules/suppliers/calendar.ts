import type { ExtensionStatus } from '../../../shared/domain.js';
import { addMonths } from '../../../shared/period.js';

/**
 * The contract calendar's rules, without the database: which decisions and ends fall within a horizon, when a
 * decision is due soon, and a contract's spend this year against its ceiling. docs/decisions.md, "Contract calendar".
 */

/** A decision due within this many months (or overdue) is a signal. */
export const decisionSignalMonths = 3;
export const defaultHorizonMonths = 12;

export interface CalendarContract {
  id: string;
  startDate: string;
  /** The end with decided extensions only. */
  effectiveEndDate: string;
  extensions: ReadonlyArray<{ id: string; newEndDate: string; status: ExtensionStatus; decideBy: string | null }>;
}

export interface CalendarEvent {
  /** `decision`: an extension option to decide on; `end`: the contract ends (with its decided extensions). */
  kind: 'decision' | 'end';
  contractId: string;
  extensionId: string | null;
  /** The day the decision is due (decideBy, else the end before the option) or the contract ends. */
  date: string;
  /** For a decision: the end the option would give. */
  newEndDate: string | null;
  overdue: boolean;
  /** A decision due within three months (or overdue): a signal. */
  signal: boolean;
}

/** The last day of a horizon of `months` from `today`, that day included (12 months from 7 Dec is 7 Dec next year). */
export function horizonEnd(today: string, months: number): string {
  return addMonths(today, months);
}

/**
 * The decisions due and the ends within the horizon, soonest first. A decision is due by the option's decideBy, or
 * else by the contract's current end; an overdue decision of a contract still running stays listed until decided.
 * A contract that has ended is history: nothing to decide, nothing to end.
 */
export function calendarEvents(contracts: readonly CalendarContract[], today: string, months: number): CalendarEvent[] {
  const until = horizonEnd(today, months);
  const signalUntil = horizonEnd(today, decisionSignalMonths);
  const events: CalendarEvent[] = [];
  for (const c of contracts) {
    if (c.effectiveEndDate < today) continue;
    for (const e of c.extensions) {
      if (e.status !== 'option' || e.newEndDate <= c.effectiveEndDate) continue;
      const due = e.decideBy ?? c.effectiveEndDate;
      if (due > until) continue;
      events.push({
        kind: 'decision',
        contractId: c.id,
        extensionId: e.id,
        date: due,
        newEndDate: e.newEndDate,
        overdue: due < today,
        signal: due <= signalUntil,
      });
    }
    if (c.effectiveEndDate <= until)
      events.push({
        kind: 'end',
        contractId: c.id,
        extensionId: null,
        date: c.effectiveEndDate,
        newEndDate: null,
        overdue: false,
        signal: false,
      });
  }
  return events.sort(
    (a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.contractId.localeCompare(b.contractId),
  );
}

/**
 * The decisions that ask for one now: on an extension option, due within three months or overdue. The one rule the
 * contract calendar's warning and the start page's tile count by (whatever the contract's own end).
 */
export function decisionsDue<E extends CalendarEvent>(events: readonly E[]): E[] {
  return events.filter((e) => e.kind === 'decision' && e.signal);
}

export interface CeilingFigures {
  year: number;
  ceiling: number | null;
  /** Declared in the year for prestaties up to the last month with declarations. */
  spent: number;
  /** Spent plus the run rate (the mean of the last three declared months) for the months the contract still runs. */
  forecast: number;
  /** The last month with declarations in the region (its first day), or null when none this year. */
  knownThrough: string | null;
  /** The forecast exceeds the ceiling. */
  over: boolean;
}

/**
 * A contract's money in `year` against its ceiling (a ceiling is per calendar year). `months` are the contract's
 * declared euros per month (first day) of that year; `knownThrough` the region's last declared month. The forecast
 * adds the mean of the three months up to knownThrough for each later month of the year in which the contract runs.
 */
export function ceilingFigures(
  months: ReadonlyArray<{ month: string; euros: number }>,
  options: { year: number; knownThrough: string | null; ceiling: number | null; startDate: string; endDate: string },
): CeilingFigures {
  const { year, knownThrough, ceiling } = options;
  const inYear = months.filter((m) => m.month.startsWith(`${year}-`) && (!knownThrough || m.month <= knownThrough));
  const spent = round(inYear.reduce((n, m) => n + m.euros, 0));
  let forecast = spent;
  if (knownThrough && knownThrough.startsWith(`${year}-`)) {
    const window = [0, 1, 2].map((i) => addMonths(knownThrough, -i));
    const rate = window.reduce((n, w) => n + (months.find((m) => m.month === w)?.euros ?? 0), 0) / 3;
    for (let m = addMonths(knownThrough, 1); m.startsWith(`${year}-`); m = addMonths(m, 1)) {
      const monthEnd = addMonths(m, 1);
      if (m <= options.endDate && monthEnd > options.startDate) forecast += rate;
    }
  }
  forecast = round(forecast);
  return { year, ceiling, spent, forecast, knownThrough, over: ceiling !== null && forecast > ceiling };
}

const round = (n: number) => Math.round(n * 100) / 100;
