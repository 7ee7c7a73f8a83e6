import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { budgetLines, municipalities } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import { assertOwnRegionField } from '../../../http/permission.js';
import type { Cell, SpreadsheetTable } from '../../../http/spreadsheet.js';
import { limits } from '../../../../shared/domain.js';
import type { Actor } from '../../auth/index.js';
import type { ImportResult } from '../bulk/import-result.js';
import { checkHeader, ImportProblems, leadingCode, readWorkbook } from '../bulk/sheet.js';
import { parseAmount } from './realisations-file.js';
import { createBudget, listBudgets, updateBudget } from './budgets.service.js';

const fixed = ['CBS-code', 'Gemeente', 'Jaar'];
const sheetName = 'Budgetten';
const notes = [
  'Eén rij per gemeente en jaar; één kolom per begrotingspost (de code van de post als kolomkop). Bedragen in euro, 0 of hoger.',
  'Een lege cel laat het budget zoals het is; een bedrag voegt het budget toe of wijzigt het.',
];

async function regionParts(db: Db, regionId: string) {
  const places = await db
    .select({ id: municipalities.id, cbsCode: municipalities.cbsCode, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId))
    .orderBy(asc(municipalities.name));
  const lines = await db
    .select({ id: budgetLines.id, code: budgetLines.code, name: budgetLines.name })
    .from(budgetLines)
    .where(eq(budgetLines.regionId, regionId))
    .orderBy(asc(budgetLines.code));
  return { places, lines };
}

/**
 * The budget table as the budgets page shows it: a row per municipality and year, a column per budget line, in the
 * import's own columns (so an export filled in for a new year comes back as an import). Without a year: every year.
 */
export async function budgetsSheet(
  db: Db,
  actor: Actor,
  query: { regionId: string; year?: number | undefined; empty?: boolean },
): Promise<SpreadsheetTable> {
  assertOwnRegionField(actor, query.regionId);
  const { places, lines } = await regionParts(db, query.regionId);
  const budgets = query.empty ? [] : await listBudgets(db, actor, { regionId: query.regionId, year: query.year });
  const years = query.year ? [query.year] : [...new Set(budgets.map((b) => b.year))].sort();
  const amount = (m: string, l: string, y: number) =>
    budgets.find((b) => b.municipalityId === m && b.budgetLineId === l && b.year === y)?.amount ?? null;
  const rows: Cell[][] = [
    [...fixed, ...lines.map((l) => l.code)],
    ...years.flatMap((y) => places.map((m) => [m.cbsCode, m.name, y, ...lines.map((l) => amount(m.id, l.id, y))])),
  ];
  const legend = `Posten: ${lines.map((l) => `${l.code} = ${l.name}`).join('; ')}.`;
  const name = query.empty ? `budgetten-sjabloon-${query.year}` : `budgetten${query.year ? `-${query.year}` : ''}`;
  return { name, sheet: sheetName, rows, notes: [...notes, legend], widths: [10, 22, 8] };
}

/**
 * Reads a budget table for one region: a wrong header, an unknown municipality or budget line, a municipality twice
 * in a year, a year out of range and an amount that is no amount or negative are each named by row and column;
 * nothing is stored then. Without `apply` it answers what would change; with it, all in one transaction, each
 * budget created or changed through the budgets' own functions (audit-logged).
 */
export async function importBudgets(
  db: Db,
  actor: Actor,
  regionId: string,
  file: { name: string; bytes: Uint8Array },
  apply: boolean,
): Promise<ImportResult> {
  assertOwnRegionField(actor, regionId);
  const { places, lines } = await regionParts(db, regionId);
  const [table] = await readWorkbook(file, [sheetName]);
  const problems = new ImportProblems();
  const lineColumns: Array<{ column: number; header: string; line: (typeof lines)[number] }> = [];
  checkHeader(table!, fixed, problems, (header, column) => {
    const line = lines.find((l) => l.code.toUpperCase() === leadingCode(header).toUpperCase());
    if (!line || lineColumns.some((c) => c.line.id === line.id)) return false;
    lineColumns.push({ column, header, line });
    return true;
  });
  problems.throwIfAny();
  const byCode = new Map(places.map((m) => [m.cbsCode, m]));
  const existing = await listBudgets(db, actor, { regionId });
  const seen = new Map<string, number>();
  type Change = { municipalityId: string; budgetLineId: string; year: number; amount: number; id?: string };
  const planned: Array<{ row: number; key: string; name: string; changes: Change[]; created: boolean }> = [];
  for (const { row, cells } of table!.rows) {
    const [code = '', , yearText = ''] = cells;
    const place = byCode.get(code.padStart(4, '0'));
    if (!place) problems.cell(0, 'CBS-code', row, `gemeente "${code}" hoort niet bij de regio`);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2015 || year > 2100)
      problems.cell(2, 'Jaar', row, `"${yearText}" is geen jaar van 2015 tot en met 2100`);
    const key = `${place?.cbsCode ?? code} ${yearText}`;
    if (place && seen.has(key))
      problems.row(row, `${place.name} staat er voor ${year} twee keer in (ook rij ${seen.get(key)})`);
    seen.set(key, row);
    const changes: Change[] = [];
    let created = false;
    for (const c of lineColumns) {
      const text = cells[c.column] ?? '';
      if (text === '') continue;
      const amount = parseAmount(text);
      if (amount === null) problems.cell(c.column, c.header, row, `"${text}" is geen bedrag`);
      else if (amount < 0) problems.cell(c.column, c.header, row, 'bedrag mag niet negatief zijn');
      else if (amount > limits.amountMax) problems.cell(c.column, c.header, row, 'bedrag is te groot');
      else if (place) {
        const had = existing.find(
          (b) => b.municipalityId === place.id && b.budgetLineId === c.line.id && b.year === year,
        );
        if (!had) created = true;
        if (!had || had.amount !== amount)
          changes.push({
            municipalityId: place.id,
            budgetLineId: c.line.id,
            year,
            amount,
            ...(had ? { id: had.id } : {}),
          });
      }
    }
    planned.push({ row, key, name: place?.name ?? code, changes, created });
  }
  if (table!.rows.length === 0) problems.row(2, 'het blad heeft geen rijen', 'empty');
  problems.throwIfAny();
  const lineCode = new Map(lines.map((l) => [l.id, l.code]));
  const result: ImportResult = {
    applied: false,
    rows: planned.map((p) => ({
      row: p.row,
      key: p.key,
      name: p.name,
      action: p.created ? 'create' : p.changes.length ? 'update' : 'unchanged',
      changes: p.changes.map((c) => lineCode.get(c.budgetLineId)!),
    })),
  };
  if (!apply) return result;
  await db.transaction(async (tx) => {
    for (const p of planned)
      for (const change of p.changes) {
        try {
          if (change.id) await updateBudget(tx, actor, change.id, change.amount);
          else await createBudget(tx, actor, change);
        } catch (error) {
          if (error instanceof AppError) error.message = `rij ${p.row}: ${error.message}`;
          throw error;
        }
      }
  });
  return { ...result, applied: true };
}
