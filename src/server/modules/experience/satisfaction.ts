import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { KpiFilters } from '../../../shared/kpi.js';

export interface SatisfactionQuery {
  regionId: string;
  current: { from: string; to: string };
  previous: { from: string; to: string };
  groupBy: 'region' | 'municipality' | 'provider' | 'productCategory' | 'lot';
  filters: KpiFilters;
}

/**
 * Per group and period: the answers with a mark. The group is keyed as the other KPIs key it: the municipality's CBS
 * code, the provider's AGB code, the productcategorie or the lot's code ('–' for an answer whose batch knew no
 * municipality), null for the total.
 */
export interface SatisfactionCell {
  grp: string | null;
  answers: { c: number; p: number };
  /** The sum of the 1–10 marks, so the caller takes the mean as it publishes it. */
  sum: { c: number; p: number };
}

/**
 * The 1–10 marks for the effect of the help (outcome set, indicator 2) per group and period, for the satisfaction KPI;
 * null when the region has no answer at all (the KPI then says it has no data). An answer counts in the month it came
 * in (answers keep no day), and in the municipality its invitation's batch was made for (none when the batch was made by
 * number or for youths of several municipalities: then it counts under '–' and in no municipality's filter). Groups and
 * the total come back together; the caller withholds small ones.
 */
export async function satisfactionCells(db: Db, query: SatisfactionQuery): Promise<SatisfactionCell[] | null> {
  const [any] = await queryRows(
    db,
    sql`select 1 as one from experience_responses where region_id = ${query.regionId}::uuid limit 1`,
  );
  if (!any) return null;
  const groups = {
    region: sql`'region'`,
    municipality: sql`coalesce(m.cbs_code, '–')`,
    provider: sql`p.agb_code`,
    productCategory: sql`pr.product_category`,
    lot: sql`coalesce(l.code, '–')`,
  };
  const group = groups[query.groupBy];
  const inSpan = (s: { from: string; to: string }) =>
    sql`r.submitted_month between date_trunc('month', ${s.from}::date)::date and ${s.to}::date`;
  const f = query.filters;
  const rows = await queryRows<{ grp: string | null; ac: string; sc: string; ap: string; sp: string }>(
    db,
    sql`select ${query.groupBy === 'region' ? sql`null` : sql`grouping(${group}) = 1`} as total, ${group} as grp,
        count(*) filter (where ${inSpan(query.current)}) as ac, coalesce(sum(r.effect_score) filter (where ${inSpan(query.current)}), 0) as sc,
        count(*) filter (where ${inSpan(query.previous)}) as ap, coalesce(sum(r.effect_score) filter (where ${inSpan(query.previous)}), 0) as sp
      from experience_responses r
      join providers p on p.id = r.provider_id
      join products pr on pr.id = r.product_id
      left join lots l on l.id = pr.lot_id
      left join municipalities m on m.id = r.municipality_id
      where r.region_id = ${query.regionId}::uuid and r.effect_score is not null
        and (${inSpan(query.current)} or ${inSpan(query.previous)})
        ${f.municipality ? sql`and m.cbs_code = ${f.municipality}` : sql``}
        ${f.provider ? sql`and p.agb_code = ${f.provider}` : sql``}
        ${f.productCategory ? sql`and pr.product_category = ${f.productCategory}` : sql``}
        ${f.lot ? sql`and l.code = ${f.lot}` : sql``}
      group by ${query.groupBy === 'region' ? sql`()` : sql`rollup(${group})`}`,
  );
  return rows.map((r) => ({
    grp: (r as { total?: boolean | null }).total === false ? r.grp : null,
    answers: { c: Number(r.ac), p: Number(r.ap) },
    sum: { c: Number(r.sc), p: Number(r.sp) },
  }));
}
