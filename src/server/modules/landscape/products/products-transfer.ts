import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { lots } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import { assertOwnRegionField } from '../../../http/permission.js';
import type { Cell, SpreadsheetTable } from '../../../http/spreadsheet.js';
import type { Actor } from '../../auth/index.js';
import { parseAmount } from '../budgets/realisations-file.js';
import type { ImportResult } from '../bulk/import-result.js';
import { checkHeader, ImportProblems, leadingCode, parseDate, parseYesNo, readWorkbook } from '../bulk/sheet.js';
import { ZProductCreate, type Product, type ProductCreate, type ProductQuery } from './products.schema.js';
import { createProduct, listProducts, updateProduct, yearsNeedingTariff } from './products.service.js';

/** The columns of the products sheet, in order; "Tarief <jaar>" columns follow, one per year. */
const columns = [
  ['productCode', 'Productcode'],
  ['name', 'Naam'],
  ['lot', 'Perceel'],
  ['productCategory', 'Categorie'],
  ['unit', 'Eenheid'],
  ['fundingVariant', 'Financiering'],
  ['withStay', 'Met verblijf'],
  ['stayForm', 'Vorm van verblijf'],
  ['intensity', 'Intensiteit'],
  ['travelHoursPerFte', 'Reisuren per fte'],
  ['validFrom', 'Geldig vanaf'],
  ['validTo', 'Geldig tot'],
] as const;
const headers = columns.map(([, h]) => h);
const columnOf = Object.fromEntries(columns.map(([key], i) => [key, i])) as Record<(typeof columns)[number][0], number>;
const tariffHeader = /^tarief\s+(\d{4})$/i;
const sheetName = 'Producten';

const notes = [
  'Eén rij per product; de productcode is de sleutel: een bekende code wijzigt dat product, een nieuwe voegt er een toe.',
  'Perceel: de code van het perceel (leeg: geen). Categorie: JZ020, eenheid: WJ756. Financiering: inspanningsgericht, outputgericht of taakgericht.',
  'Met verblijf: ja of nee. Vorm van verblijf: pleegzorg, gezinshuis, residentieel of gesloten. Intensiteit: licht, midden of zwaar.',
  'Datums als 2026-01-31 of 31-1-2026; Geldig tot leeg: zonder einddatum.',
  'Tarief <jaar>: euro per eenheid, 0 of hoger. Een lege cel laat het tarief van dat jaar zoals het is. Voeg kolommen toe voor andere jaren.',
];

function tableOf(products: Product[], years: number[], lotCode: Map<string, string>): Cell[][] {
  return [
    [...headers, ...years.map((y) => `Tarief ${y}`)],
    ...products.map((p) => [
      p.productCode,
      p.name,
      p.lotId ? (lotCode.get(p.lotId) ?? '') : '',
      p.productCategory,
      p.unit,
      p.fundingVariant,
      p.withStay ? 'ja' : 'nee',
      p.stayForm,
      p.intensity,
      p.travelHoursPerFte,
      p.validFrom,
      p.validTo,
      ...years.map((y) => p.tariffs.find((t) => t.year === y)?.tariff ?? null),
    ]),
  ];
}

async function lotsOf(db: Db, regionId: string) {
  return db.select({ id: lots.id, code: lots.code }).from(lots).where(eq(lots.regionId, regionId));
}

/** Every product of the region (an import compares against all of them, not one page). */
async function allProducts(db: Db, actor: Actor, query: ProductQuery) {
  return (await listProducts(db, actor, { ...query, page: 1, pageSize: 100_000 })).items;
}

/** The product list as it is shown (same filters), all pages, in the import's own columns, so it can come back. */
export async function productsSheet(db: Db, actor: Actor, query: ProductQuery): Promise<SpreadsheetTable> {
  const products = await allProducts(db, actor, query);
  const years = [...new Set(products.flatMap((p) => p.tariffs.map((t) => t.year)))].sort();
  const regionIds = [...new Set(products.map((p) => p.regionId))];
  const lotCode = new Map<string, string>();
  for (const regionId of regionIds) for (const l of await lotsOf(db, regionId)) lotCode.set(l.id, l.code);
  return { name: 'producten', sheet: sheetName, rows: tableOf(products, years, lotCode), notes, widths: [11, 36] };
}

