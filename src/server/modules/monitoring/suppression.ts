import type { KpiCell } from '../../../shared/kpi.js';

/**
 * Small-number protection for published figures (docs/kpi.md): a cell standing for 1 … threshold − 1 youths loses
 * all its numbers. While the total is shown, subtracting the shown rows from it gives the withheld rows together: so
 * at least two rows are withheld and together they stand for at least `threshold` youths, adding the rows with the
 * next fewest youths until they do. The previous period's column is protected the same way with its own youth counts.
 */
export interface RawCell extends Omit<KpiCell, 'suppressed'> {
  youths: number;
  previousYouths: number | null;
}

const isSmall = (youths: number | null, threshold: number) => youths !== null && youths > 0 && youths < threshold;

function hideCurrent(cell: KpiCell): KpiCell {
  return {
    ...cell,
    value: null,
    previous: null,
    numerator: null,
    denominator: null,
    youths: null,
    budget: cell.budget === undefined ? undefined : null,
    target: null,
    suppressed: true,
  };
}

function protect<T>(
  cells: T[],
  total: T,
  threshold: number,
  youths: (c: T) => number | null,
  hide: (c: T) => T,
): { rows: T[]; total: T } {
  const hiddenTotal = isSmall(youths(total), threshold);
  const hidden = new Set(cells.filter((c) => isSmall(youths(c), threshold)));
  if (!hiddenTotal && hidden.size > 0) {
    const next = cells
      .filter((c) => !hidden.has(c) && (youths(c) ?? 0) > 0)
      .sort((a, b) => (youths(a) ?? 0) - (youths(b) ?? 0));
    let together = [...hidden].reduce((n, c) => n + (youths(c) ?? 0), 0);
    for (const c of next) {
      if (hidden.size >= 2 && together >= threshold) break;
      hidden.add(c);
      together += youths(c) ?? 0;
    }
  }
  return { rows: cells.map((c) => (hidden.has(c) ? hide(c) : c)), total: hiddenTotal ? hide(total) : total };
}

export function suppressCells(total: RawCell, rows: RawCell[], threshold: number): { total: KpiCell; rows: KpiCell[] } {
  const toCell = ({ previousYouths: _p, ...c }: RawCell): KpiCell => ({ ...c, suppressed: false });
  // The previous period first, on the raw counts; then the current period.
  const prev = protect(
    rows,
    total,
    threshold,
    (c) => c.previousYouths,
    (c) => ({ ...c, previous: null, previousSuppressed: true }),
  );
  const current = protect(prev.rows.map(toCell), toCell(prev.total), threshold, (c) => c.youths, hideCurrent);
  return current;
}
