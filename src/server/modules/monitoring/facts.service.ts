import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * Brings kpi_trajectory_facts up to date with ijw_trajectories: the rows changed since the last refresh (with an
 * hour's overlap, so a long import transaction that committed late is never missed; upserts make the overlap
 * harmless), and drops facts whose trajectory is gone or lost its start. Cheap when nothing changed: one index
 * lookup. Called after imports and before every KPI read, so figures are current at once.
 */
export async function refreshKpiFacts(db: Db): Promise<{ refreshed: boolean }> {
  const [state] = await queryRows<{ stale: boolean }>(db, sql`
    select coalesce((select max(updated_at) from ijw_trajectories) > coalesce((select refreshed_up_to from kpi_refresh where id = 1), '-infinity'), false) as stale`);
  if (!state?.stale) return { refreshed: false };
  const changed = await db.transaction(async (tx) => {
    const since = sql`coalesce((select refreshed_up_to - interval '1 hour' from kpi_refresh where id = 1), '-infinity')`;
    await tx.execute(sql`
      delete from kpi_trajectory_facts f
      where not exists (select 1 from ijw_trajectories t where t.id = f.trajectory_id and t.start_date is not null)`);
    const [upserted] = await queryRows<{ n: number }>(tx, sql`
      with changed as (
      insert into kpi_trajectory_facts (trajectory_id, youth, municipality_code, provider_agb, product_category, product_code, start_date,
        end_date, end_reason, wait_days, birth_year)
      select t.id, hashtextextended(t.client_pseudonym, 0), t.municipality_code, t.provider_agb, t.product_category, t.product_code, t.start_date,
        t.end_date, t.end_reason,
        -- No request and no allocation (taakgericht care): no wait to measure, not a wait of 0 days.
        case when coalesce(t.request_date, t.allocation_date) is null then null else greatest(0, t.start_date - coalesce(t.request_date, t.allocation_date)) end,
        t.birth_year
      from ijw_trajectories t
      where t.updated_at > ${since} and t.start_date is not null
      on conflict (trajectory_id) do update set youth = excluded.youth, municipality_code = excluded.municipality_code,
        provider_agb = excluded.provider_agb, product_category = excluded.product_category, product_code = excluded.product_code,
        start_date = excluded.start_date, end_date = excluded.end_date, end_reason = excluded.end_reason, wait_days = excluded.wait_days,
        birth_year = excluded.birth_year
      returning 1)
      select count(*)::int as n from changed`);
    await tx.execute(sql`delete from kpi_data_dates`);
    await tx.execute(sql`
      insert into kpi_data_dates (municipality_code, first_date, last_date)
      select municipality_code, min(start_date), max(greatest(start_date, coalesce(end_date, start_date))) from kpi_trajectory_facts group by 1`);
    await tx.execute(sql`
      insert into kpi_refresh (id, refreshed_up_to) select 1, (select max(updated_at) from ijw_trajectories)
      on conflict (id) do update set refreshed_up_to = excluded.refreshed_up_to`);
    return Number(upserted?.n ?? 0);
  });
  // PGlite has no autovacuum: without fresh statistics after a large import the planner guesses badly (and a
  // PostgreSQL server's autovacuum may not have come round yet).
  if (changed > 5000) await db.execute(sql`analyze kpi_trajectory_facts, ijw_declaration_lines, ijw_declarations`);
  return { refreshed: true };
}

/** The region's first start and latest start or end date: the horizon for follow-up windows (herhaald beroep). */
export async function kpiDataRange(db: Db, regionId: string): Promise<{ first: string | null; last: string | null }> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(db, sql`
    select min(d.first_date)::text as first, max(d.last_date)::text as last
    from kpi_data_dates d join municipalities m on m.cbs_code = d.municipality_code and m.region_id = ${regionId}::uuid`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}
