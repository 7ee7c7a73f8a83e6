import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { cbsMunicipalities } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import { readSpreadsheet } from '../../../http/spreadsheet.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { checkHeader, ImportProblems, readWorkbook, type SheetTable } from '../bulk/sheet.js';

/** The columns of CBS's "Gemeenten alfabetisch <year>" (XLSX), in its order; a CSV export has the same. */
export const cbsListColumns = [
  'Gemeentecode',
  'GemeentecodeGM',
  'Gemeentenaam',
  'Provinciecode',
  'ProvinciecodePV',
  'Provincienaam',
] as const;

/** The Netherlands has some 340 municipalities; a file far longer is not CBS's list. */
const maxRows = 2000;

export interface CbsList {
  year: number;
  sourceFile: string;
  municipalities: Array<{ code: string; name: string }>;
}

/** The list's year: given, else the four digits CBS puts in the file's name ("Gemeenten alfabetisch 2026.xlsx"). */
function listYear(fileName: string, given?: number): number {
  const year = given ?? Number(/(?:^|\D)(20\d\d)(?:\D|$)/.exec(fileName)?.[1]);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) return year;
  throw fieldError(
    'year',
    given === undefined
      ? `de bestandsnaam ${fileName} noemt geen jaar; geef het jaar van de lijst op (CBS noemt het bestand "Gemeenten alfabetisch 2026")`
      : 'het jaar van de lijst moet een jaartal van 2000 tot 2100 zijn',
  );
}

/** The first sheet of the XLSX (read with the bulk imports' guards) or the CSV (; or , separated) as one table. */
async function readTable(file: { name: string; bytes: Uint8Array }): Promise<SheetTable> {
  if (/\.xlsx$/i.test(file.name)) return (await readWorkbook(file, ['Gemeenten']))[0]!;
  const rows = await readSpreadsheet(file, {
    width: cbsListColumns.length,
    maxRows,
    hint: 'gebruik "Gemeenten alfabetisch" van CBS',
  });
  const [header = [], ...body] = rows;
  while (header.length && header[header.length - 1] === '') header.pop();
  const end = body.findIndex((cells) => cells.every((c) => c === ''));
  const data = body.slice(0, end === -1 ? body.length : end).map((cells, k) => ({ row: k + 2, cells }));
  return { sheet: 'Gemeenten', header, rows: data };
}

/** A code as CBS writes it in either column (344, 0344, GM0344) as the four digits the region uses; null if none. */
function codeOf(text: string): string | null {
  const match = /^(?:(\d{1,4})|GM(\d{4}))$/i.exec(text);
  const digits = match?.[1] ?? match?.[2];
  return digits && Number(digits) > 0 ? digits.padStart(4, '0') : null;
}

/**
 * Reads CBS's list of municipalities from its XLSX or a CSV with the same columns. Every row is checked (a
 * Gemeentecode of 1–4 digits or GM with 4, a GemeentecodeGM that agrees with it, a name, each code once); one wrong
 * header or cell and the file is refused with each named by cell, row and column, nothing stored.
 */
export async function readCbsList(file: { name: string; bytes: Uint8Array }, year?: number): Promise<CbsList> {
  const listYearOf = listYear(file.name, year);
  const table = await readTable(file);
  const problems = new ImportProblems();
  // CBS may add a column at the end one year; the six it has always had must be where they are.
  checkHeader(table, cbsListColumns, problems, () => true);
  problems.throwIfAny();
  if (table.rows.length > maxRows)
    throw new AppError(ErrorCode.Validation, `Hoogstens ${maxRows} gemeenten per lijst`, [
      { name: 'file', code: 'too_many_rows', reason: `hoogstens ${maxRows} rijen; is dit de lijst van CBS?` },
    ]);
  const seen = new Map<string, number>();
  const municipalities: CbsList['municipalities'] = [];
  for (const { row, cells } of table.rows) {
    const [codeText = '', gmText = '', nameText = ''] = cells;
    const code = codeOf(codeText);
    if (!code)
      problems.cell(
        0,
        cbsListColumns[0],
        row,
        `"${codeText}" is geen gemeentecode (1 tot 4 cijfers, of GM met 4 cijfers)`,
      );
    const gm = gmText === '' ? null : /^GM\d{4}$/i.test(gmText) ? gmText.slice(2) : undefined;
    if (gm === undefined) problems.cell(1, cbsListColumns[1], row, `"${gmText}" is geen code als GM0344`);
    else if (gm !== null && code && gm !== code)
      problems.cell(1, cbsListColumns[1], row, `GM${gm} hoort niet bij gemeentecode ${codeText}`);
    const name = nameText.trim();
    if (!name) problems.cell(2, cbsListColumns[2], row, 'de naam ontbreekt');
    else if (name.length > 200) problems.cell(2, cbsListColumns[2], row, 'hoogstens 200 tekens');
    if (!code || !name) continue;
    const earlier = seen.get(code);
    if (earlier) problems.cell(0, cbsListColumns[0], row, `gemeentecode ${code} staat ook al op rij ${earlier}`);
    else seen.set(code, row);
    municipalities.push({ code, name });
  }
  if (!problems.list.length && municipalities.length === 0)
    problems.row(2, 'er staan geen gemeenten onder de kolomkoppen', 'empty');
  problems.throwIfAny();
  return { year: listYearOf, sourceFile: file.name.slice(0, 200), municipalities };
}

