import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { municipalities } from '../../../db/schema/index.js';
import { AppError, ErrorCode, type InvalidParam } from '../../../http/errors.js';
import { readSpreadsheet, type Cell, type SpreadsheetTable } from '../../../http/spreadsheet.js';
import type { Actor } from '../../auth/index.js';
import { listRealisations, ownBudgetLine, writeRealisations } from './realisations.service.js';

/** The month columns of the template, in order (Dutch abbreviations, as the ledger's own exports write them). */
export const monthColumns = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const header = ['CBS-code', 'Gemeente', 'Post', 'Jaar', ...monthColumns];
const maxRows = 1000;

/** The spreadsheet column letter of a 0-based column (A, B, … P). */
const letter = (column: number) => String.fromCharCode(65 + column);

/**
 * The template for one line and year: a row per municipality of the line's region with what is booked so far, so a
 * downloaded file filled in and sent back changes only what was changed.
 */
export async function realisationTemplate(
  db: Db,
  actor: Actor,
  query: { year: number; budgetLineId: string },
): Promise<SpreadsheetTable> {
  const line = await ownBudgetLine(db, actor, query.budgetLineId);
  const rows = await db
    .select({ id: municipalities.id, cbsCode: municipalities.cbsCode, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, line.regionId))
    .orderBy(asc(municipalities.name));
  const booked = await listRealisations(db, actor, { year: query.year, budgetLineId: line.id });
  const amount = (municipalityId: string, month: number) =>
    booked.find(
      (r) => r.municipalityId === municipalityId && r.month === `${query.year}-${String(month).padStart(2, '0')}`,
    )?.amount ?? null;
  const table: Cell[][] = [
    header,
    ...rows.map((m) => [m.cbsCode, m.name, line.code, query.year, ...monthColumns.map((_, i) => amount(m.id, i + 1))]),
  ];
  const notes = [
    `Realisatie per maand in euro's van ${line.name} (${line.code}) in ${query.year}, volgens de gemeentelijke boekhouding.`,
    'Een lege cel laat de maand zoals hij is; bedragen zijn 0 of hoger. Post en jaar moeten blijven zoals ze zijn.',
  ];
  const name = `realisatie-${line.code}-${query.year}`;
  return { name, rows: table, sheet: `${line.code} ${query.year}`, notes, widths: [10, 22, 8, 8] };
}

/** An amount as the Dutch write it (1.234,56 or 1234,56) or as a spreadsheet stores it (1234.56); null when it is none. */
export function parseAmount(text: string): number | null {
  let s = text.replace(/^€\s*/, '').replace(/\s/g, '');
  if (s.includes(',')) s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  return Number(s);
}

/**
 * Imports a realisation file of one line and year (the template filled in). Every cell is checked; when any is wrong
 * nothing is saved and the answer names each wrong cell (B3: …). Empty month cells leave the month as it is.
 */
export async function importRealisations(
  db: Db,
  actor: Actor,
  query: { year: number; budgetLineId: string },
  file: { name: string; bytes: Uint8Array },
): Promise<{ saved: number; unchanged: number }> {
  const line = await ownBudgetLine(db, actor, query.budgetLineId);
  const rows = await readSpreadsheet(file, { width: header.length, maxRows, hint: 'gebruik het sjabloon' });
  const errors: InvalidParam[] = [];
  const wrong = (column: number, row: number, reason: string) =>
    errors.push({ name: `${letter(column)}${row}`, code: 'invalid', reason });
  const [head, ...body] = rows;
  header.forEach((h, i) => {
    if ((head?.[i] ?? '').toLowerCase() !== h.toLowerCase()) wrong(i, 1, `kolomkop moet "${h}" zijn`);
  });
  if (errors.length) throw new AppError(ErrorCode.Validation, 'Het bestand volgt het sjabloon niet', errors);
  if (rows.length > maxRows + 1) throw new AppError(ErrorCode.Validation, `Hoogstens ${maxRows} rijen per bestand`);
  const region = await db
    .select({ id: municipalities.id, cbsCode: municipalities.cbsCode })
    .from(municipalities)
    .where(eq(municipalities.regionId, line.regionId));
  const byCode = new Map(region.map((m) => [m.cbsCode, m.id]));
  const months: Array<{ municipalityId: string; month: string; amount: number | null }> = [];
  const seen = new Set<string>();
  // The table ends at its first empty row (the template's notes follow it).
  const end = body.findIndex((cells) => cells.every((c) => c === ''));
  body.slice(0, end === -1 ? body.length : end).forEach((cells, index) => {
    const row = index + 2;
    const [code = '', , post = '', year = ''] = cells;
    const municipalityId = byCode.get(code.padStart(4, '0'));
    if (!municipalityId) wrong(0, row, `gemeente "${code}" hoort niet bij de regio`);
    else if (seen.has(municipalityId)) wrong(0, row, `gemeente ${code} staat er twee keer in`);
    else seen.add(municipalityId);
    if (post !== line.code) wrong(2, row, `post "${post}" is niet ${line.code}; dit bestand is voor ${line.name}`);
    if (year !== String(query.year)) wrong(3, row, `jaar "${year}" is niet ${query.year}`);
    monthColumns.forEach((name, m) => {
      const text = cells[4 + m] ?? '';
      if (text === '') return;
      const amount = parseAmount(text);
      if (amount === null) wrong(4 + m, row, `${name}: "${text}" is geen bedrag`);
      else if (amount < 0) wrong(4 + m, row, `${name}: bedrag mag niet negatief zijn`);
      else if (municipalityId)
        months.push({ municipalityId, month: `${query.year}-${String(m + 1).padStart(2, '0')}`, amount });
    });
  });
  if (errors.length)
    throw new AppError(
      ErrorCode.Validation,
      `${errors.length === 1 ? '1 cel klopt' : `${errors.length} cellen kloppen`} niet; er is niets opgeslagen`,
      errors,
    );
  return db.transaction((tx) => writeRealisations(tx, actor, line, months));
}
