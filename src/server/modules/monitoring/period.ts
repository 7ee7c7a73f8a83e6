import type { KpiPeriod } from '../../../shared/kpi.js';
import * as shared from '../../../shared/period.js';
import { publishedPeriodReason, type KpiDisclosure } from '../../../shared/kpi-disclosure.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { limits } from '../../../shared/domain.js';

export { addDays, addMonths, daysBetween } from '../../../shared/period.js';
export { dutchToday } from '../../../shared/period.js';

const asKpiPeriod = ({ from, to, label }: shared.ParsedPeriod): KpiPeriod => ({ from, to, label });

/** Reads a period at the edge (API, CLI); anything else is a 400 with a Dutch message on `period`. */
export function parsePeriod(label: string): KpiPeriod {
  const period = shared.parsePeriod(label);
  if (!period)
    throw new AppError(ErrorCode.Validation, 'Ongeldige periode', [
      { name: 'period', code: 'invalid', reason: shared.periodReason },
    ]);
  return asKpiPeriod(period);
}

/**
 * A period as it may be published to a role: without client-level access only a calendar month, quarter or year, so
 * two answers never differ by a few days (2025-06-01/2025-06-30 minus 2025-06-01/2025-06-29 was one day's inflow).
 */
export function parsePeriodFor(label: string, disclosure: KpiDisclosure): KpiPeriod {
  const period = parsePeriod(label);
  if (disclosure === 'published' && shared.parsePeriod(label)?.kind === 'interval')
    throw new AppError(ErrorCode.Validation, 'Deze periode wordt niet gepubliceerd', [
      { name: 'period', code: 'notPublished', reason: publishedPeriodReason },
    ]);
  return period;
}

/** The period of the same kind just before (see shared/period.ts). */
export function previousPeriod(period: KpiPeriod): KpiPeriod {
  return asKpiPeriod(shared.previousPeriod(shared.parsePeriod(period.label)!));
}

/**
 * The period marked as the region reads it on `today`: provisional (voorlopig) until `lagMonths` after its last day,
 * while declarations for it may still arrive (docs/kpi.md, "Provisional periods").
 */
export function markProvisional(period: KpiPeriod, lagMonths: number, today: string): KpiPeriod {
  const finalOn = shared.addMonths(shared.addDays(period.to, 1), lagMonths);
  return { ...period, provisional: today < finalOn, finalOn };
}

/**
 * The last quarter that is complete on `today` (not provisional) and ends on or before the data's last day: the
 * period a dashboard or report starts with.
 */
export function lastCompleteQuarter(lagMonths: number, today: string, last: string | null): string {
  const until = last && last < today ? last : today;
  let quarter = shared.parsePeriod(shared.quarterOf(shared.parsePeriod(until.slice(0, 7))!))!;
  // Bounded: a data date before the first year a period may name keeps the earliest quarter there is.
  for (let i = 0; i < 400 && quarter.year > limits.yearMin; i++) {
    if (!markProvisional(quarter, lagMonths, today).provisional && (last === null || quarter.to <= last)) break;
    quarter = shared.previousPeriod(quarter);
  }
  return quarter.label;
}
