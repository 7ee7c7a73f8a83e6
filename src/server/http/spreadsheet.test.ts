import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvOf, xlsxOf } from './spreadsheet.js';

describe('CSV and XLSX downloads', () => {
  it('writes CSV as Dutch spreadsheet programs read it: semicolons, decimal commas, quotes where needed', () => {
    const csv = csvOf([
      ['Naam', 'Bedrag'],
      ['Zorg; "natura"', 1234.5],
      [null, -2],
    ]);
    expect(csv).toBe('\uFEFFNaam;Bedrag\r\n"Zorg; ""natura""";1234,5\r\n;-2\r\n');
  });

  it('does not let a cell run as a formula in a spreadsheet program (CSV injection)', () => {
    const cells = ['=HYPERLINK("http://x","klik")', '+31 6 1234', '@SUM(A1)', '-1+2', '\tverborgen'];
    const csv = csvOf([cells]);
    const written = csv.slice(1).trim().split(';');
    const unquoted = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
    for (const [i, text] of cells.entries()) expect(unquoted(written[i]!)).toBe(`'${text}`);
    // Plain negative numbers written as text and a lone dash stay as they are.
    expect(csvOf([['-5', '-2,5', '-']])).toBe('\uFEFF-5;-2,5;-\r\n');
  });

  it('keeps a formula-like text a text in XLSX', async () => {
    const book = new ExcelJS.Workbook();
    const bytes = await xlsxOf([['Naam'], ['=1+1']], { sheet: 'Blad' });
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const cell = book.worksheets[0]!.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });
});
