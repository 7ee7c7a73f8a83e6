import { sql, type SQL } from 'drizzle-orm';
import { aggregateTrajectories, earlyReasons, nonEndingReasons, num, percent, perPlanReasons, type KpiContext, type KpiModule } from './kpi-module.js';
import type { Db } from '../../../db/client.js';

const list = (codes: string[]) => sql.join(codes.map((c) => sql`${c}`), sql`, `);

/** Trajectories whose ending counts (not 20 or 37) with the end in the period; the share whose reason is in `reasons`. */
async function shareOfEndings(db: Db, ctx: KpiContext, reasons: SQL) {
  const rows = await aggregateTrajectories<{ youths: number; ended: number; hit: number }>(db, ctx,
    sql`count(distinct t.client)::int as youths, count(*)::int as ended, (count(*) filter (where t.end_reason in (${reasons})))::int as hit`,
    sql`t.end_date between ${ctx.from}::date and ${ctx.to}::date and coalesce(t.end_reason, '') not in (${list(nonEndingReasons)})`,
    ctx);
  return rows.map((r) => ({ grp: r.grp, youths: num(r.youths), numerator: num(r.hit), denominator: num(r.ended), value: percent(num(r.hit), num(r.ended)) }));
}

/** Uitval (harmonised outcome set 1): the share of endings that were early, reasons 32–35. */
export const dropout: KpiModule = {
  id: 'dropout',
  compute: (db, ctx) => shareOfEndings(db, ctx, list(earlyReasons)),
};

/** Beëindigd volgens plan (CBS): reason 31, or 39 moving on to another domain (CBS counts turning 18 there too). */
export const endedPerPlan: KpiModule = {
  id: 'ended_per_plan',
  compute: (db, ctx) => shareOfEndings(db, ctx, list(perPlanReasons)),
};

/** Gemiddelde verblijfsduur: mean days from start to end (both counted) of trajectories with stay ended in the period. */
export const lengthOfStay: KpiModule = {
  id: 'length_of_stay',
  async compute(db, ctx) {
    const rows = await aggregateTrajectories<{ youths: number; ended: number; days: number }>(db, ctx,
      sql`count(distinct t.client)::int as youths, count(*)::int as ended, sum(t.end_date - t.start_date + 1)::bigint as days`,
      sql`t.with_stay and t.end_date between ${ctx.from}::date and ${ctx.to}::date and coalesce(t.end_reason, '') not in (${list(nonEndingReasons)})`,
      ctx);
    return rows.map((r) => ({
      grp: r.grp, youths: num(r.youths), numerator: num(r.days), denominator: num(r.ended),
      value: num(r.ended) > 0 ? Math.round((10 * num(r.days)) / num(r.ended)) / 10 : null,
    }));
  },
};

/**
 * Gemeten wachttijd: the median of days from the request (JW315), or else the allocation (JW301), to the start
 * (JW305), over trajectories that started in the period; care started before its allocation waited 0 days.
 */
export const waitDays: KpiModule = {
  id: 'wait_days',
  async compute(db, ctx) {
    const rows = await aggregateTrajectories<{ youths: number; started: number; median: number | null }>(db, ctx,
      sql`count(distinct t.client)::int as youths, count(*)::int as started,
        percentile_cont(0.5) within group (order by greatest(0, t.start_date - coalesce(t.request_date, t.allocation_date))) as median`,
      sql`t.start_date between ${ctx.from}::date and ${ctx.to}::date and coalesce(t.request_date, t.allocation_date) is not null`,
      ctx);
    return rows.map((r) => ({ grp: r.grp, youths: num(r.youths), numerator: null, denominator: num(r.started), value: r.median === null ? null : Math.round(Number(r.median) * 10) / 10 }));
  },
};
