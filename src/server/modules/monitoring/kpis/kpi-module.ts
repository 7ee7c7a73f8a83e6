import { sql, type SQL } from 'drizzle-orm';
import type { KpiFilters, KpiGroupBy, KpiId } from '../../../../shared/kpi.js';
import type { Db } from '../../../db/client.js';

/** What every KPI query gets: the region, the period [from, to] (inclusive ISO dates), the grouping and the filters. */
export interface KpiContext {
  regionId: string;
  from: string;
  to: string;
  groupBy: KpiGroupBy;
  filters: KpiFilters;
  /** The latest start or end date in the region's data; follow-up windows must end before it. */
  dataDate: string | null;
}

/** One cell as a KPI computes it, before suppression and presentation. `grp` null is the total. */
export interface KpiRow {
  grp: string | null;
  youths: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  budget?: number | null;
}

export interface KpiModule {
  id: KpiId;
  /** Groupings this KPI supports (default: all but budgetLine, which only money has). */
  groupings?: readonly KpiGroupBy[];
  /** The rows per group and the total; null when the region has no data this KPI needs. */
  compute(db: Db, ctx: KpiContext): Promise<KpiRow[] | null>;
}

export const trajectoryGroupings: readonly KpiGroupBy[] = ['region', 'municipality', 'provider', 'productCategory', 'lot'];

/** Reasons that end nothing (20 tijdelijk beëindigd, 37 wijzigingsverzoek): the care goes on. */
export const nonEndingReasons = ['20', '37'];
export const earlyReasons = ['32', '33', '34', '35'];
export const perPlanReasons = ['31', '39'];

const date = (d: string) => sql`${d}::date`;

/** The group key of a scoped trajectory (alias t). */
function trajectoryGroup(groupBy: KpiGroupBy): SQL {
  switch (groupBy) {
    case 'municipality': return sql`tr.municipality_code`;
    case 'provider': return sql`tr.provider_agb`;
    case 'productCategory': return sql`coalesce(tr.product_category, '–')`;
    case 'lot': return sql`coalesce(lo.code, '–')`;
    default: return sql`'region'`;
  }
}

/**
 * The trajectories in scope (region, filters) that started, with their group key, whether they have stay and the
 * stay form, as CTE body `t`. `window` narrows to those that could touch [from, to] so queries read less.
 */
export function scopedTrajectories(ctx: KpiContext, window?: { from: string; to: string }): SQL {
  const f = ctx.filters;
  return sql`
    select tr.id, tr.client_pseudonym as client, ${trajectoryGroup(ctx.groupBy)} as grp, tr.municipality_code, tr.provider_agb,
      tr.product_category, tr.product_code, tr.start_date, tr.end_date, tr.end_reason, tr.request_date, tr.allocation_date,
      tr.allocation_end, tr.allocation_number, tr.birth_year,
      coalesce(p.with_stay, tr.product_category in ('43', '44')) as with_stay, p.stay_form
    from ijw_trajectories tr
    join municipalities m on m.cbs_code = tr.municipality_code and m.region_id = ${ctx.regionId}::uuid
    left join products p on p.region_id = ${ctx.regionId}::uuid and p.product_code = tr.product_code
    left join lots lo on lo.id = p.lot_id
    where tr.start_date is not null
      ${window ? sql`and tr.start_date <= ${date(window.to)} and (tr.end_date is null or tr.end_date >= ${date(window.from)})` : sql``}
      ${f.municipality ? sql`and tr.municipality_code = ${f.municipality}` : sql``}
      ${f.provider ? sql`and tr.provider_agb = ${f.provider}` : sql``}
      ${f.productCategory ? sql`and tr.product_category = ${f.productCategory}` : sql``}
      ${f.lot ? sql`and lo.code = ${f.lot}` : sql``}`;
}

/** Predicate: trajectory alias `t` is in care on some day of [from, to]. */
export function inCare(from: string, to: string): SQL {
  return sql`(t.start_date <= ${date(to)} and (t.end_date is null or t.end_date >= ${date(from)}))`;
}

/**
 * Counts youths per cell from per-youth flags: first one row per youth per group and one per youth overall (the total
 * counts each youth once) holding `bool_or` of each trajectory flag, then per cell the youths for whom each count's
 * condition (over those flags, referenced as y.<flag>) holds.
 */
export async function countYouths<C extends string>(db: Db, ctx: KpiContext, window: { from: string; to: string }, flags: Record<string, SQL>, counts: Record<C, SQL>):
Promise<Array<{ grp: string | null } & Record<C, number>>> {
  const perYouth = sql.join(Object.entries(flags).map(([n, f]) => sql`bool_or(${f}) as ${sql.identifier(n)}`), sql`, `);
  const perCell = sql.join(Object.entries(counts).map(([n, c]) => sql`(count(*) filter (where ${c as SQL}))::int as ${sql.identifier(n)}`), sql`, `);
  const result = await db.execute(sql`
    with t as (${scopedTrajectories(ctx, window)}),
    y as (select t.client, t.grp, ${perYouth} from t group by grouping sets ((t.client, t.grp), (t.client)))
    select y.grp, ${perCell} from y group by y.grp`);
  return (result as unknown as { rows: Array<{ grp: string | null } & Record<C, number>> }).rows;
}

/** Runs an aggregate over scoped trajectories for each group and for the total in one pass (grouping sets). */
export async function aggregateTrajectories<R extends Record<string, unknown>>(db: Db, ctx: KpiContext, select: SQL, where: SQL, window?: { from: string; to: string }): Promise<Array<R & { grp: string | null }>> {
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
