import { goalFileColumns, goalMeasures, type GoalAnswers } from '../../../shared/outcomes.js';
import type { InvalidParam } from '../../http/errors.js';

/** One row of a goal-attainment file that passed the checks of its own cells. */
export interface GoalRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  municipalityCode: string;
  allocationNumber: string;
  answers: GoalAnswers;
}

/** The spreadsheet column letter of a 0-based column (A, B, … E). */
export const columnLetter = (column: number) => String.fromCharCode(65 + column);

/** A field error for one cell, named as a spreadsheet user finds it: "rij 3, kolom D (problemen_verminderd)". */
export function cellError(row: number, column: number, reason: string): InvalidParam {
  return {
    name: `rij ${row}, kolom ${columnLetter(column)} (${goalFileColumns[column]})`,
    code: 'invalid',
    reason,
  };
}

/** An allocation number as iJw has it (LDT_Nummer: an integer of at most 9 digits). */
const allocationNumber = /^\d{1,9}$/;

/**
 * Checks a goal-attainment file's rows (header first) cell by cell, without the database: the header, the
 * municipality's CBS code (leading zeros a spreadsheet dropped are restored), the allocation number, each measure's
 * answer (case and surrounding spaces do not matter) and that no allocation appears twice. Entirely empty rows are
 * skipped. Returns the rows that passed and an error per wrong cell; the caller stores nothing when there is any.
 */
export function checkGoalRows(rows: string[][]): { rows: GoalRow[]; errors: InvalidParam[] } {
  const [head = [], ...body] = rows;
  const errors: InvalidParam[] = [];
  goalFileColumns.forEach((name, i) => {
    if ((head[i] ?? '').trim().toLowerCase() !== name)
      errors.push({ name: `rij 1, kolom ${columnLetter(i)}`, code: 'header', reason: `kolomkop moet "${name}" zijn` });
  });
  if (errors.length) return { rows: [], errors };
  const out: GoalRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const before = errors.length;
    const code = (cells[0] ?? '').trim();
    const municipalityCode = /^\d{1,4}$/.test(code) ? code.padStart(4, '0') : '';
    if (!municipalityCode) errors.push(cellError(row, 0, `"${code}" is geen CBS-gemeentecode van 4 cijfers`));
    const number = (cells[1] ?? '').trim();
    if (!allocationNumber.test(number))
      errors.push(
        cellError(
          row,
          1,
          number ? `"${number}" is geen toewijzingnummer (hoogstens 9 cijfers)` : 'toewijzingnummer ontbreekt',
        ),
      );
    const answers: Record<string, string> = {};
    goalMeasures.forEach((measure, m) => {
      const text = (cells[2 + m] ?? '').trim().toLowerCase();
      if ((measure.options as readonly string[]).includes(text)) answers[measure.key] = text;
      else
        errors.push(
          cellError(
            row,
            2 + m,
            `${measure.code}: ${text ? `"${text}" is geen antwoord` : 'antwoord ontbreekt'}; kies ${measure.options.join(', ')}`,
          ),
        );
    });
    if (errors.length > before) return;
    const key = `${municipalityCode}|${number}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(cellError(row, 1, `toewijzing ${number} staat ook in rij ${first}`));
      return;
    }
    seen.set(key, row);
    out.push({ row, municipalityCode, allocationNumber: number, answers: answers as unknown as GoalAnswers });
  });
  return { rows: out, errors };
}
