import { asc, eq, sql } from 'drizzle-orm';
import { availabilityLimits } from '../../../shared/availability.js';
import { JZ020 } from '../../../shared/codelists/index.js';
import { publishedRounding, roundTo, type KpiDisclosure } from '../../../shared/kpi-disclosure.js';
import { addMonths, dutchToday } from '../../../shared/period.js';
import { queryRows, type Db } from '../../db/client.js';
import { municipalities, regions } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { contractedProducts } from '../landscape/index.js';
import { measuredWaitsPerMonth, type MeasuredMedian } from '../monitoring/index.js';
import type { RegionView } from './availability.schema.js';
import { staleSql, takesNewClientsSql } from './present.js';
import { settingsOf } from './settings.service.js';

/** The region with this code; an unknown code is a 404 like any unknown object. */
export async function regionIdByCode(db: Db, code: string): Promise<string> {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  if (!region) throw new AppError(ErrorCode.NotFound, 'Deze regio bestaat niet.');
  return region.id;
}

const categoryName = new Map<string, string>(JZ020.map((c) => [c.code, c.name]));
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
/** A measured median in weeks (null without starts or withheld), and whether it is withheld. */
const weeksOf = (m: MeasuredMedian | undefined) => (m?.medianDays == null ? null : round1(m.medianDays / 7));
const withheld = (m: MeasuredMedian | undefined) => Boolean(m && m.starts > 0 && m.medianDays === null);

/**
 * Youths on waiting lists are counted exactly for the backoffice; published (the public page, beleid, verwijzer),
 * a sum below the suppression threshold is withheld and the rest rounded to fives, per category and with no total, so
 * no answer can be subtracted from another to reveal a small group.
 */
function disclosedCount(n: number, disclosure: KpiDisclosure, threshold: number): number | null {
  if (disclosure === 'exact') return n;
  return n < threshold ? null : roundTo(n, publishedRounding.count);
}

/**
 * The region's availability at a glance: per productcategorie the reported waits (medians over the entries as they
 * stood at each month's end) and the measured wait (median of the month's starts, withheld below 10) over the last
 * twelve months, against the region's Treeknorm; and the "meetlat": each product contracted today for which no
 * contracted provider with a current entry takes new clients within both norms. Contracts hold for all of a region's
 * municipalities, so the meetlat holds for each of them (docs/availability.md).
 */
