/** The cells of the independent KPI reference (crosscheck-reference.ts) and the grouping they share. */

export type RefGroupBy = 'region' | 'municipality' | 'provider' | 'productCategory' | 'lot' | 'budgetLine';
export interface RefFilters {
  municipality?: string;
  provider?: string;
  productCategory?: string;
  lot?: string;
}
export interface RefCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  youths: number;
  budget?: number | null;
}
/** Cells by group key; `null` is the total. */
export type RefResult = Map<string | null, RefCell>;

export const distinct = (ts: Iterable<{ client: string }>) => new Set([...ts].map((t) => t.client)).size;
export const pct = (n: number, d: number) => (d > 0 ? (100 * n) / d : null);
export const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Applies `cell` to all items (the total, key null) and to each group's items. */
export function perGroup<T>(items: T[], key: (x: T) => string, cell: (xs: T[]) => RefCell): RefResult {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(x);
  }
  const out: RefResult = new Map([[null, cell(items)]]);
  for (const [k, xs] of groups) out.set(k, cell(xs));
  return out;
}
