import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../period.js';
import {
  bothPeriods,
  date,
  inCare,
  pairRows,
  periodTags,
  spanOf,
  type CareForm,
  type KpiContext,
  type KpiModule,
  type PeriodTag,
  type Span,
} from './kpi-module.js';
import { countFirstInCell, countYouths, num, type CellNeighbours } from './counting.js';

/**
 * A KPI that counts youths, two ways to the same figure. Where the facts keep each trajectory's neighbours in the cells
 * asked (countFirstInCell), `first` (if given) picks the one trajectory per youth and cell that makes the youth count in a period.
 * Otherwise per period a flag per trajectory (aggregated per youth with bool_or) and the condition on those per-youth
 * flags that makes a youth count (countYouths).
 */
function youthCount(
  id: KpiModule['id'],
  first: ((p: Span, cell: CellNeighbours) => SQL) | null,
  flags: (p: Span, tag: PeriodTag) => Record<string, SQL>,
  counted: (tag: PeriodTag) => SQL,
  { margin = 0, only }: { margin?: number; only?: SQL } = {},
): KpiModule {
  return {
    id,
    async compute(db, ctx: KpiContext) {
      const window = bothPeriods(ctx, margin);
      const rows =
        (first &&
          (
            await countFirstInCell(db, ctx, window, (cell) =>
              Object.fromEntries(periodTags.map((tag) => [`value_${tag}`, first(spanOf(ctx, tag), cell)])),
            )
          )?.rows) ??
        (await countYouths(
          db,
          ctx,
          window,
          Object.assign(
            {},
            ...periodTags.map((tag) => ({
              [`during_${tag}`]: inCare(spanOf(ctx, tag).from, spanOf(ctx, tag).to),
              ...flags(spanOf(ctx, tag), tag),
            })),
          ),
          Object.assign({}, ...periodTags.map((tag) => ({ [`value_${tag}`]: counted(tag) }))),
          { only },
        ));
      // The youths behind a count are the counted youths themselves: a count of 1–9 is withheld like any small cell.
      return pairRows(rows, (r, tag) => ({
        youths: num(r[`value_${tag}`]),
        value: num(r[`value_${tag}`]),
        numerator: null,
        denominator: null,
      }));
    },
  };
}

/** The youth's first trajectory in the cell that runs in the period: none of its earlier ones there reached the period. */
const firstDuring = (p: Span, cell: CellNeighbours) =>
  sql`(${inCare(p.from, p.to)} and coalesce(${cell.earlierEnd} < ${date(p.from)}, true))`;

/** Jeugdigen in zorg: distinct youths with a trajectory in care during the period (CBS: jongeren met jeugdhulp). */
export const youthsInCare = youthCount(
  'youths_in_care',
  firstDuring,
  () => ({}),
  (tag) => sql.raw(`y.during_${tag}`),
);

/**
 * Instroom: in care (in the cell) during the period and not on the day before it began. The first trajectory in the
 * period began in it, and no earlier one reached the day before.
 */
export const inflow = youthCount(
  'inflow',
  (p, cell) =>
    sql`(t.start_date between ${date(p.from)} and ${date(p.to)} and coalesce(${cell.earlierEnd} < ${date(addDays(p.from, -1))}, true))`,
  (p, tag) => ({ [`before_${tag}`]: inCare(addDays(p.from, -1), addDays(p.from, -1)) }),
  (tag) => sql.raw(`y.during_${tag} and not y.before_${tag}`),
  { margin: 1 },
);

/**
 * Uitstroom: in care (in the cell) during the period and not on the day after it ended. Of the youth's trajectories
 * there that start by the period's end, the last one (the next starts later) with the latest end among it and those
 * before it: that end lies in the period, and the next one does not start the day after.
 */
export const outflow = youthCount(
  'outflow',
  (p, cell) => sql`(t.start_date <= ${date(p.to)} and coalesce(${cell.laterStart} > ${date(addDays(p.to, 1))}, true)
    and greatest(coalesce(${cell.earlierEnd}, '-infinity'), coalesce(t.end_date, 'infinity')) between ${date(p.from)} and ${date(p.to)})`,
  (p, tag) => ({ [`after_${tag}`]: inCare(addDays(p.to, 1), addDays(p.to, 1)) }),
  (tag) => sql.raw(`y.during_${tag} and not y.after_${tag}`),
  { margin: 1 },
);

const residential = sql`t.stay_form in ('residentieel', 'gesloten')`;

/** Jeugdigen in residentiële zorg: in care during the period with a residential or closed stay (the stay form is the product's). */
export const residentialYouths = youthCount(
  'residential_youths',
  null,
  (p, tag) => ({ [`residential_${tag}`]: sql`${inCare(p.from, p.to)} and ${residential}` }),
  (tag) => sql.raw(`y.residential_${tag}`),
  { only: residential },
);

/**
 * Predicate: the youth of trajectory `t` is 18 or older on the last day of the month of `day`: born in that month 18
 * years earlier or before. Only the birth year and month are kept; a month not known (clients imported before it was
 * kept) counts as December, so nobody counts before they turn 18.
 */
const adultOn = (day: string) =>
  sql`(t.birth_year * 12 + coalesce(t.birth_month, 12) <= ${(Number(day.slice(0, 4)) - 18) * 12 + Number(day.slice(5, 7))})`;

/**
 * Jeugdigen van 18 jaar en ouder: in care during the period and 18 or older on its last day (for a period that ends
 * within a month: on that month's last day). The birth date is the youth's (the latest known, on each of its
 * trajectories), so the youth's first trajectory tells.
 */
export const youths18Plus = youthCount(
  'youths_18_plus',
  (p, cell) => sql`(${firstDuring(p, cell)} and ${adultOn(p.to)})`,
  (p, tag) => ({ [`adult_${tag}`]: sql`${inCare(p.from, p.to)} and ${adultOn(p.to)}` }),
  (tag) => sql.raw(`y.adult_${tag}`),
);

/**
 * Jeugdigen met jeugdbescherming (48) or jeugdreclassering (47): distinct youths with a trajectory of that form in care
 * during the period. CBS reports them apart from youth help; every other KPI counts youth help only. Grouped by youth
 * (the facts keep no neighbours within one of these forms), which is cheap: few trajectories.
 */
function formCount(id: KpiModule['id'], form: CareForm): KpiModule {
  const count = youthCount(
    id,
    null,
    () => ({}),
    (tag) => sql.raw(`y.during_${tag}`),
  );
  return { id, compute: (db, ctx) => count.compute(db, { ...ctx, form }) };
}
export const youthsYouthProtection = formCount('youths_youth_protection', 'jeugdbescherming');
export const youthsYouthProbation = formCount('youths_youth_probation', 'jeugdreclassering');
