import { sql } from 'drizzle-orm';
import { goalPositive, type GoalMeasureKey } from '../../../../shared/outcomes.js';
import type { KpiId } from '../../../../shared/kpi.js';
import { queryRows } from '../../../db/client.js';
import { goalAttainmentSource, hasGoalAttainments } from '../../outcomes/index.js';
import { num, percent } from './counting.js';
import { date, inScope, pairRows, periodTags, spanOf, trajectoryGroup, type KpiModule } from './kpi-module.js';

const columnOf: Record<GoalMeasureKey, string> = {
  withoutHelp: 'without_help',
  problemsReduced: 'problems_reduced',
  goalsMet: 'goals_met',
};

/**
 * Doelrealisatie (harmonised outcome set 3.1, 3.3, 3.4) from what providers registered per ended allocation (the
 * outcomes module): of the allocations that ended in the period and were registered, the share with the measure's
 * positive answer. Every form of care counts (a provider registers every allocation it ended). The youths behind a
 * cell are the distinct youths of those registered endings: small numbers are withheld by them, as for every KPI.
 */
function goalKpi(id: KpiId, measure: GoalMeasureKey): KpiModule {
  return {
    id,
    async compute(db, ctx) {
      if (!(await hasGoalAttainments(db, ctx.regionId))) return null;
      const column = sql.raw(`x.${columnOf[measure]}`);
      const endedIn = (tag: 'c' | 'p') =>
        sql`x.end_date between ${date(spanOf(ctx, tag).from)} and ${date(spanOf(ctx, tag).to)}`;
      const counts = sql.join(
        periodTags.map(
          (tag) => sql`count(*) filter (where ${endedIn(tag)}) as ${sql.identifier(`registered_${tag}`)},
            count(*) filter (where ${endedIn(tag)} and ${column} = ${goalPositive[measure]}) as ${sql.identifier(`hit_${tag}`)},
            count(distinct x.youth) filter (where ${endedIn(tag)}) as ${sql.identifier(`youths_${tag}`)}`,
        ),
        sql`, `,
      );
      const rows = await queryRows<Record<string, unknown> & { grp: string | null }>(
        db,
        sql`select case when grouping(x.grp) = 1 then null else x.grp end as grp, ${counts}
          from (select ${trajectoryGroup(ctx.groupBy)} as grp, f.youth, f.end_date, g.*
            from kpi_trajectory_facts f
            join (${goalAttainmentSource()}) g on g.allocation = f.allocation
            where f.allocation is not null and f.end_date between ${date(ctx.previous.from)} and ${date(ctx.current.to)}
              and ${inScope(ctx, true)}) x
          group by grouping sets ((x.grp), ())`,
      );
      return pairRows(rows, (r, tag) => {
        const [registered, hit] = [num(r[`registered_${tag}`]), num(r[`hit_${tag}`])];
        return {
          youths: num(r[`youths_${tag}`]),
          numerator: hit,
          denominator: registered,
          value: percent(hit, registered),
        };
      });
    },
  };
}

export const goalWithoutHelp = goalKpi('goal_without_help', 'withoutHelp');
export const goalProblemsReduced = goalKpi('goal_problems_reduced', 'problemsReduced');
export const goalGoalsMet = goalKpi('goal_goals_met', 'goalsMet');
