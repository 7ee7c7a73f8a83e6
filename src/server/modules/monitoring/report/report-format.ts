import { formatKpiValue, withheldText } from '../../../../shared/kpi-charts.js';
import type { KpiCell, KpiPeriod, KpiResponse, KpiUnit } from '../../../../shared/kpi.js';

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const stamp = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** 1 juli – 30 september 2025 */
export function describePeriod(period: KpiPeriod): string {
  const [from, to] = [new Date(`${period.from}T00:00:00Z`), new Date(`${period.to}T00:00:00Z`)];
  const start =
    from.getUTCFullYear() === to.getUTCFullYear()
      ? longDate.format(from).replace(/ \d{4}$/, '')
      : longDate.format(from);
  return `${start} – ${longDate.format(to)}`;
}

/** "2025Q3" as the screens say it: "3e kwartaal 2025" (another label, a year or month, as it is). */
export function periodName(label: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(label);
  return quarter ? `${quarter[2]}e kwartaal ${quarter[1]}` : label;
}

/** "3e kw. 2025": the same, short enough for a chart's axis. */
export function shortPeriodName(label: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(label);
  return quarter ? `${quarter[2]}e kw. ${quarter[1]}` : label;
}

/** A period's name with " (voorlopig)" while its declarations cannot be complete yet. */
export const periodHeading = (period: KpiPeriod) =>
  period.provisional ? `${periodName(period.label)} (voorlopig)` : periodName(period.label);

/** What the report says about a provisional period (null for a complete one). */
export function provisionalText(period: KpiPeriod): string | null {
  if (!period.provisional) return null;
  const until = period.finalOn ? longDate.format(new Date(`${period.finalOn}T00:00:00Z`)) : 'enkele maanden';
  return `De cijfers over het ${periodName(period.label)} zijn voorlopig: declaraties over dit kwartaal kunnen nog binnenkomen tot ${until}. De cijfers kunnen nog stijgen; een verschil met het vorige kwartaal is nog geen echte daling of stijging.`;
}

/** 31 december 2025, from an ISO day */
export const describeDay = (day: string) => longDate.format(new Date(`${day}T00:00:00Z`));

/** 22 november 2026 om 14:05 (Nederlandse tijd) */
export function describeMoment(at: Date): string {
  return `${stamp.format(at)} uur`;
}

/** "< 10" is all a reader sees of a withheld cell ("< 10 jeugdigen" where the figure is not a count of youths). */
export const withheldMarks = (response: Pick<KpiResponse, 'suppressionThreshold'>) =>
  `"< ${response.suppressionThreshold}" (bij bedragen, dagen, aandelen en verhoudingen "< ${response.suppressionThreshold} jeugdigen")`;

/**
 * Defence in depth: a suppressed cell loses every number here as well, so even a cell that arrived with figures
 * (a bug upstream) cannot reach the paper, the chart or its table.
 */
export function withholdCell(cell: KpiCell): KpiCell {
  if (!cell.suppressed) return cell;
  return {
    ...cell,
    value: null,
    numerator: null,
    denominator: null,
    youths: null,
    budget: cell.budget === undefined ? undefined : null,
    target: null,
  };
}

export function withholdResponse(response: KpiResponse): KpiResponse {
  return {
    ...response,
    data: response.data.map((r) => ({ ...r, total: withholdCell(r.total), rows: r.rows.map(withholdCell) })),
  };
}

/** The current value of a cell as printed. */
export function valueText(cell: KpiCell, unit: KpiUnit, response: Pick<KpiResponse, 'suppressionThreshold'>): string {
  return cell.suppressed ? withheldText(response.suppressionThreshold, unit) : formatKpiValue(cell.value, unit);
}

/** The previous period's value: a dash when there is none or when it was withheld (the legend says so). */
export function previousText(cell: KpiCell, unit: KpiUnit): string {
  return formatKpiValue(cell.previous, unit);
}

export function targetText(
  target: { value: number; comparator: 'atMost' | 'atLeast' } | null | undefined,
  unit: KpiUnit,
): string {
  if (!target) return '';
  return `${target.comparator === 'atMost' ? 'hoogstens' : 'minstens'} ${formatKpiValue(target.value, unit)}`;
}

/** Whether the cell meets its target, in words (colour alone would not carry it). */
export function targetStatus(cell: KpiCell): string {
  if (!cell.target || cell.suppressed || cell.value === null) return '';
  return cell.target.met ? 'gehaald' : 'niet gehaald';
}
