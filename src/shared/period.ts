/**
 * Periods as the API, the CLI and the UI name them: a year (2025), a quarter (2025Q3), a month (2025-07) or an
 * interval of days (2025-01-01/2025-06-30). One parser for server and browser, so both accept and reject alike.
 * Dates are ISO strings computed in UTC, so no daylight-saving surprises.
 */
import { limits } from './domain.js';

/** Period notations the API, CLI and UI accept. */
export const periodPattern =
  /^(\d{4})$|^(\d{4})Q([1-4])$|^(\d{4})-(0[1-9]|1[0-2])$|^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

/** What a wrong period gets told, in the user's terms. */
export const periodReason =
  'gebruik een jaar (2025), kwartaal (2025Q3), maand (2025-07) of van/tot (2025-01-01/2025-06-30)';

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface ParsedPeriod {
  kind: PeriodKind | 'interval';
  year: number;
  /** 1–4 for a quarter, 1–12 for a month, 0 otherwise. */
  part: number;
  /** First and last day, inclusive (ISO dates). */
  from: string;
  to: string;
  /** As written: 2025, 2025Q3, 2025-07 or 2025-01-01/2025-06-30. */
  label: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const pad = (n: number) => String(n).padStart(2, '0');
const lastOfMonth = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 0)));

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = day(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb), as people count months. */
export function addMonths(date: string, months: number): string {
  const d = day(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(target);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((day(to).getTime() - day(from).getTime()) / 86_400_000);
}

/** Reads a period; null for anything else, including days that do not exist and an interval that ends before it starts. */
export function parsePeriod(text: string): ParsedPeriod | null {
  const label = text.trim();
  const m = periodPattern.exec(label);
  if (!m) return null;
  const years = [m[1], m[2], m[4], m[6], m[7]].filter(Boolean).map((s) => Number(s!.slice(0, 4)));
  if (years.some((y) => y < limits.yearMin || y > limits.yearMax)) return null;
  if (m[1]) return { kind: 'year', year: Number(m[1]), part: 0, from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label };
  if (m[2]) {
    const [year, q] = [Number(m[2]), Number(m[3])];
    return {
      kind: 'quarter',
      year,
      part: q,
      from: `${year}-${pad(q * 3 - 2)}-01`,
      to: lastOfMonth(year, q * 3),
      label,
    };
  }
  if (m[4]) {
    const [year, month] = [Number(m[4]), Number(m[5])];
    return { kind: 'month', year, part: month, from: `${label}-01`, to: lastOfMonth(year, month), label };
  }
  const [from, to] = [m[6]!, m[7]!];
  if (iso(day(from)) !== from || iso(day(to)) !== to || to < from) return null;
  return { kind: 'interval', year: Number(from.slice(0, 4)), part: 0, from, to, label };
}

/** The period of the same kind just before: the previous year, quarter or month; an interval shifts by its own length. */
export function previousPeriod(period: ParsedPeriod): ParsedPeriod {
  switch (period.kind) {
    case 'year':
      return parsePeriod(String(period.year - 1))!;
    case 'quarter':
      return parsePeriod(period.part === 1 ? `${period.year - 1}Q4` : `${period.year}Q${period.part - 1}`)!;
    case 'month':
      return parsePeriod(addMonths(period.from, -1).slice(0, 7))!;
    default: {
      const length = daysBetween(period.from, period.to) + 1;
      const to = addDays(period.from, -1);
      return parsePeriod(`${addDays(to, -(length - 1))}/${to}`)!;
    }
  }
}

/** Every period of a kind that overlaps [first, last], newest first. */
export function listPeriods(kind: PeriodKind, first: string, last: string): string[] {
  const result: string[] = [];
  for (let year = Number(last.slice(0, 4)); year >= Number(first.slice(0, 4)); year--) {
    if (kind === 'year') {
      result.push(String(year));
      continue;
    }
    const parts = kind === 'quarter' ? [4, 3, 2, 1] : [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    for (const part of parts) {
      const period = parsePeriod(kind === 'quarter' ? `${year}Q${part}` : `${year}-${pad(part)}`)!;
      if (period.to >= first && period.from <= last) result.push(period.label);
    }
  }
  return result;
}

/** The quarter a period ends in (2025-07 → 2025Q3). */
export function quarterOf(period: ParsedPeriod): string {
  return `${period.to.slice(0, 4)}Q${Math.ceil(Number(period.to.slice(5, 7)) / 3)}`;
}

/** Swedish writes dates as ISO does. One formatter: `toLocaleDateString` builds a new one on each call (about 0.3 ms). */
const amsterdamDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** The calendar day in the Netherlands (Europe/Amsterdam) at `now`, as an ISO date. */
export function dutchToday(now: Date = new Date()): string {
  return amsterdamDay.format(now);
}