export interface CbsListStatus {
  loaded: boolean;
  year: number | null;
  sourceFile: string | null;
  importedAt: string | null;
  municipalities: Array<{ code: string; name: string }>;
}

/** The list as it is loaded (empty and `loaded: false` while none is), by name. */
export async function cbsListStatus(db: Db): Promise<CbsListStatus> {
  const rows = await db.select().from(cbsMunicipalities).orderBy(asc(cbsMunicipalities.name));
  const first = rows[0];
  return {
    loaded: rows.length > 0,
    year: first?.listYear ?? null,
    sourceFile: first?.sourceFile ?? null,
    importedAt: first ? first.importedAt.toISOString() : null,
    municipalities: rows.map(({ code, name }) => ({ code, name })),
  };
}

/**
 * Replaces the loaded list with this one, all or nothing: the newest list wins, so a list of an earlier year than the
 * one loaded is refused; the same year again replaces it (a corrected file, or the same one read twice).
 */
export async function importCbsList(db: Db, actor: Actor | null, list: CbsList): Promise<CbsListStatus> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ year: sql<number | null>`max(${cbsMunicipalities.listYear})` })
      .from(cbsMunicipalities);
    const loadedYear = current?.year === null || current?.year === undefined ? null : Number(current.year);
    if (loadedYear !== null && list.year < loadedYear)
      throw fieldError(
        'year',
        `er is al een lijst van ${loadedYear} ingelezen; een lijst van ${list.year} is ouder en vervangt die niet`,
        ErrorCode.Conflict,
        'older',
      );
    await tx.delete(cbsMunicipalities);
    for (let i = 0; i < list.municipalities.length; i += 500)
      await tx
        .insert(cbsMunicipalities)
        .values(
          list.municipalities
            .slice(i, i + 500)
            .map((m) => ({ ...m, listYear: list.year, sourceFile: list.sourceFile })),
        );
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'cbs-municipalities',
      entityId: String(list.year),
      regionId: null,
      after: { year: list.year, sourceFile: list.sourceFile, municipalities: list.municipalities.length },
    });
    return cbsListStatus(tx);
  });
}

/**
 * With a list loaded, a municipality code that is not on it is refused unless the request says it is new to the list
 * (`unlisted`: a municipality after a merger that CBS's list does not know yet). Without a list, the code's form is
 * all that is checked (the schema does that).
 */
export async function assertListedMunicipality(db: Db, code: string, unlisted = false): Promise<void> {
  if (unlisted) return;
  const [row] = await db
    .select({
      year: sql<number | null>`(select max(${cbsMunicipalities.listYear}) from ${cbsMunicipalities})`,
      listed: sql<boolean>`exists (select 1 from ${cbsMunicipalities} where ${cbsMunicipalities.code} = ${code})`,
    })
    .from(sql`(select 1) as one`);
  if (!row || row.year === null || row.listed) return;
  throw fieldError(
    'cbsCode',
    `gemeentecode ${code} staat niet op de CBS-lijst van ${Number(row.year)}; is het een nieuwe gemeente die de lijst nog niet kent, geef dan aan dat u haar toch toevoegt`,
    ErrorCode.Validation,
    'unlisted',
  );
}
