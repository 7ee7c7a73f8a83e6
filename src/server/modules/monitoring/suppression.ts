import type { KpiCell } from '../../../shared/kpi.js';

/**
 * Small-number protection for published figures (docs/kpi.md): a cell standing for 1 … threshold − 1 youths loses
 * all its numbers; when exactly one row of a result is withheld while the total is shown, the row with the next fewest
 * youths is withheld too, so the hidden one cannot be found by subtracting the others from the total. The previous
 * period's column is protected the same way with its own youth counts.
 */
export interface RawCell extends Omit<KpiCell, 'suppressed'> {
  youths: number;
  previousYouths: number | null;
}

const isSmall = (youths: number | null, threshold: number) => youths !== null && youths > 0 && youths < threshold;

function hideCurrent(cell: KpiCell): KpiCell {
  return { ...cell, value: null, previous: null, numerator: null, denominator: null, youths: null, budget: cell.budget === undefined ? undefined : null, target: null, suppressed: true };
}

function protect<T>(cells: T[], total: T, small: (c: T) => boolean, youths: (c: T) => number | null, hide: (c: T) => T): { rows: T[]; total: T } {
  const hiddenTotal = small(total);
  const hidden = new Set(cells.filter(small));
  if (!hiddenTotal && hidden.size === 1 && cells.length > 1) {
    const next = cells.filter((c) => !hidden.has(c) && (youths(c) ?? 0) > 0).sort((a, b) => (youths(a) ?? 0) - (youths(b) ?? 0))[0];
    if (next) hidden.add(next);
  }
  return { rows: cells.map((c) => (hidden.has(c) ? hide(c) : c)), total: hiddenTotal ? hide(total) : total };
}

export function suppressCells(total: RawCell, rows: RawCell[], threshold: number): { total: KpiCell; rows: KpiCell[] } {
  const toCell = ({ previousYouths: _p, ...c }: RawCell): KpiCell => ({ ...c, suppressed: false });
  // The previous period first, on the raw counts; then the current period.
  const prev = protect(rows, total, (c) => isSmall(c.previousYouths, threshold), (c) => c.previousYouths, (c) => ({ ...c, previous: null, previousSuppressed: true }));
  const current = protect(prev.rows.map(toCell), toCell(prev.total), (c) => isSmall(c.youths, threshold), (c) => c.youths, hideCurrent);
  return current;
}