export async function regionView(
  db: Db,
  regionId: string,
  disclosure: KpiDisclosure,
  threshold: number,
): Promise<RegionView> {
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!region) throw new AppError(ErrorCode.NotFound, 'Deze regio bestaat niet.');
  const settings = await settingsOf(db, regionId);
  const today = dutchToday();
  const from = `${addMonths(today, -11).slice(0, 7)}-01`;
  const places = await db
    .select({ code: municipalities.cbsCode, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId))
    .orderBy(asc(municipalities.name));
  const contracted = sql`exists (select 1 from (${contractedProducts(today)}) c
    where c.provider_id = availability_entries.provider_id and c.region_id = availability_entries.region_id
      and (c.product_id = availability_entries.product_id or (availability_entries.product_id is null and c.product_category = availability_entries.product_category)))`;
  const reported = await queryRows<{ month: string; category: string; intake: number; treatment: number; n: number }>(
    db,
    sql`select to_char(m.d, 'YYYY-MM') as month, availability_entries.product_category as category, count(*)::int as n,
          percentile_cont(0.5) within group (order by (f.figures->>'intakeWaitWeeks')::int)::float8 as intake,
          percentile_cont(0.5) within group (order by (f.figures->>'treatmentWaitWeeks')::int)::float8 as treatment
        from generate_series(${from}::date, ${today}::date, interval '1 month') m(d)
        join availability_entries on availability_entries.region_id = ${regionId}
        join lateral (select ev.figures from availability_entry_events ev
          where ev.entry_id = availability_entries.id and ev.at < ((m.d + interval '1 month')::timestamp at time zone 'Europe/Amsterdam')
          order by ev.at desc, ev.id desc limit 1) f on true
        group by 1, 2`,
  );
  const measured = await measuredWaitsPerMonth(db, {
    municipalityCodes: places.map((p) => p.code),
    from,
    to: today,
    minimumStarts: availabilityLimits.measuredMinimumStarts,
  });
  const current = await queryRows<{
    category: string;
    entries: number;
    providers: number;
    list: number;
    within: number;
  }>(
    db,
    sql`select availability_entries.product_category as category, count(*)::int as entries, count(distinct availability_entries.provider_id)::int as providers,
          coalesce(sum(availability_entries.waiting_list_count), 0)::int as list,
          count(*) filter (where ${takesNewClientsSql(today)} and not ${staleSql}
            and availability_entries.intake_wait_weeks <= ${settings.intakeNormWeeks} and availability_entries.treatment_wait_weeks <= ${settings.treatmentNormWeeks})::int as within
        from availability_entries left join availability_settings on availability_settings.region_id = availability_entries.region_id
        where availability_entries.region_id = ${regionId} and ${contracted}
        group by 1`,
  );
  const shortfall = await queryRows<{
    product_id: string;
    code: string;
    name: string;
    category: string;
    entries: number;
    best: number | null;
  }>(
    db,
    sql`select p.id as product_id, p.product_code as code, p.name, p.product_category as category,
          (select count(*)::int from availability_entries left join availability_settings on availability_settings.region_id = availability_entries.region_id
            where availability_entries.region_id = ${regionId} and ${contracted}
              and (availability_entries.product_id = p.id or (availability_entries.product_id is null and availability_entries.product_category = p.product_category))) as entries,
          (select min(availability_entries.intake_wait_weeks + availability_entries.treatment_wait_weeks) from availability_entries
            left join availability_settings on availability_settings.region_id = availability_entries.region_id
            where availability_entries.region_id = ${regionId} and ${contracted} and ${takesNewClientsSql(today)}
              and (availability_entries.product_id = p.id or (availability_entries.product_id is null and availability_entries.product_category = p.product_category))) as best
        from products p
        where p.id in (select c.product_id from (${contractedProducts(today)}) c where c.region_id = ${regionId})
          and not exists (select 1 from availability_entries left join availability_settings on availability_settings.region_id = availability_entries.region_id
            where availability_entries.region_id = ${regionId} and ${contracted} and ${takesNewClientsSql(today)} and not ${staleSql}
              and availability_entries.intake_wait_weeks <= ${settings.intakeNormWeeks} and availability_entries.treatment_wait_weeks <= ${settings.treatmentNormWeeks}
              and (availability_entries.product_id = p.id or (availability_entries.product_id is null and availability_entries.product_category = p.product_category)))
        order by p.product_category, p.product_code`,
  );
  const categories = [
    ...new Set([
      ...reported.map((r) => r.category),
      ...current.map((c) => c.category),
      ...measured.map((m) => m.productCategory),
    ]),
  ].sort();
  const months: string[] = [];
  for (let m = from; m <= today; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return {
    region: { id: region.id, code: region.code, name: region.name },
    norms: { intakeWeeks: settings.intakeNormWeeks, treatmentWeeks: settings.treatmentNormWeeks },
    disclosure,
    municipalities: places.map((p) => p.name),
    categories: categories.map((category) => {
      const now = current.find((c) => c.category === category);
      return {
        productCategory: category,
        name: categoryName.get(category) ?? category,
        entries: now?.entries ?? 0,
        providers: now?.providers ?? 0,
        withinNorm: now?.within ?? 0,
        waitingList: disclosedCount(now?.list ?? 0, disclosure, threshold),
        months: months.map((month) => {
          const r = reported.find((x) => x.category === category && x.month === month);
          const m = measured.find((x) => x.productCategory === category && x.month === month);
          return {
            month,
            reportedIntakeWeeks: round1(r ? Number(r.intake) : null),
            reportedTreatmentWeeks: round1(r ? Number(r.treatment) : null),
            measuredRequestWeeks: weeksOf(m?.request),
            measuredRequestWithheld: withheld(m?.request),
            measuredAllocationWeeks: weeksOf(m?.allocation),
            measuredAllocationWithheld: withheld(m?.allocation),
          };
        }),
      };
    }),
    meetlat: shortfall.map((s) => ({
      product: { id: s.product_id, code: s.code, name: s.name },
      productCategory: s.category,
      entries: Number(s.entries),
      shortestWaitWeeks: s.best === null ? null : Number(s.best),
    })),
  };
}