/** The empty sheet to fill in: the columns, tariff columns for last year, this year and next, and what goes where. */
export function productsTemplate(today = new Date()): SpreadsheetTable {
  const year = today.getFullYear();
  return {
    name: 'producten-sjabloon',
    sheet: sheetName,
    rows: tableOf([], [year - 1, year, year + 1], new Map()),
    notes,
    widths: [11, 36],
  };
}

type Row = { row: number; input: ProductCreate; existing: Product | undefined };

/**
 * Reads a products sheet for one region: every cell is checked (a wrong column header, an unknown lot, a duplicate
 * product code, a negative tariff, a missing tariff for a year the product is valid in …) and each problem is named
 * by row and column. Without `apply` it answers what would be created or changed; with it, all rows are stored in
 * one transaction through the products' own create and update (so each is audit-logged), or none.
 */
export async function importProducts(
  db: Db,
  actor: Actor,
  regionId: string,
  file: { name: string; bytes: Uint8Array },
  apply: boolean,
): Promise<ImportResult> {
  assertOwnRegionField(actor, regionId);
  const [table] = await readWorkbook(file, [sheetName]);
  const problems = new ImportProblems();
  const tariffColumns: Array<{ column: number; year: number; header: string }> = [];
  checkHeader(table!, headers, problems, (header, column) => {
    const match = tariffHeader.exec(header.trim());
    const year = Number(match?.[1]);
    if (!match || year < 2015 || year > 2100 || tariffColumns.some((t) => t.year === year)) return false;
    tariffColumns.push({ column, year, header });
    return true;
  });
  problems.throwIfAny();
  const lotByCode = new Map((await lotsOf(db, regionId)).map((l) => [l.code.toUpperCase(), l.id]));
  // Withdrawn products too: their codes stay taken, and a row naming one is refused rather than made anew.
  const existing = new Map(
    (await allProducts(db, actor, { regionId, includeWithdrawn: 'true' })).map((p) => [p.productCode.toUpperCase(), p]),
  );
  const seen = new Map<string, number>();
  const rows: Row[] = [];
  for (const { row, cells } of table!.rows) {
    const at = (key: keyof typeof columnOf) => cells[columnOf[key]] ?? '';
    const wrong = (key: keyof typeof columnOf, reason: string) =>
      problems.cell(columnOf[key], headers[columnOf[key]]!, row, reason);
    const code = at('productCode');
    const before = existing.get(code.toUpperCase());
    const earlier = seen.get(code.toUpperCase());
    if (code && earlier) wrong('productCode', `productcode ${code} staat er twee keer in (ook rij ${earlier})`);
    if (code) seen.set(code.toUpperCase(), row);
    if (before?.withdrawn)
      wrong(
        'productCode',
        `productcode ${code} is ingetrokken; herstel dat product eerst (Producten, ingetrokken tonen)`,
      );
    const lotText = at('lot');
    const lotId = lotText ? lotByCode.get(lotText.toUpperCase()) : null;
    if (lotId === undefined) wrong('lot', `perceel "${lotText}" bestaat niet in de regio`);
    const withStay = parseYesNo(at('withStay'));
    if (withStay === null) wrong('withStay', `"${at('withStay')}" is geen ja of nee`);
    const hours = at('travelHoursPerFte');
    const validFrom = parseDate(at('validFrom'));
    const validTo = parseDate(at('validTo'));
    if (validFrom === null) wrong('validFrom', `"${at('validFrom')}" is geen datum`);
    if (validTo === null) wrong('validTo', `"${at('validTo')}" is geen datum`);
    const tariffs = new Map((before?.tariffs ?? []).map((t) => [t.year, t.tariff]));
    const given: typeof tariffColumns = [];
    for (const t of tariffColumns) {
      const text = cells[t.column] ?? '';
      if (text === '') continue;
      const amount = parseAmount(text);
      if (amount === null) problems.cell(t.column, t.header, row, `"${text}" is geen bedrag`);
      else {
        tariffs.set(t.year, amount);
        given.push(t);
      }
    }
    const candidate = {
      regionId,
      lotId: lotId ?? null,
      productCode: code,
      name: at('name'),
      productCategory: leadingCode(at('productCategory')),
      unit: leadingCode(at('unit')),
      fundingVariant: at('fundingVariant').toLowerCase(),
      withStay: withStay ?? false,
      stayForm: at('stayForm').toLowerCase() || null,
      intensity: at('intensity').toLowerCase() || null,
      travelHoursPerFte: hours === '' ? null : Number(hours.replace(',', '.')),
      validFrom: validFrom ?? '',
      validTo: validTo || null,
      tariffs: [...tariffs].sort(([a], [b]) => a - b).map(([year, tariff]) => ({ year, tariff })),
    };
    const parsed = ZProductCreate.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [key, index] = issue.path;
        if (key === 'tariffs' && typeof index === 'number') {
          const year = candidate.tariffs[index]?.year;
          const column = given.find((t) => t.year === year);
          if (column) problems.cell(column.column, column.header, row, issue.message);
          else problems.row(row, `tarief ${year ?? ''}: ${issue.message}`);
        } else if (typeof key === 'string' && key in columnOf) {
          const k = key as keyof typeof columnOf;
          if (k === 'validFrom' && validFrom === null) continue;
          wrong(k, issue.message);
        } else problems.row(row, issue.message);
      }
      continue;
    }
    if (candidate.validFrom && (!candidate.validTo || candidate.validTo >= candidate.validFrom)) {
      const missing = yearsNeedingTariff(candidate.validFrom, candidate.validTo).filter((y) => !tariffs.has(y));
      for (const year of missing) {
        const column = tariffColumns.find((t) => t.year === year);
        if (column) problems.cell(column.column, column.header, row, `tarief ontbreekt; het product geldt in ${year}`);
        else
          problems.row(row, `tarief ${year} ontbreekt; het product geldt in ${year} (voeg kolom "Tarief ${year}" toe)`);
      }
    }
    rows.push({ row, input: parsed.data, existing: before });
  }
  if (table!.rows.length === 0) problems.row(2, 'het blad heeft geen producten', 'empty');
  problems.throwIfAny();
  const planned = rows.map((r) => ({ ...r, changes: r.existing ? changesOf(r.existing, r.input) : [] }));
  const result: ImportResult = {
    applied: false,
    rows: planned.map((r) => ({
      row: r.row,
      key: r.input.productCode,
      name: r.input.name,
      action: !r.existing ? 'create' : r.changes.length ? 'update' : 'unchanged',
      changes: r.changes,
    })),
  };
  if (!apply) return result;
  await db.transaction(async (tx) => {
    for (const r of planned) {
      try {
        if (!r.existing) await createProduct(tx, actor, r.input);
        else if (r.changes.length) {
          const { regionId: _region, ...update } = r.input;
          await updateProduct(tx, actor, r.existing.id, update);
        }
      } catch (error) {
        if (error instanceof AppError) error.message = `rij ${r.row}: ${error.message}`;
        throw error;
      }
    }
  });
  return { ...result, applied: true };
}

