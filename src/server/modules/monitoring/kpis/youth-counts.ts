import { sql } from 'drizzle-orm';
import { addDays } from '../period.js';
import { countYouths, inCare, type KpiModule, type KpiRow } from './kpi-module.js';

const youthRows = (rows: Array<{ grp: string | null; youths: number; value: number }>): KpiRow[] =>
  rows.map((r) => ({ grp: r.grp, youths: r.youths, value: r.value, numerator: null, denominator: null }));

/** Jeugdigen in zorg: distinct youths with a trajectory in care during the period (CBS: jongeren met jeugdhulp). */
export const youthsInCare: KpiModule = {
  id: 'youths_in_care',
  async compute(db, ctx) {
    const rows = await countYouths(db, ctx, ctx, { during: inCare(ctx.from, ctx.to) }, { youths: sql`y.during`, value: sql`y.during` });
    return youthRows(rows);
  },
};

/** Instroom: in care (in the cell) during the period and not on the day before it began. */
export const inflow: KpiModule = {
  id: 'inflow',
  async compute(db, ctx) {
    const before = addDays(ctx.from, -1);
    const rows = await countYouths(db, ctx, { from: before, to: ctx.to },
      { during: inCare(ctx.from, ctx.to), before: inCare(before, before) },
      { youths: sql`y.during`, value: sql`y.during and not y.before` });
    return youthRows(rows);
  },
};

/** Uitstroom: in care (in the cell) during the period and not on the day after it ended. */
export const outflow: KpiModule = {
  id: 'outflow',
  async compute(db, ctx) {
    const after = addDays(ctx.to, 1);
    const rows = await countYouths(db, ctx, { from: ctx.from, to: after },
      { during: inCare(ctx.from, ctx.to), after: inCare(after, after) },
      { youths: sql`y.during`, value: sql`y.during and not y.after` });
    return youthRows(rows);
  },
};

/** Jeugdigen in residentiële zorg: in care during the period with a residential or closed stay. */
export const residentialYouths: KpiModule = {
  id: 'residential_youths',
  async compute(db, ctx) {
    const rows = await countYouths(db, ctx, ctx,
      { during: sql`${inCare(ctx.from, ctx.to)} and t.stay_form in ('residentieel', 'gesloten')` },
      { youths: sql`y.during`, value: sql`y.during` });
    return youthRows(rows);
  },
};

/** Jeugdigen van 18+: in care during the period, born in or before the year of the period's end minus 18. */
export const youths18Plus: KpiModule = {
  id: 'youths_18_plus',
  async compute(db, ctx) {
    const born = Number(ctx.to.slice(0, 4)) - 18;
    const rows = await countYouths(db, ctx, ctx,
      { during: sql`${inCare(ctx.from, ctx.to)} and t.birth_year <= ${born}` },
      { youths: sql`y.during`, value: sql`y.during` });
    return youthRows(rows);
  },
};
