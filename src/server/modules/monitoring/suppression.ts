import type { KpiCell, KpiUnit } from '../../../shared/kpi.js';
import { roundTo, type KpiRounding } from '../../../shared/kpi-disclosure.js';
import { percent } from './kpis/counting.js';
import type { KpiFigures } from './kpis/kpi-module.js';

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

/**
 * Complementary suppression for any kind of cell: the small cells are hidden, and while the total is shown enough
 * others with them that the withheld cells together stand for at least `threshold`. Used by the KPIs below and by the
 * Ervaringwijzer's results (answers instead of youths).
 */
export function protect<T>(
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

/**
 * One period's figures of a cell as published to a role without client-level access (docs/kpi.md, "Rounding"):
 * counts to `rounding.count`, euros to `rounding.euro`, shares and ratios computed from the rounded numerator and
 * denominator (so a share never tells more than the rounded counts), a sum of days withheld (the mean is published).
 * The youths behind the cell stay exact here: suppression decides on them, and roundYouths rounds them afterwards.
 */
export function roundFigures<T extends KpiFigures>(unit: KpiUnit, figures: T, rounding: KpiRounding): T {
  const count = (n: number | null) => (n === null ? null : roundTo(n, rounding.count));
  const euro = (n: number | null) => (n === null ? null : roundTo(n, rounding.euro));
  const [n, d] = [count(figures.numerator), count(figures.denominator)];
  switch (unit) {
    case 'youths':
      return { ...figures, value: count(figures.value), numerator: n, denominator: d };
    case 'percent':
      return { ...figures, numerator: n, denominator: d, value: n !== null && d ? percent(n, d) : null };
    case 'ratio':
      return {
        ...figures,
        numerator: n,
        denominator: d,
        value: n !== null && d ? Math.round((100 * n) / d) / 100 : null,
      };
    case 'days':
    case 'score':
      return { ...figures, numerator: null, denominator: d };
    case 'euro':
      return { ...figures, value: euro(figures.value), numerator: euro(figures.numerator), denominator: d };
    default:
      return figures;
  }
}

/** The youths behind each published cell, rounded as the counts are (after suppression has used the exact ones). */
export function roundYouths(cells: { total: KpiCell; rows: KpiCell[] }, rounding: KpiRounding) {
  const round = (c: KpiCell): KpiCell => (c.youths === null ? c : { ...c, youths: roundTo(c.youths, rounding.count) });
  return { total: round(cells.total), rows: cells.rows.map(round) };
}
