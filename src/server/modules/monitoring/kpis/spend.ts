import { sql, type SQL } from 'drizzle-orm';
import type { KpiGroupBy } from '../../../../shared/kpi.js';
import { queryRows, type Db } from '../../../db/client.js';
import { addDays, addMonths, daysBetween } from '../period.js';
import { moneyCellList, moneyCells, type MoneyCellKind } from '../fact-cells.js';
import { moneyMonthsBack } from '../facts-money.js';
import { paidByIjw } from '../../landscape/index.js';
import { type KpiContext, type KpiFigures, type KpiModule, type KpiRow, type Span } from './kpi-module.js';
import { cellDimensions, num } from './counting.js';

/** Money can also be grouped by budget line (the line whose productcategorieën hold the prestatie's category). */
export const moneyGroupings: readonly KpiGroupBy[] = [
  'region',
  'municipality',
  'provider',
  'productCategory',
  'lot',
  'budgetLine',
];

/** The groupings of money, and one of its own: a budget line in a municipality (key `ZIN:0321`), to find lines over. */
type MoneyGroupBy = KpiGroupBy | 'municipalityLine';

/** The group of a money fact or monthly sum `r` (both have these columns). */
function groupOf(groupBy: MoneyGroupBy, r: string): SQL {
  switch (groupBy) {
    case 'municipalityLine':
      return sql.raw(`${r}.municipality_code || ':' || coalesce(${r}.budget_line, '–')`);
    case 'municipality':
      return sql.raw(`${r}.municipality_code`);
    case 'provider':
      return sql.raw(`${r}.provider_agb`);
    case 'productCategory':
      return sql.raw(`${r}.product_category`);
    case 'lot':
      return sql.raw(`coalesce(${r}.lot, '–')`);
    case 'budgetLine':
      return sql.raw(`coalesce(${r}.budget_line, '–')`);
    default:
      return sql`'region'`;
  }
}

/**
 * The filters on a money fact or monthly sum `r`, and its group (sorted in byte order, which is faster than the database
 * collation: a C.UTF-8 server compares with strcoll; the groups are the same).
 */
function scope(ctx: KpiContext, r: string): { where: SQL; grp: SQL } {
  const f = ctx.filters;
  const column = (name: string) => sql.raw(`${r}.${name}`);
  return {
    grp: sql`${groupOf(ctx.groupBy, r)} collate "C"`,
    where: sql`${column('municipality_code')} = any(${sql.param(ctx.municipalities)}::text[])
      ${f.municipality ? sql`and ${column('municipality_code')} = ${f.municipality}` : sql``}
      ${f.provider ? sql`and ${column('provider_agb')} = ${f.provider}` : sql``}
      ${f.productCategory ? sql`and ${column('product_category')} = ${f.productCategory}` : sql``}
      ${f.lot ? sql`and ${column('lot')} = ${f.lot}` : sql``}`,
  };
}

/** JW323 prestaties of the region (kpi_money_facts) with their group key, prestatie begin in [from, to]. */
function scopedLines(ctx: KpiContext, from: string, to: string): SQL {
  const { where, grp } = scope(ctx, 'l');
  return sql`
    select l.amount_cents, l.youth as client, l.trajectory_start, l.trajectory_stop, l.allocation_end,
      ${sql.raw(moneyCellList.map((c) => `l.${c.previous}`).join(', '))}, ${grp} as grp
    from kpi_money_facts l
    where l.period_start between ${from}::date and ${to}::date and ${where}`;
}

/**
 * The budget per cell for [from, to]: each year's amount × the share of that year's days in the period. Only cells a
 * budget is kept for (region, municipality, budget line) and only without provider, category or lot filters. Like with
 * like: only the lines iJw pays (paidByIjw: with productcategorieën, no ledger realisation booked that year), since the
 * figure beside it is what iJw declared.
 */
