import { periodPattern, type KpiPeriod } from '../../../shared/kpi.js';
import { AppError, ErrorCode } from '../../http/errors.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const lastOfMonth = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 0)));

/** Adds days to an ISO date (UTC, so no daylight-saving surprises). */
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

/** Reads 2025, 2025Q3, 2025-07 or 2025-01-01/2025-06-30; anything else is a 400 with a Dutch message on `period`. */
export function parsePeriod(label: string): KpiPeriod {
  const m = periodPattern.exec(label.trim());
  const invalid = () =>
    new AppError(ErrorCode.Validation, 'Ongeldige periode', [
      {
        name: 'period',
        code: 'invalid',
        reason: 'gebruik een jaar (2025), kwartaal (2025Q3), maand (2025-07) of van/tot (2025-01-01/2025-06-30)',
      },
    ]);
  if (!m) throw invalid();
  if (m[1]) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: m[1] };
  if (m[2]) {
    const q = Number(m[3]);
    const year = Number(m[2]);
    return {
      from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`,
      to: lastOfMonth(year, q * 3),
      label: `${year}Q${q}`,
    };
  }
  if (m[4])
    return { from: `${m[4]}-${m[5]}-01`, to: lastOfMonth(Number(m[4]), Number(m[5])), label: `${m[4]}-${m[5]}` };
  const [from, to] = [m[6]!, m[7]!];
  if (iso(day(from)) !== from || iso(day(to)) !== to || to < from) throw invalid();
  return { from, to, label: `${from}/${to}` };
}

/** The period of the same kind just before: the previous year, quarter or month; an interval shifts by its own length. */
export function previousPeriod(period: KpiPeriod): KpiPeriod {
  const m = periodPattern.exec(period.label)!;
  if (m[1]) return parsePeriod(String(Number(m[1]) - 1));
  if (m[2]) return parsePeriod(m[3] === '1' ? `${Number(m[2]) - 1}Q4` : `${m[2]}Q${Number(m[3]) - 1}`);
  if (m[4]) return parsePeriod(addMonths(period.from, -1).slice(0, 7));
  const length = daysBetween(period.from, period.to) + 1;
  const to = addDays(period.from, -1);
  const from = addDays(to, -(length - 1));
  return { from, to, label: `${from}/${to}` };
}
