import { sql, type SQL } from 'drizzle-orm';
import type { KpiFilters, KpiGroupBy, KpiId } from '../../../../shared/kpi.js';
import type { Db } from '../../../db/client.js';

export interface Span {
  from: string;
  to: string;
}

/** What every KPI query gets: the region, the period and the one before it, the grouping and the filters. */
export interface KpiContext {
  regionId: string;
  /** The region's municipalities (CBS codes): a list PostgreSQL tests with a hash table, cheaper than a join per row. */
  municipalities: string[];
  current: Span;
  previous: Span;
  groupBy: KpiGroupBy;
  filters: KpiFilters;
  /** The latest start or end date in the data; follow-up windows must end before it. */
  dataDate: string | null;
}

export interface KpiFigures {
  youths: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  budget?: number | null;
}

/** One cell as a KPI computes it, for the period and the previous one, before suppression. `grp` null is the total. */
export interface KpiRow extends KpiFigures {
  grp: string | null;
  previous: KpiFigures | null;
}

export interface KpiModule {
  id: KpiId;
  /** Groupings this KPI supports (default: all but budgetLine, which only money has). */
  groupings?: readonly KpiGroupBy[];
  /** The rows per group and the total, each with the previous period; null when the region lacks the data. */
  compute(db: Db, ctx: KpiContext): Promise<KpiRow[] | null>;
}

/** The two periods a query covers, tagged for column names: c(urrent) and p(revious). */
export const periodTags = ['c', 'p'] as const;
export type PeriodTag = (typeof periodTags)[number];
export const spanOf = (ctx: KpiContext, tag: PeriodTag): Span => (tag === 'c' ? ctx.current : ctx.previous);
/** From the start of the previous period to the end of the current one, widened by `days` on both sides. */
export function bothPeriods(ctx: KpiContext, days = 0): Span {
  const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return { from: shift(ctx.previous.from, -days), to: shift(ctx.current.to, days) };
}

/** Builds a row with the previous period's figures from columns named <name>_c and <name>_p. */
export function pairRows(rows: Array<Record<string, unknown> & { grp: string | null }>, figures: (r: Record<string, unknown>, tag: PeriodTag) => KpiFigures): KpiRow[] {
  return rows.map((r) => ({ grp: r.grp, ...figures(r, 'c'), previous: figures(r, 'p') }));
}

export const trajectoryGroupings: readonly KpiGroupBy[] = ['region', 'municipality', 'provider', 'productCategory', 'lot'];

/** Reasons that end nothing (20 tijdelijk beëindigd, 37 wijzigingsverzoek): the care goes on. */
export const nonEndingReasons = ['20', '37'];
export const earlyReasons = ['32', '33', '34', '35'];
export const perPlanReasons = ['31', '39'];

const date = (d: string) => sql`${d}::date`;

/** The group key of a scoped trajectory. */
function trajectoryGroup(groupBy: KpiGroupBy): SQL {
  switch (groupBy) {
    case 'municipality': return sql`f.municipality_code`;
    case 'provider': return sql`f.provider_agb`;
    case 'productCategory': return sql`coalesce(f.product_category, '–')`;
    case 'lot': return sql`coalesce(lo.code, '–')`;
    default: return sql`'region'`;
  }
}

/**
 * The trajectories in scope (region, filters) from kpi_trajectory_facts, with their group key, whether they have
 * stay and the stay form (from the region's products, so a change there counts at once), as CTE body `t`; the youth
 * is column `client`. `window` narrows to trajectories that touch it. `alone`: the youth has no other trajectory
 * (in or out of scope) that touches the window, so this one counts the youth once without a distinct count.
 */
export function scopedTrajectories(ctx: KpiContext, window: Span, withContracts = false): SQL {
  const f = ctx.filters;
  return sql`
    select ${withContracts ? sql`c.periods as contracted, ` : sql``}f.youth as client, ${trajectoryGroup(ctx.groupBy)} as grp, f.municipality_code, f.provider_agb, f.product_category,
      f.product_code, f.start_date, f.end_date, f.end_reason, f.wait_days, f.birth_year, f.next_start,
      coalesce(p.with_stay, f.product_category in ('43', '44')) as with_stay, p.stay_form,
      coalesce(f.earlier_end < ${date(window.from)}, true) and coalesce(f.later_start > ${date(window.to)}, true) as alone
    from kpi_trajectory_facts f
    left join products p on p.region_id = ${ctx.regionId}::uuid and p.product_code = f.product_code
    left join lots lo on lo.id = p.lot_id
    ${withContracts ? sql`left join (${contractPeriods(ctx)}) c on c.agb_code = f.provider_agb` : sql``}
    where f.start_date <= ${date(window.to)} and (f.end_date is null or f.end_date >= ${date(window.from)})
      and f.municipality_code = any(${sql.param(ctx.municipalities)}::text[])
      ${f.municipality ? sql`and f.municipality_code = ${f.municipality}` : sql``}
      ${f.provider ? sql`and f.provider_agb = ${f.provider}` : sql``}
      ${f.productCategory ? sql`and f.product_category = ${f.productCategory}` : sql``}
      ${f.lot ? sql`and lo.code = ${f.lot}` : sql``}`;
}

