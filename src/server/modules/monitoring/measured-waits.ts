import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

export interface MeasuredWait {
  providerAgb: string;
  productCategory: string;
  /** Starts with a known wait in the span. */
  starts: number;
  /** The median wait in days, or null when there were fewer starts than the minimum (withheld). */
  medianDays: number | null;
}

/**
 * Gemeten wachttijd per provider and productcategorie: the median of the days from the request (JW315), or else the
 * allocation (JW301), to the start (JW305), over trajectories of the given municipalities that started in [from, to]
 * — the same wait the KPI `wait_days` counts. Fewer than `minimumStarts` starts: the median is withheld.
 */
export async function measuredWaits(
  db: Db,
  span: { municipalityCodes: string[]; from: string; to: string; minimumStarts: number },
): Promise<MeasuredWait[]> {
  if (span.municipalityCodes.length === 0) return [];
  const rows = await queryRows<{ provider_agb: string; product_category: string; starts: number; median: number }>(
    db,
    sql`select provider_agb, product_category, count(*)::int as starts,
          percentile_cont(0.5) within group (order by wait_days)::float8 as median
        from kpi_trajectory_facts
        where municipality_code in (${sql.join(
          span.municipalityCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
          and start_date between ${span.from}::date and ${span.to}::date
          and wait_days is not null and product_category is not null
        group by provider_agb, product_category`,
  );
  return rows.map((r) => ({
    providerAgb: r.provider_agb,
    productCategory: r.product_category,
    starts: Number(r.starts),
    medianDays: Number(r.starts) >= span.minimumStarts ? Math.round(Number(r.median) * 10) / 10 : null,
  }));
}
