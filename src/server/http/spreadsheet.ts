import { z } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import { attachment } from './download.js';

export type Cell = string | number | null;

/**
 * Text a spreadsheet program would run as a formula (=, +, -, @, or a tab or carriage return first) gets a leading
 * apostrophe, so a name typed as `=HYPERLINK(…)` is shown, not run (OWASP, CSV injection). A plain negative number
 * written as text, and a lone dash, stay as they are.
 */
function defused(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^-?\d+([.,]\d+)?$/.test(text) || text === '-') return text;
  return `'${text}`;
}

/** CSV as Dutch spreadsheet programs open it: semicolons, decimal commas, a BOM for the accents. */
export function csvOf(rows: Cell[][]): string {
  const field = (v: Cell) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : defused(v);
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

export type SpreadsheetFormat = 'csv' | 'xlsx';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table to download: its file name without extension, its rows (header first) and how the XLSX shows them. */
export interface SpreadsheetTable {
  name: string;
  rows: Cell[][];
  sheet: string;
  notes?: string[];
  widths?: number[];
}

/** The `format` query parameter of a download: csv or xlsx. */
export const zSpreadsheetFormat = (fallback: SpreadsheetFormat) =>
  z.enum(['csv', 'xlsx'], { message: 'kies csv of xlsx' }).default(fallback);

/** The OpenAPI 200 response of a download that is CSV or XLSX. */
export const spreadsheetResponse = (description = 'Het bestand') => ({
  description,
  content: {
    'text/csv': { schema: z.string() },
    [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) },
  },
});

/** The table as a file in the asked format. A CSV's notes are left out: a CSV has one table. */
export async function spreadsheetFile(
  table: SpreadsheetTable,
  format: SpreadsheetFormat,
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  if (format === 'csv')
    return { fileName: `${table.name}.csv`, contentType: 'text/csv; charset=utf-8', body: csvOf(table.rows) };
  const body = await xlsxOf(table.rows, { sheet: table.sheet, notes: table.notes, widths: table.widths });
  return { fileName: `${table.name}.xlsx`, contentType: xlsxType, body };
}

/** The answer of a download route: the table as a file, with a Content-Disposition that names it. */
export async function sendSpreadsheet(c: Context, table: SpreadsheetTable, format: SpreadsheetFormat) {
  const file = await spreadsheetFile(table, format);
  const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
  return c.body(body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': attachment(file.fileName) });
}
