import { goalFileColumns, goalFileMaxRows, goalMeasures } from '../../../shared/outcomes.js';
import type { Db } from '../../db/client.js';
import { readSpreadsheet, type Cell, type SpreadsheetTable } from '../../http/spreadsheet.js';
import type { Actor } from '../auth/index.js';
import { checkGoalRows } from './goal-rows.js';
import { listOwnEnded, refused, registerGoalRows, type GoalRegion } from './goals.service.js';

/**
 * The provider's quarterly file to fill in: a row per ended allocation (ending within the span when given), with
 * what it registered already, so the file sent back changes only what was filled in or changed.
 */
export async function goalTemplate(
  db: Db,
  actor: Actor,
  region: GoalRegion,
  span: { from?: string; to?: string },
): Promise<SpreadsheetTable> {
  const ended = await listOwnEnded(db, actor, region, span);
  const rows: Cell[][] = [
    [...goalFileColumns],
    ...ended.map((a) => [
      a.municipalityCode,
      a.allocationNumber,
      ...goalMeasures.map((m) => (a.registered ? a.registered[m.key] : null)),
    ]),
  ];
  const notes = [
    ...goalMeasures.map((m) => `${m.column} (${m.code}): ${m.question} Kies ${m.options.join(', ')}.`),
    'Elke rij is een beëindigde toewijzing van uw organisatie; vul alle drie de antwoorden in of laat de rij weg.',
  ];
  return {
    name: `doelrealisatie-${region.code}${span.from ? `-${span.from}` : ''}`,
    rows,
    sheet: 'Doelrealisatie',
    notes,
    widths: [10, 18, 20, 22, 22],
  };
}

/**
 * Reads a goal-attainment file (the template filled in, XLSX or CSV). Every cell and every allocation is checked;
 * when any row is wrong nothing is stored and the answer names each wrong cell by row and column. A file sent again
 * changes nothing.
 */
export async function importGoalFile(
  db: Db,
  actor: Actor,
  region: GoalRegion,
  file: { name: string; bytes: Uint8Array },
): Promise<{ saved: number; unchanged: number }> {
  const cells = await readSpreadsheet(file, {
    width: goalFileColumns.length,
    maxRows: goalFileMaxRows,
    hint: 'gebruik het sjabloon',
  });
  // The XLSX template's notes follow its rows after an empty row, in the first column only: the table ends there.
  // Any other empty row is skipped, and the rows after it are checked like the rest (never silently dropped).
  const blank = cells.findIndex((r, i) => i > 0 && r.every((c) => c === ''));
  const notesOnly =
    blank !== -1 && cells.slice(blank + 1).every((r) => !/^\d/.test(r[0] ?? '') && r.slice(1).every((c) => c === ''));
  const table = notesOnly ? cells.slice(0, blank) : cells;
  if (table.length > goalFileMaxRows + 1)
    throw refused([{ name: 'file', code: 'tooLong', reason: `hoogstens ${goalFileMaxRows} rijen per bestand` }]);
  const { rows, errors } = checkGoalRows(table);
  if (errors.length) throw refused(errors);
  if (!rows.length)
    throw refused([{ name: 'file', code: 'empty', reason: 'het bestand bevat geen rijen onder de kolomkoppen' }]);
  return registerGoalRows(db, actor, region, rows);
}
