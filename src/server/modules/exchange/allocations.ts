import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { arrayParam } from './sql-arrays.js';

/** An allocation (JW301) as its trajectory stands: to whom, for what, and whether a stop (JW307) ended it. */
export interface AllocationState {
  municipalityCode: string;
  allocationNumber: string;
  providerAgb: string;
  productCategory: string | null;
  productCode: string | null;
  startDate: string | null;
  /** The end a JW307 reported; null while no stop came in. */
  endDate: string | null;
  endReason: string | null;
}

const columns = sql`t.municipality_code as "municipalityCode", t.allocation_number as "allocationNumber",
  t.provider_agb as "providerAgb", t.product_category as "productCategory", t.product_code as "productCode",
  t.start_date::text as "startDate", t.end_date::text as "endDate", t.end_reason as "endReason"`;

/**
 * The allocations with these keys (municipality and allocation number, as iJw keys them) among the municipalities
 * given (by the trajectory key, indexed), whoever they were for: other modules that take an allocation number from a provider check here whether it
 * is that provider's and whether it has ended. Keys not found are simply absent.
 */
export async function findAllocations(
  db: Db,
  options: { municipalities: string[]; keys: Array<{ municipalityCode: string; allocationNumber: string }> },
): Promise<AllocationState[]> {
  if (!options.keys.length || !options.municipalities.length) return [];
  return queryRows<AllocationState & Record<string, unknown>>(
    db,
    sql`select ${columns} from ijw_trajectories t
      where t.municipality_code = any(${arrayParam(options.municipalities)})
        and t.trajectory_key = any(${arrayParam(options.keys.map((k) => `A|${k.municipalityCode}|${k.allocationNumber}`))})`,
  );
}

/**
 * The allocations in the municipalities given that a stop (JW307) ended, optionally of one provider and ending within
 * [from, to]: what a provider owes an outcome registration for. Newest end first.
 */
export async function endedAllocations(
  db: Db,
  options: { municipalities: string[]; providerAgb?: string; from?: string; to?: string },
): Promise<AllocationState[]> {
  if (!options.municipalities.length) return [];
  return queryRows<AllocationState & Record<string, unknown>>(
    db,
    sql`select ${columns} from ijw_trajectories t
      where t.municipality_code = any(${arrayParam(options.municipalities)})
        and t.allocation_number is not null and t.end_date is not null
        ${options.providerAgb ? sql`and t.provider_agb = ${options.providerAgb}` : sql``}
        ${options.from ? sql`and t.end_date >= ${options.from}::date` : sql``}
        ${options.to ? sql`and t.end_date <= ${options.to}::date` : sql``}
      order by t.end_date desc, t.municipality_code, t.allocation_number`,
  );
}
