import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * Money per provider, for supplier management (the contract calendar's spend against a ceiling, a tier's share of the
 * region's spend). Read from the KPI facts' monthly sums and lines, so it is the same money the dashboard shows (JW323
 * declared, credits negative, by prestatie begin), only not rounded: these are the region's own contract figures, in
 * euros, never counts of youths per cell.
 */

export interface ProviderLotMonth {
  providerAgb: string;
  /** The lot (perceel code) of the region's product; null for a line whose product has no lot. */
  lot: string | null;
  /** The month's first day. */
  month: string;
  euros: number;
}

/** The region's declared money per provider (AGB), lot and month, for prestaties that began in [from, to]. */
export async function spendPerProviderLotMonth(
  db: Db,
  options: { regionId: string; from: string; to: string },
): Promise<ProviderLotMonth[]> {
  const rows = await queryRows<{ provider_agb: string; lot: string | null; month: string; cents: number }>(
    db,
    sql`
    select r.provider_agb, r.lot, r.month::text as month, sum(r.cents)::float8 as cents
    from kpi_money_months r
    where r.municipality_code in (select cbs_code from municipalities where region_id = ${options.regionId}::uuid)
      and r.month between date_trunc('month', ${options.from}::date)::date and ${options.to}::date
    group by 1, 2, 3 order by 3, 1, 2`,
  );
  return rows.map((r) => ({
    providerAgb: r.provider_agb,
    lot: r.lot,
    month: r.month,
    euros: Math.round(Number(r.cents)) / 100,
  }));
}

export interface ProviderVolume {
  providerAgb: string;
  euros: number;
  /** Distinct youths with a declared prestatie at the provider in the period. */
  youths: number;
}

/**
 * Per provider (AGB) the region's declared money and the number of distinct youths it declared for, prestaties begun
 * in [from, to]: the measures of a suggested tier. Counts stay inside the region's back office (not published).
 */
export async function providerVolumes(
  db: Db,
  options: { regionId: string; from: string; to: string },
): Promise<ProviderVolume[]> {
  const rows = await queryRows<{ provider_agb: string; cents: number; youths: number }>(
    db,
    sql`
    select f.provider_agb, sum(f.amount_cents)::float8 as cents, count(distinct f.youth)::int as youths
    from kpi_money_facts f
    where f.municipality_code in (select cbs_code from municipalities where region_id = ${options.regionId}::uuid)
      and f.period_start between ${options.from}::date and ${options.to}::date
    group by 1`,
  );
  return rows.map((r) => ({
    providerAgb: r.provider_agb,
    euros: Math.round(Number(r.cents)) / 100,
    youths: Number(r.youths),
  }));
}
