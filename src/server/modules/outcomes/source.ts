import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * The registrations as a relation for the KPI queries of the steering information (monitoring): one row per
 * allocation, keyed `municipality_code|allocation_number` as the KPI facts key theirs, with the three answers
 * (without_help, problems_reduced, goals_met). Its columns are this module's promise; its table stays its own.
 */
export function goalAttainmentSource(): SQL {
  return sql`select municipality_code || '|' || allocation_number as allocation, without_help, problems_reduced, goals_met
    from goal_attainments`;
}

/** Whether any provider registered goal attainment in the region: until then its KPIs have no data. */
export async function hasGoalAttainments(db: Db, regionId: string): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from goal_attainments where region_id = ${regionId}::uuid) as any`,
  );
  return Boolean(row?.any);
}