async function budgets(db: Db, ctx: KpiContext, from: string, to: string): Promise<Map<string | null, number> | null> {
  const f = ctx.filters;
  if (f.provider || f.productCategory || f.lot) return null;
  // Grouped by provider, category or lot the rows have no budget, but the total is the region's (or municipality's).
  const groupBy = ctx.groupBy as MoneyGroupBy;
  const perRow = ['region', 'municipality', 'budgetLine', 'municipalityLine'].includes(groupBy);
  const result = await db.execute(sql`
    select b.year, m.cbs_code, bl.code as line, b.amount::float8 as amount
    from budgets b join municipalities m on m.id = b.municipality_id join budget_lines bl on bl.id = b.budget_line_id
    where m.region_id = ${ctx.regionId}::uuid and b.year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
      and ${paidByIjw('b', 'bl')}
      ${f.municipality ? sql`and m.cbs_code = ${f.municipality}` : sql``}`);
  const out = new Map<string | null, number>();
  for (const r of (
    result as unknown as { rows: Array<{ year: number; cbs_code: string; line: string; amount: number }> }
  ).rows) {
    const yearFrom = `${r.year}-01-01`;
    const yearTo = `${r.year}-12-31`;
    const overlap = daysBetween(from > yearFrom ? from : yearFrom, to < yearTo ? to : yearTo) + 1;
    const share = (Number(r.amount) * overlap) / (daysBetween(yearFrom, yearTo) + 1);
    const key =
      groupBy === 'municipality'
        ? r.cbs_code
        : groupBy === 'budgetLine'
          ? r.line
          : groupBy === 'municipalityLine'
            ? `${r.cbs_code}:${r.line}`
            : 'region';
    if (perRow) out.set(key, (out.get(key) ?? 0) + share);
    out.set(null, (out.get(null) ?? 0) + share);
  }
  return out;
}

const euros = (cents: number) => Math.round(cents) / 100;
const sum = <T>(rows: T[], value: (row: T) => unknown) => rows.reduce((n, r) => n + num(value(r)), 0);

/** Joins the period's and the previous period's figures per cell, and puts each cell's budget beside them. */
function combine(
  current: Array<KpiFigures & { grp: string | null }>,
  previous: Array<KpiFigures & { grp: string | null }>,
  budget: Map<string | null, number> | null,
  previousBudget: Map<string | null, number> | null,
): KpiRow[] {
  const before = new Map(previous.map((r) => [r.grp, r]));
  const keys = new Set([...current.map((r) => r.grp), ...(budget?.keys() ?? [])]);
  const nothing = { youths: 0, value: 0, numerator: null, denominator: null };
  const found = new Map(current.map((r) => [r.grp, r]));
  // A municipality or budget line with a budget but nothing declared yet is a row too: 0 spent against its budget.
  return [...keys].map((grp) => {
    const r = found.get(grp) ?? { grp, ...nothing };
    const p = before.get(grp) ?? nothing;
    const budgetOf = (map: Map<string | null, number> | null) =>
      map && (grp === null || map.has(grp) || map.size > 1) ? Math.round(map.get(grp) ?? 0) : null;
    return { ...r, grp, budget: budgetOf(budget), previous: { ...p, budget: budgetOf(previousBudget) } };
  });
}

/**
 * The kind of cell (fact-cells.ts, moneyCells) whose first lines count the distinct youths in a cell fixed by the
 * filters and, for a group, its grouping: with at most one of those, that one (or the region); with more, none (null):
 * a finer cell.
 */
function cellKind(ctx: KpiContext, withGroup: boolean): (typeof moneyCells)[MoneyCellKind] | null {
  const dims = cellDimensions(ctx, withGroup);
  const dim = [...dims][0] ?? 'region';
  return dims.size <= 1 && dim !== 'cell' && Object.hasOwn(moneyCells, dim) ? moneyCells[dim as MoneyCellKind] : null;
}
const firstBefore = (column: string, from: string) =>
  sql`(${sql.identifier(column)} is null or ${sql.identifier(column)} < ${from}::date)`;