/**
 * Per provider (AGB), the periods it had a contract with the region, directly or as a member of a contracted
 * combination, each to its latest extension: a date multirange, so each trajectory needs one lookup by a hash join.
 */
function contractPeriods(ctx: KpiContext): SQL {
  return sql`
    select pr.agb_code, range_agg(daterange(c.start_date,
      greatest(c.end_date, coalesce((select max(e.new_end_date) from contract_extensions e where e.contract_id = c.id), c.end_date)), '[]')) as periods
    from contracts c
    join providers pr on pr.id = c.provider_id
      or pr.id in (select cm.provider_id from combination_members cm where cm.combination_id = c.combination_id)
    where c.region_id = ${ctx.regionId}::uuid
    group by pr.agb_code`;
}

/** Predicate: trajectory alias `t` is in care on some day of [from, to]. */
export function inCare(from: string, to: string): SQL {
  return sql`(t.start_date <= ${date(to)} and (t.end_date is null or t.end_date >= ${date(from)}))`;
}

/**
 * Counts youths per cell from per-youth flags, and each youth once in the total, in one scan. A youth with one
 * trajectory in the window (most youths) is that trajectory's row: each count's condition (over the flags, referenced
 * as y.<flag>) is tested on it, per cell, and the total adds the cells up. The other youths get one row per youth per
 * cell holding `bool_or` of each flag, and one overall from those; then the youths whose flags meet each condition.
 * Grouping by cell and youth (a youth alone is no youth here), PostgreSQL scans and aggregates in parallel.
 */
export async function countYouths<C extends string>(db: Db, ctx: KpiContext, window: Span, flags: Record<string, SQL>, counts: Record<C, SQL>, withContracts = false):
Promise<Array<{ grp: string | null } & Record<C, number>>> {
  const each = <T>(record: Record<string, T>, f: (name: ReturnType<typeof sql.identifier>, value: T, key: string) => SQL) =>
    sql.join(Object.entries(record).map(([k, v]) => f(sql.identifier(k), v, k)), sql`, `);
  const rowCount = (k: string) => sql.identifier(`n_${k}`);
  // The planner cannot know how few youths share a window: it expects a group per trajectory and would sort them all.
  // Hashing the few groups there are is several times faster.
  await db.execute(sql`set local enable_sort = off`);
  const result = await db.execute(sql`
    with t as (${scopedTrajectories(ctx, window, withContracts)}),
    s as materialized (
      select y.grp, case when y.alone then null else y.client end as k,
        ${each(flags, (n) => sql`bool_or(y.${n}) as ${n}`)}, ${each(counts, (_, c, k) => sql`count(*) filter (where ${c as SQL}) as ${rowCount(k)}`)}
      from (select t.grp, t.client, t.alone, ${each(flags, (n, f) => sql`${f} as ${n}`)} from t) y
      group by 1, 2),
    cells as (
      select y.grp, ${each(counts, (n, c) => sql`count(*) filter (where ${c as SQL}) as ${n}`)} from s y where y.k is not null group by y.grp
      union all
      select null, ${each(counts, (n, c) => sql`count(*) filter (where ${c as SQL}) as ${n}`)}
      from (select k, ${each(flags, (n) => sql`bool_or(${n}) as ${n}`)} from s where k is not null group by k) y
      union all
      select grp, ${each(counts, (n, _, k) => sql`sum(${rowCount(k)}) as ${n}`)} from s where k is null group by grp
      union all
      select null, ${each(counts, (n, _, k) => sql`sum(${rowCount(k)}) as ${n}`)} from s where k is null)
    select grp, ${each(counts, (n) => sql`sum(${n})::int as ${n}`)} from cells group by grp`);
  await db.execute(sql`set local enable_sort to default`);
  return (result as unknown as { rows: Array<{ grp: string | null } & Record<C, number>> }).rows;
}

/** The number of distinct youths among the trajectories (alias t, from scopedTrajectories) for which `where` holds. */
export function youthsWhere(where: SQL): SQL {
  return sql`(count(*) filter (where ${where} and t.alone) + count(distinct t.client) filter (where ${where} and not t.alone))::int`;
}

/** Runs an aggregate over scoped trajectories for each group and for the total in one pass (grouping sets). */
export async function aggregateTrajectories<R extends Record<string, unknown>>(db: Db, ctx: KpiContext, select: SQL, where: SQL, window: Span): Promise<Array<R & { grp: string | null }>> {
  const result = await db.execute(sql`
    with t as (${scopedTrajectories(ctx, window)})
    select case when grouping(t.grp) = 1 then null else t.grp end as grp, ${select}
    from t where ${where}
    group by grouping sets ((t.grp), ())`);
  return (result as unknown as { rows: Array<R & { grp: string | null }> }).rows;
}

/** A share in percent with one decimal, or null without a denominator. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((1000 * numerator) / denominator) / 10 : null;
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
