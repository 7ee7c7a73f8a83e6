import { sql } from 'drizzle-orm';
import { addMonths } from '../period.js';
import { aggregateTrajectories, nonEndingReasons, num, percent, type KpiModule } from './kpi-module.js';

/**
 * Herhaald beroep (harmonised outcome set 3.2): of the trajectories that ended in the period (an ending that counts,
 * not death or a move to another provider) and whose follow-up window lies before the data date, the share after
 * which the same youth started youth care again within the window.
 */
function repeatCare(id: 'repeat_care_6m' | 'repeat_care_12m', months: number): KpiModule {
  return {
    id,
    async compute(db, ctx) {
      if (!ctx.dataDate) return [];
      // Only endings whose whole window has been observed: end + months ≤ data date.
      const lastEnd = addMonths(ctx.dataDate, -months);
      const to = lastEnd < ctx.to ? lastEnd : ctx.to;
      if (to < ctx.from) return [{ grp: null, youths: 0, numerator: 0, denominator: 0, value: null }];
      const excluded = [...nonEndingReasons, '02', '38'].map((c) => sql`${c}`);
      const rows = await aggregateTrajectories<{ youths: number; ended: number; again: number }>(db, ctx,
        sql`count(distinct t.client)::int as youths, count(*)::int as ended,
          (count(*) filter (where exists (
            select 1 from ijw_trajectories n where n.client_pseudonym = t.client and n.start_date > t.end_date
              and n.start_date <= (t.end_date + ${`${months} months`}::interval)::date)))::int as again`,
        sql`t.end_date between ${ctx.from}::date and ${to}::date and coalesce(t.end_reason, '') not in (${sql.join(excluded, sql`, `)})`,
        { from: ctx.from, to });
      return rows.map((r) => ({ grp: r.grp, youths: num(r.youths), numerator: num(r.again), denominator: num(r.ended), value: percent(num(r.again), num(r.ended)) }));
    },
  };
}

export const repeatCare6m = repeatCare('repeat_care_6m', 6);
export const repeatCare12m = repeatCare('repeat_care_12m', 12);
