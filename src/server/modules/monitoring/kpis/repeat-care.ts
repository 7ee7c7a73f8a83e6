import { sql } from 'drizzle-orm';
import {
  bothPeriods,
  pairRows,
  periodTags,
  spanOf,
  unfollowedReasons,
  type KpiModule,
  type PeriodTag,
} from './kpi-module.js';
import { followUpMonths } from '../../../../shared/kpi.js';
import { countFirstInCell, num, percent, tallyTrajectories } from './counting.js';

/**
 * Herhaald beroep (harmonised outcome set 3.2): of the trajectories that ended in the period (an ending that counts,
 * not death or a move to another provider) and whose follow-up window lies before the data date, the share after
 * which the same youth started youth care again within the window.
 */
function repeatCare(id: 'repeat_care_6m' | 'repeat_care_12m', months: number): KpiModule {
  return {
    id,
    async compute(db, ctx) {
      // Only endings whose whole window has been observed: end + months ≤ data date (month arithmetic clamps).
      const window = sql`(t.end_date + ${`${months} months`}::interval)::date`;
      const observed = ctx.dataDate ? sql`${window} <= ${ctx.dataDate}::date` : sql`false`;
      const endedIn = (tag: PeriodTag) =>
        sql`t.end_date between ${spanOf(ctx, tag).from}::date and ${spanOf(ctx, tag).to}::date and ${observed}`;
      const excluded = sql.join(
        unfollowedReasons.map((c) => sql`${c}`),
        sql`, `,
      );
      // The first start of any trajectory of the youth after this end (kept with the facts) within the window.
      const again = sql`t.next_start <= ${window}`;
      const where = sql`t.end_date between ${ctx.previous.from}::date and ${ctx.current.to}::date and coalesce(t.end_reason, '') not in (${excluded})`;
      // The youths behind the endings: by the first such ending in the cell in the period (observed if any is, as the
      // window only grows with the end), or grouped by youth.
      const rows =
        (
          await countFirstInCell(
            db,
            ctx,
            bothPeriods(ctx),
            (cell) =>
              Object.assign(
                {},
                ...periodTags.map((tag) => ({
                  [`ended_${tag}`]: endedIn(tag),
                  [`again_${tag}`]: sql`${endedIn(tag)} and ${again}`,
                  [`youths_${tag}`]: sql`${endedIn(tag)} and coalesce(${cell.earlierFollowedEnding} < ${spanOf(ctx, tag).from}::date, true)`,
                })),
              ),
            { only: where },
          )
        )?.rows ??
        (
          await tallyTrajectories(
            db,
            ctx,
            {
              sums: Object.assign(
                {},
                ...periodTags.map((tag) => ({
                  [`ended_${tag}`]: { when: endedIn(tag) },
                  [`again_${tag}`]: { when: sql`${endedIn(tag)} and ${again}` },
                })),
              ),
              youths: Object.assign({}, ...periodTags.map((tag) => ({ [`youths_${tag}`]: endedIn(tag) }))),
            },
            where,
            bothPeriods(ctx),
          )
        ).rows;
      return pairRows(rows, (r, tag) => {
        const [ended, hit] = [num(r[`ended_${tag}`]), num(r[`again_${tag}`])];
        return { youths: num(r[`youths_${tag}`]), numerator: hit, denominator: ended, value: percent(hit, ended) };
      });
    },
  };
}

export const repeatCare6m = repeatCare('repeat_care_6m', followUpMonths.repeat_care_6m!);
export const repeatCare12m = repeatCare('repeat_care_12m', followUpMonths.repeat_care_12m!);