/** The column headers whose value the row changes. */
function changesOf(before: Product, after: ProductCreate): string[] {
  const changed: string[] = [];
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  const pairs: Array<[string, unknown, unknown]> = [
    ['Naam', before.name, after.name],
    ['Perceel', before.lotId, after.lotId],
    ['Categorie', before.productCategory, after.productCategory],
    ['Eenheid', before.unit, after.unit],
    ['Financiering', before.fundingVariant, after.fundingVariant],
    ['Met verblijf', before.withStay, after.withStay],
    ['Vorm van verblijf', before.stayForm, after.withStay ? after.stayForm : null],
    ['Intensiteit', before.intensity, after.intensity],
    ['Reisuren per fte', before.travelHoursPerFte, after.travelHoursPerFte],
    ['Geldig vanaf', before.validFrom, after.validFrom],
    ['Geldig tot', before.validTo, after.validTo],
  ];
  for (const [header, a, b] of pairs) if (!same(a, b)) changed.push(header);
  const years = new Set([...before.tariffs, ...after.tariffs].map((t) => t.year));
  for (const year of [...years].sort()) {
    const a = before.tariffs.find((t) => t.year === year)?.tariff;
    const b = after.tariffs.find((t) => t.year === year)?.tariff;
    if (a !== b) changed.push(`Tarief ${year}`);
  }
  return changed;
}
