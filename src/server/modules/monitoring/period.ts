import type { KpiPeriod } from '../../../shared/kpi.js';
import * as shared from '../../../shared/period.js';
import { AppError, ErrorCode } from '../../http/errors.js';

export { addDays, addMonths, daysBetween } from '../../../shared/period.js';

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

/** The period of the same kind just before (see shared/period.ts). */
export function previousPeriod(period: KpiPeriod): KpiPeriod {
  return asKpiPeriod(shared.previousPeriod(shared.parsePeriod(period.label)!));
}
