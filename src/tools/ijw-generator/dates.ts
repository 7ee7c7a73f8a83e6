/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC): cheap to compare, add and sort, and free of
 * time-zone surprises. A month is numbered year * 12 + (month - 1).
 */
/** Days since 1970-01-01 of a civil date (Hinnant's days_from_civil; no Date objects, so it is fast). */
export function toDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** [year, month (1-12), day] of a day number (Hinnant's civil_from_days). */
export function civil(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function parseDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return toDay(y ?? 1970, m ?? 1, d ?? 1);
}

const formatted = new Map<number, string>();

/** YYYY-MM-DD, cached because the same few thousand days are formatted millions of times. */
export function formatDay(day: number): string {
  let s = formatted.get(day);
  if (s === undefined) {
    const [y, m, d] = civil(day);
    s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    formatted.set(day, s);
  }
  return s;
}

export function yearOf(day: number): number {
  return civil(day)[0];
}

export function monthOf(day: number): number {
  const [y, m] = civil(day);
  return y * 12 + m - 1;
}

export function monthStart(month: number): number {
  return toDay(Math.floor(month / 12), (month % 12) + 1, 1);
}

export function monthEnd(month: number): number {
  return monthStart(month + 1) - 1;
}

export function endOfMonth(day: number): number {
  return monthEnd(monthOf(day));
}

/** 'YYYY-MM' of a month number. */
export function formatMonth(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The same day, or the next Monday when the day falls in a weekend (messages are sent on working days). */
export function workdayOnOrAfter(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** Adds n working days (Monday to Friday). */
export function addWorkdays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    const w = weekday(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

/** Number of ISO weeks (Monday to Sunday) that the period [from, to] touches. */
export function isoWeeksTouched(from: number, to: number): number {
  const mondayOf = (day: number): number => day - ((weekday(day) + 6) % 7);
  return Math.floor((mondayOf(to) - mondayOf(from)) / 7) + 1;
}

/** Age in whole years on a given day. */
export function ageOn(birthDay: number, day: number): number {
  const [by, bm, bd] = civil(birthDay);
  const [y, m, d] = civil(day);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
