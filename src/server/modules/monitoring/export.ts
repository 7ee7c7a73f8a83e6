import ExcelJS from 'exceljs';
import { withheldText } from '../../../shared/kpi-charts.js';
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

/** CSV as Dutch spreadsheet programs open it: semicolons, decimal commas, a BOM for the accents. */
export function toCsv(response: KpiResponse): string {
  const field = (v: string | number | null) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${table(response)
    .map((row) => row.map(field).join(';'))
    .join('\r\n')}\r\n`;
}

export async function toXlsx(response: KpiResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zorglandschap';
  const sheet = workbook.addWorksheet(`KPI ${response.period.label}`.replace(/[/\\?*[\]:]/g, '-').slice(0, 31));
  const [header, ...rows] = table(response);
  sheet.addRow(header!).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i < 2 ? 36 : 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRow([]);
  sheet.addRow([`Cellen met minder dan ${response.suppressionThreshold} jeugdigen zijn weggelaten (docs/kpi.md).`]);
  if (response.rounding)
    sheet.addRow([
      `Aantallen zijn afgerond op ${response.rounding.count}-tallen en bedragen op ${response.rounding.euro} euro, elk apart (ook het totaal).`,
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
