import { distinct, perGroup, type RefFilters, type RefGroupBy, type RefResult } from './crosscheck-cells.js';
import { dayOf, monthEndIso, plusMonths } from './crosscheck-data.js';
import type { Reference } from './crosscheck-reference.js';

/** The money KPIs of the independent reference (crosscheck-reference.ts): spend, the year-end forecast, the budget. */

/** Besteding: the prestaties' amounts in the period, with the budget beside them. */
export function referenceSpend(
  ref: Reference,
  filters: RefFilters,
  groupBy: RefGroupBy,
  from: string,
  to: string,
): RefResult {
  const lines = ref.scopedLines(filters, from, to);
  const result = perGroup(
    lines,
    (l) => ref.lineGroup(l, groupBy),
    (ls) => ({
      value: ls.reduce((s, l) => s + l.cents, 0) / 100,
      numerator: null,
      denominator: null,
      youths: distinct(ls),
    }),
  );
  return withBudget(result, referenceBudget(ref, filters, groupBy, from, to));
}

/**
 * Prognose jaareinde, literally: declared with prestatie begin in [1 Jan Y, L], plus per trajectory still running
 * after L its run rate (declared over the three calendar months ending with L's month ÷ the days of those months)
 * × its remaining days in Y (until its allocation end, or 31 Dec).
 */
export function referenceForecast(ref: Reference, filters: RefFilters, groupBy: RefGroupBy, to: string): RefResult {
  const year = Number(to.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  // Seen from the period's end, or from the end of the last month the region has prestaties for, if earlier.
  const last = ref.data.lines
    .filter((l) => ref.data.municipalities.has(l.municipality))
    .reduce((m, l) => (l.periodStart > m ? l.periodStart : m), '');
  const known = last ? monthEndIso(Number(last.slice(0, 4)), Number(last.slice(5, 7))) : null;
  const asOf = known !== null && known < to ? known : to;
  const fromDay = Math.max(dayOf(asOf), dayOf(yearStart) - 1);
  const windowFrom = plusMonths(`${asOf.slice(0, 7)}-01`, -2);
  const windowTo = monthEndIso(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)));
  const windowDays = dayOf(windowTo) - dayOf(windowFrom) + 1;
  const declared = ref.scopedLines(filters, yearStart, to);
  const projected = new Map<string, number>();
  for (const l of ref.scopedLines(filters, windowFrom, asOf)) {
    const t = ref.byAllocation.get(`${l.municipality}|${l.allocationNumber}`);
    if (!t || t.start === null || t.start > asOf || (t.end !== null && t.end <= asOf)) continue;
    if (t.allocationEnd !== null && t.allocationEnd <= asOf) continue;
    const until = t.allocationEnd !== null && t.allocationEnd < yearEnd ? t.allocationEnd : yearEnd;
    const remaining = Math.max(0, dayOf(until) - fromDay);
    const g = ref.lineGroup(l, groupBy);
    const cents = (l.cents * remaining) / windowDays;
    projected.set(g, (projected.get(g) ?? 0) + cents);
    projected.set('\u0000total', (projected.get('\u0000total') ?? 0) + cents);
  }
  const result = perGroup(
    declared,
    (l) => ref.lineGroup(l, groupBy),
    (ls) => {
      const cents = ls.reduce((s, l) => s + l.cents, 0);
      return { value: cents / 100, numerator: cents / 100, denominator: null, youths: distinct(ls) };
    },
  );
  for (const [k, c] of result) c.value = (c.value ?? 0) + (projected.get(k ?? '\u0000total') ?? 0) / 100;
  for (const [k, cents] of projected) {
    // A trajectory with run rate but nothing declared since 1 January (its window lies before the year).
    if (k !== '\u0000total' && !result.has(k))
      result.set(k, { value: cents / 100, numerator: 0, denominator: null, youths: 0 });
  }
  return withBudget(result, referenceBudget(ref, filters, groupBy, yearStart, yearEnd));
}

/**
 * The budget for [from, to] per cell: each year's amount × (days of that year in the period ÷ days in the year), of
 * the lines iJw pays.
 */
export function referenceBudget(
  ref: Reference,
  filters: RefFilters,
  groupBy: RefGroupBy,
  from: string,
  to: string,
): Map<string | null, number> | null {
  if (filters.provider || filters.productCategory || filters.lot) return null;
  // Rows by provider, category or lot have no budget; their total is still the region's (or municipality's).
  const perRow = ['region', 'municipality', 'budgetLine'].includes(groupBy);
  const out = new Map<string | null, number>([[null, 0]]);
  // Like with like: only the lines iJw pays (with productcategorieën; these worlds book no ledger realisation).
  const paid = new Set(ref.data.budgetLines.filter((l) => l.categories.length > 0).map((l) => l.code));
  for (const b of ref.data.budgets) {
    if (filters.municipality && b.municipality !== filters.municipality) continue;
    if (!paid.has(b.line)) continue;
    const yearFrom = `${b.year}-01-01`;
    const yearTo = `${b.year}-12-31`;
    const first = from > yearFrom ? from : yearFrom;
    const last = to < yearTo ? to : yearTo;
    if (first > last) continue;
    const share = (b.amount * (dayOf(last) - dayOf(first) + 1)) / (dayOf(yearTo) - dayOf(yearFrom) + 1);
    const key = groupBy === 'municipality' ? b.municipality : groupBy === 'budgetLine' ? b.line : 'region';
    if (perRow) out.set(key, (out.get(key) ?? 0) + share);
    out.set(null, (out.get(null) ?? 0) + share);
  }
  return out;
}

function withBudget(result: RefResult, budget: Map<string | null, number> | null): RefResult {
  if (!budget) {
    for (const c of result.values()) c.budget = null;
    return result;
  }
  const perRow = [...budget.keys()].some((k) => k !== null);
  for (const k of budget.keys())
    if (!result.has(k)) result.set(k, { value: 0, numerator: null, denominator: null, youths: 0 });
  for (const [k, c] of result) c.budget = k === null || perRow ? (budget.get(k) ?? 0) : null;
  return result;
}
