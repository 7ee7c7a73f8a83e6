import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError, ErrorCode, type InvalidParam } from '../../../http/errors.js';

/** How many data rows an import takes (a region's products, providers or budgets are in the hundreds). */
export const maxImportRows = 5000;
/** What a workbook may unpack to: an XLSX of 5,000 rows is a few MB inflated; a zip bomb is refused unread. */
const maxInflatedBytes = 64 * 1024 * 1024;

/** The text of a cell as the user typed it ('' when empty); formulas count by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A computed amount such as 70.21000000000001 is the 70.21 the spreadsheet shows; real extra decimals remain.
  if (typeof value === 'number') return String(Number(value.toFixed(9)));
  return String(value).trim();
}

/** Sums the sizes the archive's directory declares (yauzl holds each entry to it), before anything is inflated. */
async function inflatedSize(bytes: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (total > maxInflatedBytes) {
          zip.close();
          resolve(total);
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const unreadable = () =>
  new AppError(ErrorCode.Validation, 'Het bestand is niet te lezen', [
    { name: 'file', code: 'unreadable', reason: 'geen leesbaar .xlsx-bestand; gebruik het sjabloon' },
  ]);

/** A table of one worksheet: its header and data rows as text, each with its row number in the sheet. */
export interface SheetTable {
  sheet: string;
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/**
 * Reads the named worksheets of an uploaded XLSX (the first sheet stands in for the first name when the names
 * differ: a user may rename it). A table ends at its first empty row, where the template's notes begin.
 */
export async function readWorkbook(file: { name: string; bytes: Uint8Array }, sheets: string[]): Promise<SheetTable[]> {
  if (!/\.xlsx$/i.test(file.name))
    throw new AppError(ErrorCode.Validation, 'Kies een .xlsx-bestand', [
      { name: 'file', code: 'type', reason: 'alleen .xlsx (download het sjabloon)' },
    ]);
  const size = await inflatedSize(file.bytes).catch(() => {
    throw unreadable();
  });
  if (size > maxInflatedBytes)
    throw new AppError(ErrorCode.Validation, 'Het bestand is te groot om in te lezen', [
      { name: 'file', code: 'too_big', reason: `uitgepakt meer dan ${maxInflatedBytes / 1024 / 1024} MB` },
    ]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  return sheets.map((name, i) => {
    const sheet = workbook.getWorksheet(name) ?? (i === 0 ? workbook.worksheets[0] : undefined);
    if (!sheet) return { sheet: name, header: [], rows: [] };
    const width = Math.min(sheet.columnCount, 200);
    const all: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      if (n > maxImportRows + 2) return;
      all[n - 1] = Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value));
    });
    const lines = Array.from(all, (r) => r ?? []);
    const header = lines[0] ?? [];
    while (header.length && header[header.length - 1] === '') header.pop();
    const body = lines.slice(1);
    const end = body.findIndex((cells) => cells.every((c) => c === ''));
    const rows = body.slice(0, end === -1 ? body.length : end).map((cells, k) => ({ row: k + 2, cells }));
    if (rows.length > maxImportRows)
      throw new AppError(ErrorCode.Validation, `Hoogstens ${maxImportRows} rijen per blad`, [
        { name: name, code: 'too_many_rows', reason: `hoogstens ${maxImportRows} rijen` },
      ]);
    return { sheet: name, header, rows };
  });
}

/** The spreadsheet column letters of a 0-based column (A … Z, AA …). */
export function columnLetter(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Collects what is wrong with an import, each named by its cell, row and column, in Dutch. */
export class ImportProblems {
  readonly list: InvalidParam[] = [];
  constructor(private readonly prefix = '') {}

  /** A cell: `B3` names it, the reason says row and column in words ("rij 3, Productcode: …"). */
  cell(column: number, header: string, row: number, reason: string, code = 'invalid') {
    this.list.push({
      name: `${this.prefix}${columnLetter(column)}${row}`,
      code,
      reason: `rij ${row}, ${header}: ${reason}`,
    });
  }

  /** Whether a cell is already named (a rule checked later need not name it twice). */
  hasCell(column: number, row: number): boolean {
    const name = `${this.prefix}${columnLetter(column)}${row}`;
    return this.list.some((p) => p.name === name);
  }

  /** A whole row. */
  row(row: number, reason: string, code = 'invalid') {
    this.list.push({ name: `${this.prefix}${row}`, code, reason: `rij ${row}: ${reason}` });
  }

  /** Throws the collected problems, nothing stored. */
  throwIfAny() {
    if (!this.list.length) return;
    const n = this.list.length;
    throw new AppError(
      ErrorCode.Validation,
      `${n === 1 ? '1 fout' : `${n} fouten`} in het bestand; er is niets opgeslagen`,
      this.list.slice(0, 500),
    );
  }
}

/**
 * Checks a sheet's header against the expected columns (case and spaces aside); each wrong or missing header is
 * named. `extra` accepts further columns (such as "Tarief 2026") and returns false for one it does not know.
 */
export function checkHeader(
  table: SheetTable,
  expected: readonly string[],
  problems: ImportProblems,
  extra?: (header: string, column: number) => boolean,
) {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!table.header.length) {
    problems.row(1, `het blad "${table.sheet}" ontbreekt of heeft geen kolomkoppen`, 'header');
    return;
  }
  expected.forEach((h, i) => {
    const found = table.header[i] ?? '';
    if (norm(found) !== norm(h))
      problems.cell(
        i,
        `kolom ${columnLetter(i)}`,
        1,
        `kolomkop moet "${h}" zijn${found ? `, niet "${found}"` : ''}`,
        'header',
      );
  });
  table.header.slice(expected.length).forEach((h, k) => {
    const column = expected.length + k;
    if (!extra || !extra(h, column))
      problems.cell(column, `kolom ${columnLetter(column)}`, 1, `onbekende kolom "${h}"`, 'header');
  });
}

/** Yes/no as a Dutch sheet writes it. */
export function parseYesNo(text: string): boolean | null {
  const t = text.toLowerCase();
  if (['ja', 'j', 'waar', 'true', '1', 'yes'].includes(t)) return true;
  if (['nee', 'n', 'onwaar', 'false', '0', 'no', ''].includes(t)) return false;
  return null;
}

/** A date as ISO (2026-01-31) or as the Dutch write it (31-1-2026); null when it is none, '' stays ''. */
export function parseDate(text: string): string | null {
  if (text === '') return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : [];
  if (!y || !m || !d) return null;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${out}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== out ? null : out;
}

/** The code at the start of a cell ("45" of "45 – Jeugdhulp ambulant"), so a sheet may keep the name beside it. */
export const leadingCode = (text: string) => text.split(/\s+[–-]\s+|\s+/)[0] ?? '';

/** A workbook of several sheets (a template whose rows belong together, such as providers and their locations). */
export async function workbookOf(
  sheets: Array<{ sheet: string; rows: Array<Array<string | number | null>>; notes?: string[] }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zorglandschap';
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.sheet);
    const [header, ...body] = table.rows;
    sheet.addRow(header ?? []).font = { bold: true };
    for (const row of body) sheet.addRow(row);
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    if (table.notes?.length) {
      sheet.addRow([]);
      for (const note of table.notes) sheet.addRow([note]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
