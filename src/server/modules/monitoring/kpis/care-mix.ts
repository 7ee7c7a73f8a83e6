import { sql } from 'drizzle-orm';
import { countYouths, inCare, percent, type KpiModule } from './kpi-module.js';

/** Verhouding ambulant / verblijf: youths with care without stay per youth with care with stay. */
export const ambulantStayRatio: KpiModule = {
  id: 'ambulant_stay_ratio',
  async compute(db, ctx) {
    const during = inCare(ctx.from, ctx.to);
    const rows = await countYouths(db, ctx, ctx,
      { during, ambulant: sql`${during} and not t.with_stay`, stay: sql`${during} and t.with_stay` },
      { youths: sql`y.during`, ambulant: sql`y.ambulant`, stay: sql`y.stay` });
    return rows.map((r) => ({
      grp: r.grp, youths: r.youths, numerator: r.ambulant, denominator: r.stay,
      value: r.stay > 0 ? Math.round((100 * r.ambulant) / r.stay) / 100 : null,
    }));
  },
};

/** Aandeel pleegzorg en gezinshuizen: of the youths with stay, the share in a family-based form. */
export const familyCareShare: KpiModule = {
  id: 'family_care_share',
  async compute(db, ctx) {
    const stay = sql`${inCare(ctx.from, ctx.to)} and t.with_stay`;
    const rows = await countYouths(db, ctx, ctx,
      { stay, family: sql`${stay} and t.stay_form in ('pleegzorg', 'gezinshuis')` },
      { stay: sql`y.stay`, family: sql`y.family` });
    return rows.map((r) => ({ grp: r.grp, youths: r.stay, numerator: r.family, denominator: r.stay, value: percent(r.family, r.stay) }));
  },
};

/**
 * Aandeel zorg buiten de regio: youths in care at a provider that had no contract with the region (directly or as a
 * member of a contracted combination) overlapping the trajectory.
 */
export const outsideRegionShare: KpiModule = {
  id: 'outside_region_share',
  async compute(db, ctx) {
    const during = inCare(ctx.from, ctx.to);
    const contracted = sql`exists (
      select 1 from contracts c
      join providers pr on pr.id = c.provider_id
        or pr.id in (select cm.provider_id from combination_members cm where cm.combination_id = c.combination_id)
      where c.region_id = ${ctx.regionId}::uuid and pr.agb_code = t.provider_agb and c.start_date <= coalesce(t.end_date, ${ctx.to}::date)
        and coalesce((select max(e.new_end_date) from contract_extensions e where e.contract_id = c.id), c.end_date) >= t.start_date)`;
    const rows = await countYouths(db, ctx, ctx,
      { during, outside: sql`${during} and not ${contracted}` },
      { youths: sql`y.during`, outside: sql`y.outside` });
    return rows.map((r) => ({ grp: r.grp, youths: r.youths, numerator: r.outside, denominator: r.youths, value: percent(r.outside, r.youths) }));
  },
};
