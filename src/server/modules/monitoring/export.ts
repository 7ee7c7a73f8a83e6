import { withheldText } from '../../../shared/kpi-charts.js';
import { csvOf, xlsxOf } from '../../http/spreadsheet.js';
import { kpiGroupLabels, type KpiCell, type KpiResponse, type KpiUnit } from '../../../shared/kpi.js';

/**
 * The columns every export has; suppressed cells read "< n" (a count of youths) or "< n jeugdigen" (any other figure)
 * so a reader sees why a number is missing.
 */
function table(response: KpiResponse): Array<Array<string | number | null>> {
  const n = response.suppressionThreshold;
  const youths = withheldText(n, 'youths');
  const header = [
    'KPI',
    kpiGroupLabels[response.groupBy],
    `Waarde ${response.period.label}`,
    `Waarde ${response.previousPeriod.label}`,
    'Teller',
    'Noemer',
    'Jeugdigen',
    'Budget',
    'Doel',
  ];
  const line = (kpi: string, unit: KpiUnit, cell: KpiCell) =>
    cell.suppressed
      ? [
          kpi,
          cell.label,
          withheldText(n, unit),
          cell.previous ?? withheldText(n, unit),
          withheldText(n, unit),
          withheldText(n, unit),
          youths,
          cell.budget === undefined ? null : withheldText(n, 'euro'),
          null,
        ]
      : [
          kpi,
          cell.label,
          cell.value,
          cell.previous,
          cell.numerator,
          cell.denominator,
          cell.youths,
          cell.budget ?? null,
          cell.target ? `${cell.target.comparator === 'atMost' ? '≤' : '≥'} ${cell.target.value}` : null,
        ];
  const rows = response.data
    .filter((r) => r.available)
    .flatMap((r) => [...r.rows.map((c) => line(r.kpi.name, r.kpi.unit, c)), line(r.kpi.name, r.kpi.unit, r.total)]);
  return [header, ...rows];
}

/** The KPI figures as CSV (semicolons, decimal commas, a BOM). */
export function toCsv(response: KpiResponse): string {
  return csvOf(table(response));
}

export async function toXlsx(response: KpiResponse): Promise<Buffer> {
  const notes = [`Cellen met minder dan ${response.suppressionThreshold} jeugdigen zijn weggelaten (docs/kpi.md).`];
  if (response.rounding)
    notes.push(
      `Aantallen zijn afgerond op ${response.rounding.count}-tallen en bedragen op ${response.rounding.euro} euro, elk apart (ook het totaal).`,
    );
  return xlsxOf(table(response), { sheet: `KPI ${response.period.label}`, notes, widths: [36, 36] });
}
