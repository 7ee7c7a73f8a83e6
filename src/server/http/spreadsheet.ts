import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** CSV as Dutch spreadsheet programs open it: semicolons, decimal commas, a BOM for the accents. */
export function csvOf(rows: Cell[][]): string {
  const field = (v: Cell) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}

/**
 * One worksheet: a bold, frozen header row, the rows, and notes below them (what is left out and why). `widths`
 * gives the first columns' widths; the rest get 16.
 */
export async function xlsxOf(
  rows: Cell[][],
  options: { sheet: string; notes?: string[]; widths?: number[] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zorglandschap';
  const sheet = workbook.addWorksheet(options.sheet.replace(/[/\\?*[\]:]/g, '-').slice(0, 31));
  const [header, ...body] = rows;
  sheet.addRow(header ?? []).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = options.widths?.[i] ?? 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (options.notes?.length) {
    sheet.addRow([]);
    for (const note of options.notes) sheet.addRow([note]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
