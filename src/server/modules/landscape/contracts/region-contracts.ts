import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import { combinationMembers, contracts, providers } from '../../../db/schema/index.js';
import { contractRuns } from '../rules.js';
import type { Contract } from './contracts.schema.js';
import { presentContracts } from './contracts.service.js';

export type RegionContract = Contract & {
  /** The providers whose declarations count for this contract: its holder and, for a combination, every member. */
  holders: Array<{ providerId: string; agbCode: string; name: string }>;
};

/**
 * Every contract of a region with its extensions, budget ceiling and holders, for supplier management (the contract
 * calendar, the lots a provider holds). A withdrawn contract was a mistake and is not among them. The caller checks the
 * actor may read the region's contract terms.
 */
export async function listRegionContracts(db: Db, regionId: string): Promise<RegionContract[]> {
  const rows = await db
    .select({ id: contracts.id, combinationId: contracts.combinationId })
    .from(contracts)
    .where(and(eq(contracts.regionId, regionId), isNull(contracts.withdrawnAt)))
    .orderBy(asc(contracts.reference));
  const combinationIds = [...new Set(rows.flatMap((r) => (r.combinationId ? [r.combinationId] : [])))];
  const members = combinationIds.length
    ? await db
        .select({
          combinationId: combinationMembers.combinationId,
          providerId: providers.id,
          agbCode: providers.agbCode,
          name: providers.name,
        })
        .from(combinationMembers)
        .innerJoin(providers, eq(providers.id, combinationMembers.providerId))
        .where(inArray(combinationMembers.combinationId, combinationIds))
    : [];
  const presented = await presentContracts(
    db,
    rows.map((r) => r.id),
  );
  return presented.map((c) => {
    const holders = [{ providerId: c.providerId, agbCode: c.providerAgbCode, name: c.providerName }];
    for (const m of members)
      if (m.combinationId === c.combinationId && !holders.some((h) => h.providerId === m.providerId))
        holders.push({ providerId: m.providerId, agbCode: m.agbCode, name: m.name });
    return { ...c, holders };
  });
}

export interface ContractedProvider {
  providerId: string;
  agbCode: string;
  kvkNumber: string | null;
  name: string;
  /** The productcategorieën (JZ020) of the products in the lots it held a contract for, sorted. */
  productCategories: string[];
  lots: string[];
}

/**
 * The providers a region had a contract with during `year`, directly or as a member of a contracted combination
 * (contractRuns: to each contract's end with decided extensions), with the forms of youth help (productcategorieën)
 * of the products of their lots valid in that year: the region's yearly list for the NZa (Regeling Jeugdwet art. 8g).
 */
export async function contractedProvidersInYear(db: Db, regionId: string, year: number): Promise<ContractedProvider[]> {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const rows = await queryRows<{
    provider_id: string;
    agb_code: string;
    kvk_number: string | null;
    name: string;
    categories: string[] | null;
    lots: string[];
  }>(
    db,
    sql`
    select pr.id as provider_id, pr.agb_code, pr.kvk_number, pr.name,
      array_agg(distinct p.product_category order by p.product_category) filter (where p.id is not null) as categories,
      array_agg(distinct l.code order by l.code) as lots
    from (${contractRuns}) h
    join providers pr on pr.id = h.provider_id
    join lots l on l.id = h.lot_id
    left join products p on p.region_id = h.region_id and p.lot_id = h.lot_id and p.withdrawn_at is null
      and p.valid_from <= ${to}::date and (p.valid_to is null or p.valid_to >= ${from}::date)
    where h.region_id = ${regionId}::uuid and h.start_date <= ${to}::date and h.end_date >= ${from}::date
    group by 1, 2, 3, 4
    order by pr.name, pr.agb_code`,
  );
  return rows.map((r) => ({
    providerId: r.provider_id,
    agbCode: r.agb_code,
    kvkNumber: r.kvk_number,
    name: r.name,
    productCategories: r.categories ?? [],
    lots: r.lots,
  }));
}
