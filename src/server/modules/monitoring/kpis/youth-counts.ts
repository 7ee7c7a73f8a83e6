import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../period.js';
import { bothPeriods, countYouths, inCare, num, pairRows, periodTags, spanOf, type KpiContext, type KpiModule, type PeriodTag, type Span } from './kpi-module.js';

/**
 * A KPI that counts youths: per period a flag per trajectory (aggregated per youth with bool_or) and the condition
 * on those per-youth flags that makes a youth count.
 */
function youthCount(id: KpiModule['id'], flags: (p: Span, tag: PeriodTag) => Record<string, SQL>, counted: (tag: PeriodTag) => SQL, margin = 0): KpiModule {
  return {
    id,
    async compute(db, ctx: KpiContext) {
      const allFlags = Object.assign({}, ...periodTags.map((tag) => ({ [`during_${tag}`]: inCare(spanOf(ctx, tag).from, spanOf(ctx, tag).to), ...flags(spanOf(ctx, tag), tag) })));
      const counts = Object.assign({}, ...periodTags.map((tag) => ({ [`value_${tag}`]: counted(tag) })));
      const rows = await countYouths(db, ctx, bothPeriods(ctx, margin), allFlags, counts);
      // The youths behind a count are the counted youths themselves: a count of 1–9 is withheld like any small cell.
      return pairRows(rows, (r, tag) => ({ youths: num(r[`value_${tag}`]), value: num(r[`value_${tag}`]), numerator: null, denominator: null }));
    },
  };
}

/** Jeugdigen in zorg: distinct youths with a trajectory in care during the period (CBS: jongeren met jeugdhulp). */
export const youthsInCare = youthCount('youths_in_care', () => ({}), (tag) => sql.raw(`y.during_${tag}`));

/** Instroom: in care (in the cell) during the period and not on the day before it began. */
export const inflow = youthCount('inflow',
  (p, tag) => ({ [`before_${tag}`]: inCare(addDays(p.from, -1), addDays(p.from, -1)) }),
  (tag) => sql.raw(`y.during_${tag} and not y.before_${tag}`), 1);

/** Uitstroom: in care (in the cell) during the period and not on the day after it ended. */
export const outflow = youthCount('outflow',
  (p, tag) => ({ [`after_${tag}`]: inCare(addDays(p.to, 1), addDays(p.to, 1)) }),
  (tag) => sql.raw(`y.during_${tag} and not y.after_${tag}`), 1);

/** Jeugdigen in residentiële zorg: in care during the period with a residential or closed stay. */
export const residentialYouths = youthCount('residential_youths',
  (p, tag) => ({ [`residential_${tag}`]: sql`${inCare(p.from, p.to)} and t.stay_form in ('residentieel', 'gesloten')` }),
  (tag) => sql.raw(`y.residential_${tag}`));

/** Jeugdigen van 18+: in care during the period, born in or before the year of the period's end minus 18. */
export const youths18Plus = youthCount('youths_18_plus',
  (p, tag) => ({ [`adult_${tag}`]: sql`${inCare(p.from, p.to)} and t.birth_year <= ${Number(p.to.slice(0, 4)) - 18}` }),
  (tag) => sql.raw(`y.adult_${tag}`));
