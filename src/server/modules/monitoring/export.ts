import { withheldText } from '../../../shared/kpi-charts.js';
import type { SpreadsheetTable } from '../../http/spreadsheet.js';
import { kpiGroupLabels, type KpiCell, type KpiPeriod, type KpiResponse, type KpiUnit } from '../../../shared/kpi.js';
import { assessmentWords } from '../../../shared/kpi-direction.js';
import type { KpiSeries } from './series.service.js';

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
    `Waarde ${response.period.label}${provisionalMark(response.period)}`,
    `Waarde ${response.previousPeriod.label}${provisionalMark(response.previousPeriod)}`,
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

/** " (voorlopig)" after a period whose declarations cannot be complete yet. */
const provisionalMark = (period: KpiPeriod) => (period.provisional ? ' (voorlopig)' : '');

/** What a provisional period's note says in a spreadsheet. */
const provisionalNote = (period: KpiPeriod) =>
  `${period.label} is voorlopig: declaraties kunnen nog binnenkomen tot ${period.finalOn}; de cijfers kunnen nog stijgen.`;

/** The KPI figures as a table to download, named `name`, with notes on what is withheld, provisional or rounded. */
export function kpiSheet(response: KpiResponse, name: string): SpreadsheetTable {
  const notes = [`Cellen met minder dan ${response.suppressionThreshold} jeugdigen zijn weggelaten (docs/kpi.md).`];
  for (const period of [response.period, response.previousPeriod])
    if (period.provisional) notes.push(provisionalNote(period));
  if (response.rounding)
    notes.push(
      `Aantallen zijn afgerond op ${response.rounding.count}-tallen en bedragen op ${response.rounding.euro} euro, elk apart (ook het totaal).`,
    );
  if (response.dataDate)
    notes.push(
      `Gegevens tot en met ${response.dataDate}: herhaald beroep telt alleen beëindigingen waarvan de termijn op of voor die datum afloopt.`,
    );
  return { name, rows: table(response), sheet: `KPI ${response.period.label}`, notes, widths: [36, 36] };
}

/**
 * A KPI's series as rows: per period its figures, target, reference lines (Treeknorm), the change in the KPI's
 * direction and whether it is provisional. Withheld points read as in the figures' export.
 */
function seriesTable(series: KpiSeries): Array<Array<string | number | null>> {
  const n = series.suppressionThreshold;
  const unit = series.kpi.unit;
  const header = [
    'KPI',
    'Periode',
    'Waarde',
    'Teller',
    'Noemer',
    'Jeugdigen',
    'Doel',
    ...series.references.map((r) => r.label),
    'Ten opzichte van de periode ervoor',
    'Voorlopig',
  ];
  const rows = series.points.map(({ period, total: c, target, assessment }) => [
    series.kpi.name,
    period.label,
    ...(c.suppressed
      ? [withheldText(n, unit), withheldText(n, unit), withheldText(n, unit), withheldText(n, 'youths')]
      : [c.value, c.numerator, c.denominator, c.youths]),
    target ? `${target.comparator === 'atMost' ? '≤' : '≥'} ${target.value}` : null,
    ...series.references.map((r) => `≤ ${r.value}`),
    assessment ? assessmentWords[assessment] : null,
    period.provisional ? 'voorlopig' : 'nee',
  ]);
  return [header, ...rows];
}

/** A KPI's series as a table to download, named `name`. */
export function seriesSheet(series: KpiSeries, name: string): SpreadsheetTable {
  const notes = [`Perioden met minder dan ${series.suppressionThreshold} jeugdigen zijn weggelaten (docs/kpi.md).`];
  for (const { period } of series.points.filter((p) => p.period.provisional)) notes.push(provisionalNote(period));
  if (series.rounding)
    notes.push(
      `Aantallen zijn afgerond op ${series.rounding.count}-tallen en bedragen op ${series.rounding.euro} euro, elk apart.`,
    );
  if (series.dataDate)
    notes.push(
      `Gegevens tot en met ${series.dataDate}: herhaald beroep telt alleen beëindigingen waarvan de termijn op of voor die datum afloopt.`,
    );
  return { name, rows: seriesTable(series), sheet: `Reeks ${series.kpi.name}`, notes, widths: [36, 12] };
}