/** The number of months of [from, to] if it is whole months, at most moneyMonthsBack of them (kpi_money_months can sum it). */
function wholeMonths(from: string, to: string): number | null {
  if (!from.endsWith('-01') || !addDays(to, 1).endsWith('-01')) return null;
  const months =
    12 * (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return months <= moneyMonthsBack ? months : null;
}

/**
 * Per group the amount, the youths with a line there and the total's youths among them (each youth's first line in the
 * total's cell lies in one group). A period of whole months with at most one filter or grouping adds up the monthly
 * sums; otherwise the lines are read: the youths whose first line in the cell lies in the period, or (for a finer
 * cell) the youths among each finest cell's first lines, a fraction of the lines, counted distinct.
 */
async function declaredPerGroup(db: Db, ctx: KpiContext, period: Span) {
  const [cell, total] = [cellKind(ctx, true), cellKind(ctx, false)];
  if (cell && total && wholeMonths(period.from, period.to)) {
    const { where, grp } = scope(ctx, 'r');
    // The element of a first_* array for this period's start: months from the period's start to the row's month.
    const index = sql`(12 * (extract(year from r.month)::int - ${Number(period.from.slice(0, 4))})
      + extract(month from r.month)::int - ${Number(period.from.slice(5, 7))} + 1)`;
    const groups = await queryRows<{ grp: string; youths: number; total: number; cents: number }>(
      db,
      sql`
      select ${grp} as grp, sum(${sql.identifier(cell.first!)}[${index}])::int as youths,
        sum(${sql.identifier(total.first!)}[${index}])::int as total, sum(r.cents)::float8 as cents
      from kpi_money_months r where r.month between ${period.from}::date and ${period.to}::date and ${where}
      group by 1`,
    );
    return { groups, totalYouths: sum(groups, (g) => g.total) };
  }
  const lines = scopedLines(ctx, period.from, period.to);
  // One column to group by, so PostgreSQL aggregates in parallel.
  const groups = await queryRows<{ grp: string; youths: number; total: number; cents: number }>(
    db,
    sql`
    with lines as (${lines})
    select grp, ${cell ? sql`count(*) filter (where ${firstBefore(cell.previous, period.from)})` : sql`0`}::int as youths,
      ${total ? sql`count(*) filter (where ${firstBefore(total.previous, period.from)})` : sql`0`}::int as total, sum(amount_cents)::float8 as cents
    from lines group by grp`,
  );
  let totalYouths = sum(groups, (g) => g.total);
  if (!cell || !total) {
    const distinct = new Map(
      (
        await queryRows<{ grp: string | null; youths: number }>(
          db,
          sql`
      with lines as (${lines})
      select case when grouping(grp) = 1 then null else grp end as grp, count(distinct client)::int as youths
      from lines where ${firstBefore('previous_in_cell', period.from)} group by grouping sets ((grp), ())`,
        )
      ).map((r) => [r.grp, num(r.youths)]),
    );
    if (!cell) for (const g of groups) g.youths = distinct.get(g.grp) ?? 0;
    if (!total) totalYouths = distinct.get(null) ?? 0;
  }
  return { groups, totalYouths };
}

async function declared(db: Db, ctx: KpiContext, period: Span) {
  const { groups, totalYouths } = await declaredPerGroup(db, ctx, period);
  const rows: Array<{ grp: string | null; youths: number; cents: number }> = [
    ...groups,
    { grp: null, youths: totalYouths, cents: sum(groups, (g) => g.cents) },
  ];
  // By region the one group is the total: its youths are counted once, and the group is a copy of the total.
  return rows
    .filter((r) => ctx.groupBy !== 'region' || r.grp === null)
    .flatMap((r) => {
      const row = { grp: r.grp, youths: num(r.youths), value: euros(num(r.cents)), numerator: null, denominator: null };
      return ctx.groupBy === 'region' && row.youths ? [row, { ...row, grp: 'region' }] : [row];
    });
}

/** Uitgaven: the net amount declared (JW323, credits negative) for prestaties that began in the period. */
export const spend: KpiModule = {
  id: 'spend',
  groupings: moneyGroupings,
  async compute(db, ctx) {
    return combine(
      await declared(db, ctx, ctx.current),
      await declared(db, ctx, ctx.previous),
      await budgets(db, ctx, ctx.current.from, ctx.current.to),
      await budgets(db, ctx, ctx.previous.from, ctx.previous.to),
    );
  },
};

/** The last day of the latest month with a prestatie declared in the region: how far the money is known. */
async function declaredThrough(db: Db, ctx: KpiContext): Promise<string | null> {
  const [row] = await queryRows<{ last: string | null }>(
    db,
    sql`
    select (date_trunc('month', max(period_start)) + interval '1 month' - interval '1 day')::date::text as last
    from kpi_money_facts where municipality_code = any(${sql.param(ctx.municipalities)}::text[])`,
  );
  return row?.last ?? null;
}

/**
 * The forecast for the year of the period's end, as known at the period's end: declared so far that year, plus for
 * each trajectory still running then its run rate (declared over the last three calendar months ÷ their days) × its
 * days left in the year (to its allocation end). A period that runs past the months declared so far (the current
 * year, say) is seen from the end of the last declared month: its run rate, its running trajectories.
 */
async function forecast(db: Db, ctx: KpiContext, period: Span) {
  const year = period.to.slice(0, 4);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const known = await declaredThrough(db, ctx);
  const asOf = known !== null && known < period.to ? known : period.to;
  // Days are projected from the later of the moment of knowing and the year's start.
  const from = asOf < yearStart ? addDays(yearStart, -1) : asOf;
  // The three calendar months ending with that moment's month, whole: their prestaties cover whole months.
  const windowStart = addMonths(`${asOf.slice(0, 7)}-01`, -2);
  const windowDays = daysBetween(windowStart, addDays(addMonths(windowStart, 3), -1)) + 1;
  const soFar = await declared(db, ctx, { from: yearStart, to: period.to });
  // Only the window's prestaties carry a run rate, each while its allocation's trajectory runs then (kpi_money_facts keeps it).
  // Seen from the year's end, there are no days left to project.
  const result =
    from >= yearEnd
      ? []
      : await queryRows<{ grp: string | null; projected: number }>(
          db,
          sql`
    with lines as (${scopedLines(ctx, windowStart, asOf)})
    select case when grouping(grp) = 1 then null else grp end as grp,
      sum(amount_cents * greatest(least(coalesce(allocation_end, ${yearEnd}::date), ${yearEnd}::date) - ${from}::date, 0))::float8 as projected
    from lines
    where trajectory_start <= ${asOf}::date and (trajectory_stop is null or trajectory_stop > ${asOf}::date)
    group by grouping sets ((grp), ())`,
        );
  const projected = new Map(result.map((r) => [r.grp, num(r.projected)]));
  const rows = soFar.map((r) => ({
    grp: r.grp,
    youths: r.youths,
    numerator: r.value,
    denominator: null,
    value: Math.round(100 * ((r.value ?? 0) + (projected.get(r.grp) ?? 0) / windowDays / 100)) / 100,
  }));
  return { rows, budget: await budgets(db, ctx, yearStart, yearEnd) };
}

/**
 * The budget lines whose forecast exceeds their budget within the total's cell, in the region (`ZIN`) or in one of its
 * municipalities (`0321:ZIN`): a total may be under its budget while a line it covers is over, and must not then say
 * "gehaald".
 */
async function linesOver(db: Db, ctx: KpiContext, period: Span): Promise<string[]> {
  const over = async (groupBy: MoneyGroupBy) => {
    const cells = await forecast(db, { ...ctx, groupBy: groupBy as KpiGroupBy }, period);
    return cells.rows
      .filter((r) => r.grp !== null && cells.budget?.has(r.grp) && (r.value ?? 0) > (cells.budget.get(r.grp) ?? 0))
      .map((r) => r.grp!);
  };
  return [...(await over('budgetLine')), ...(await over('municipalityLine'))].sort();
}

/** Prognose jaareinde, beside the whole year's budget; the previous period's forecast as it stood then. */
export const spendForecast: KpiModule = {
  id: 'spend_forecast',
  groupings: moneyGroupings,
  async compute(db, ctx) {
    const [now, then] = [await forecast(db, ctx, ctx.current), await forecast(db, ctx, ctx.previous)];
    const rows = combine(now.rows, then.rows, now.budget, then.budget);
    // The total's budget is the sum of its lines' budgets only without provider, category or lot filters.
    if (now.budget === null) return rows;
    const over = await linesOver(db, ctx, ctx.current);
    // A municipality's row covers its own lines.
    const of = (r: KpiRow) =>
      r.grp === null ? over : ctx.groupBy === 'municipality' ? over.filter((o) => o.startsWith(`${r.grp}:`)) : [];
    return rows.map((r) => ({ ...r, linesOver: of(r) }));
  },
};
