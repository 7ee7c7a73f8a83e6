import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import { attachment } from './download.js';
import { AppError, ErrorCode } from './errors.js';

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

/** The text of a cell as the user typed it ('' when empty); formulas count by their result. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return textOf(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * The first sheet of an uploaded .xlsx or .csv (semicolons or commas, with or without a BOM) as rows of `width`
 * trimmed texts, the header first; at most `maxRows + 1` rows are read, so a caller sees that a file is too long
 * without holding all of it. A file of another kind, or one that cannot be read, is a 400 on the field `file`.
 */
export async function readSpreadsheet(
  file: { name: string; bytes: Uint8Array },
  options: { width: number; maxRows: number; hint: string },
): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.xlsx$/i.test(file.name)) {
      await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else if (/\.csv$/i.test(file.name)) {
      const text = Buffer.from(file.bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      const delimiter = (text.split(/\r?\n/)[0] ?? '').includes(';') ? ';' : ',';
      sheet = await workbook.csv.read(Readable.from([text]), {
        map: (v: string) => v,
        parserOptions: { delimiter },
      } as never);
    } else {
      throw new AppError(ErrorCode.Validation, 'Kies een .xlsx- of .csv-bestand', [
        { name: 'file', code: 'type', reason: `alleen .xlsx of .csv (${options.hint})` },
      ]);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.Validation, 'Het bestand is niet te lezen', [
      { name: 'file', code: 'unreadable', reason: `geen leesbaar .xlsx- of .csv-bestand; ${options.hint}` },
    ]);
  }
  const columns = Array.from({ length: options.width }, (_, i) => i);
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > options.maxRows + 1) return;
    rows[n - 1] = columns.map((i) => textOf(row.getCell(i + 1).value));
  });
  return Array.from(rows, (r) => r ?? columns.map(() => ''));
}
