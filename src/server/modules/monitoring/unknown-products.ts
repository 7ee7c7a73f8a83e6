import { eq, sql } from 'drizzle-orm';
import type { KpiFilters, KpiPeriod, KpiUnknownProducts } from '../../../shared/kpi.js';
import { queryRows, type Db } from '../../db/client.js';
import { municipalities } from '../../db/schema/index.js';
import { municipalityProducts } from '../landscape/index.js';
import { date, inScope } from './kpis/kpi-module.js';

/**
 * The trajectories in scope (region, filters) in care during the period whose product code the region's product book
 * does not know, and those codes. Their care counts by its productcategorie (stay for 43 and 44, no lot): the
 * dashboard says so, so that the contract manager can add the products (docs/kpi.md). A trajectory without a product
 * code (an aspecific allocation) is not counted here: it names no code to add.
 */
export async function unknownProducts(
  db: Db,
  options: { regionId: string; period: KpiPeriod; filters: KpiFilters },
): Promise<KpiUnknownProducts> {
  const codes = (
    await db
      .select({ code: municipalities.cbsCode })
      .from(municipalities)
      .where(eq(municipalities.regionId, options.regionId))
  ).map((r) => r.code);
  const [row] = await queryRows<{ trajectories: number; codes: string | null }>(
    db,
    sql`
    select count(*)::int as trajectories, string_agg(distinct f.product_code, ',' order by f.product_code) as codes
    from kpi_trajectory_facts f
    where f.product_code is not null and f.start_date <= ${date(options.period.to)}
      and (f.end_date is null or f.end_date >= ${date(options.period.from)})
      and ${inScope({ municipalities: codes, filters: options.filters }, true)}
      and not exists (select 1 from (${municipalityProducts}) l where l.cbs_code = f.municipality_code and l.product_code = f.product_code)`,
  );
  return { trajectories: Number(row?.trajectories ?? 0), codes: row?.codes ? row.codes.split(',') : [] };
}
