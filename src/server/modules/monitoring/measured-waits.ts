import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

interface Span {
  municipalityCodes: string[];
  from: string;
  to: string;
  minimumStarts: number;
}

/** Starts with a productcategorie and either wait, in the municipalities, from `from` to `to` (inclusive). */
const startsIn = (span: Span) => sql`municipality_code in (${sql.join(
  span.municipalityCodes.map((c) => sql`${c}`),
  sql`, `,
)})
  and start_date between ${span.from}::date and ${span.to}::date
  and (request_wait_days is not null or allocation_wait_days is not null) and product_category is not null`;

/** Each wait's number of starts and median (percentile_cont skips the starts without that wait). */
const bothWaits = sql`
  count(request_wait_days)::int as request_starts,
  percentile_cont(0.5) within group (order by request_wait_days)::float8 as request_median,
  count(allocation_wait_days)::int as allocation_starts,
  percentile_cont(0.5) within group (order by allocation_wait_days)::float8 as allocation_median`;

/** One measured wait: the starts that have it and their median in days, withheld (null) below the minimum. */
export interface MeasuredMedian {
  starts: number;
  medianDays: number | null;
}

type BothRow = { request_starts: number; request_median: number; allocation_starts: number; allocation_median: number };

function mediansOf(r: BothRow, minimumStarts: number): { request: MeasuredMedian; allocation: MeasuredMedian } {
  const one = (starts: number, median: number): MeasuredMedian => ({
    starts: Number(starts),
    medianDays: Number(starts) >= minimumStarts ? Math.round(Number(median) * 10) / 10 : null,
  });
  return {
    request: one(r.request_starts, r.request_median),
    allocation: one(r.allocation_starts, r.allocation_median),
  };
}

export interface MeasuredWait {
  providerAgb: string;
  productCategory: string;
  /** From the provider's request (JW315) to the start: the KPI request_wait_days's measure. */
  request: MeasuredMedian;
  /** From the municipality's allocation (JW301) to the start: the KPI allocation_wait_days's measure. */
  allocation: MeasuredMedian;
}

/**
 * Gemeten wachttijden per provider and productcategorie, over trajectories of the given municipalities that started in
 * [from, to]: the median days from the request (JW315) to the start (JW305) over those with a request, and from the
 * allocation (JW301) to the start over those with an allocation — the two waits the KPIs request_wait_days and
 * allocation_wait_days count. A wait with fewer than `minimumStarts` starts: its median is withheld.
 */
export async function measuredWaits(db: Db, span: Span): Promise<MeasuredWait[]> {
  if (span.municipalityCodes.length === 0) return [];
  const rows = await queryRows<{ provider_agb: string; product_category: string } & BothRow>(
    db,
    sql`select provider_agb, product_category, ${bothWaits}
        from kpi_trajectory_facts
        where ${startsIn(span)}
        group by provider_agb, product_category`,
  );
  return rows.map((r) => ({
    providerAgb: r.provider_agb,
    productCategory: r.product_category,
    ...mediansOf(r, span.minimumStarts),
  }));
}

export interface MeasuredMonth {
  productCategory: string;
  /** YYYY-MM */
  month: string;
  request: MeasuredMedian;
  allocation: MeasuredMedian;
}

/** The same two measured waits per productcategorie and calendar month of the start, for the region view over time. */
export async function measuredWaitsPerMonth(db: Db, span: Span): Promise<MeasuredMonth[]> {
  if (span.municipalityCodes.length === 0) return [];
  const rows = await queryRows<{ product_category: string; month: string } & BothRow>(
    db,
    sql`select product_category, to_char(start_date, 'YYYY-MM') as month, ${bothWaits}
        from kpi_trajectory_facts
        where ${startsIn(span)}
        group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({
    productCategory: r.product_category,
    month: r.month,
    ...mediansOf(r, span.minimumStarts),
  }));
}
