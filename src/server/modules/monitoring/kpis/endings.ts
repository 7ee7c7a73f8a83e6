import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  bothPeriods,
  earlyReasons,
  nonEndingReasons,
  pairRows,
  periodTags,
  perPlanReasons,
  spanOf,
  type KpiContext,
  type KpiModule,
  type PeriodTag,
} from './kpi-module.js';
import { countFirstInCell, medianOf, num, percent, tallyTrajectories, type CellNeighbours } from './counting.js';

const list = (codes: string[]) =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
const endedIn = (ctx: KpiContext, tag: PeriodTag) =>
  sql`t.end_date between ${spanOf(ctx, tag).from}::date and ${spanOf(ctx, tag).to}::date`;
const counts = sql`coalesce(t.end_reason, '') not in (${list(nonEndingReasons)})`;
/** Trajectories whose end falls in either period: the windows' start is the previous period's start. */
const endedEither = (ctx: KpiContext) => sql`t.end_date between ${ctx.previous.from}::date and ${ctx.current.to}::date`;
/** Per period tag, an entry for each name. */
const perPeriod = <T>(entries: (tag: PeriodTag) => Record<string, T>): Record<string, T> =>
  Object.assign(
    {},
    ...periodTags.map((tag) => Object.fromEntries(Object.entries(entries(tag)).map(([k, v]) => [`${k}_${tag}`, v]))),
  );

/**
 * Trajectories whose ending counts (not 20 or 37) with the end in the period; the share whose reason is in `reasons`.
 * The youths behind them are counted by their first such ending in the cell in the period, where the facts keep the
 * ending before each (countFirstInCell); otherwise grouped by youth (tallyTrajectories).
 */
async function shareOfEndings(db: Db, ctx: KpiContext, reasons: SQL) {
  const ended = (tag: PeriodTag) => endedIn(ctx, tag);
  const hit = (tag: PeriodTag) => sql`${endedIn(ctx, tag)} and t.end_reason in (${reasons})`;
  const rows =
    (
      await countFirstInCell(
        db,
        ctx,
        bothPeriods(ctx),
        (cell) =>
          perPeriod((tag) => ({
            ended: ended(tag),
            hit: hit(tag),
            youths: sql`${ended(tag)} and coalesce(${cell.earlierEnding} < ${spanOf(ctx, tag).from}::date, true)`,
          })),
        { only: sql`${endedEither(ctx)} and ${counts}` },
      )
    )?.rows ??
    (
      await tallyTrajectories(
        db,
        ctx,
        {
          sums: perPeriod((tag) => ({ ended: { when: ended(tag) }, hit: { when: hit(tag) } })),
          youths: perPeriod((tag) => ({ youths: ended(tag) })),
        },
        sql`${endedEither(ctx)} and ${counts}`,
        bothPeriods(ctx),
      )
    ).rows;
  return pairRows(rows, (r, tag) => {
    const [ended, hit] = [num(r[`ended_${tag}`]), num(r[`hit_${tag}`])];
    return { youths: num(r[`youths_${tag}`]), numerator: hit, denominator: ended, value: percent(hit, ended) };
  });
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
    const { rows } = await tallyTrajectories(
      db,
      ctx,
      {
        sums: perPeriod((tag) => ({
          ended: { when: endedIn(ctx, tag) },
          days: { when: endedIn(ctx, tag), value: sql`t.end_date - t.start_date + 1` },
        })),
        youths: perPeriod((tag) => ({ youths: endedIn(ctx, tag) })),
      },
      sql`t.with_stay and ${endedEither(ctx)} and ${counts}`,
      bothPeriods(ctx),
    );
    return pairRows(rows, (r, tag) => {
      const [ended, days] = [num(r[`ended_${tag}`]), num(r[`days_${tag}`])];
      return {
        youths: num(r[`youths_${tag}`]),
        numerator: days,
        denominator: ended,
        value: ended > 0 ? Math.round((10 * days) / ended) / 10 : null,
      };
    });
  },
};

/**
 * A measured wait: the median of days from a first date to the start (JW305), over trajectories that started in the
 * period and have that first date; care started before it waited 0 days. `column` holds the days (kept with the facts),
 * `earlier` picks the cell's neighbour among trajectories with the same wait.
 */
function waitFrom(
  id: 'request_wait_days' | 'allocation_wait_days',
  column: 'request_wait_days' | 'allocation_wait_days',
  earlier: (cell: CellNeighbours) => SQL,
): KpiModule {
  const days = sql.raw(`t.${column}`);
  return {
    id,
    async compute(db, ctx) {
      const startedIn = (tag: PeriodTag) =>
        sql`t.start_date between ${spanOf(ctx, tag).from}::date and ${spanOf(ctx, tag).to}::date`;
      const where = sql`t.start_date between ${ctx.previous.from}::date and ${ctx.current.to}::date and ${days} is not null`;
      // The median from the number of starts per number of days waited: the value percentile_cont(0.5) gives. The
      // youths behind the starts by their first start with this wait in the cell in the period, or grouped by youth.
      const { rows, histogram } =
        (await countFirstInCell(
          db,
          ctx,
          bothPeriods(ctx),
          (cell) =>
            perPeriod((tag) => ({
              started: startedIn(tag),
              youths: sql`${startedIn(tag)} and coalesce(${earlier(cell)} < ${spanOf(ctx, tag).from}::date, true)`,
            })),
          { only: where, perValueOf: days },
        )) ??
        (await tallyTrajectories(
          db,
          ctx,
          {
            sums: perPeriod((tag) => ({ started: { when: startedIn(tag) } })),
            youths: perPeriod((tag) => ({ youths: startedIn(tag) })),
          },
          where,
          bothPeriods(ctx),
          days,
        ));
      return pairRows(rows, (r, tag) => {
        const median = medianOf(histogram.get(r.grp as string | null) ?? [], `started_${tag}`);
        return {
          youths: num(r[`youths_${tag}`]),
          numerator: null,
          denominator: num(r[`started_${tag}`]),
          value: median === null ? null : Math.round(median * 10) / 10,
        };
      });
    },
  };
}

/** Wachttijd vanaf aanvraag: from the provider's request (JW315) to the start, for care with a request. */
export const requestWaitDays = waitFrom('request_wait_days', 'request_wait_days', (cell) => cell.earlierRequestedStart);
/** Wachttijd vanaf toewijzing: from the municipality's allocation (JW301) to the start, for care with an allocation. */
export const allocationWaitDays = waitFrom(
  'allocation_wait_days',
  'allocation_wait_days',
  (cell) => cell.earlierAllocatedStart,
);
