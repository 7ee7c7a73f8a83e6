import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import { runsWithWithdrawn } from '../rules.js';

/** When the contract or product was withdrawn as a mistake, and why (null when it stands). */
export type Withdrawn = { at: string; reason: string } | null;

export interface CareContract {
  product: {
    id: string;
    code: string;
    name: string;
    category: string;
    lotCode: string | null;
    withdrawn: Withdrawn;
  } | null;
  contract: {
    id: string;
    reference: string;
    startDate: string;
    /** With its decided extensions. */
    endDate: string;
    lotCode: string;
    lotName: string;
    /** True when the provider holds it as a member of a combination, not as its holder. */
    throughCombination: boolean;
    withdrawn: Withdrawn;
  } | null;
}

const withdrawnOf = (at: string | Date | null, reason: string | null): Withdrawn =>
  at ? { at: new Date(at).toISOString(), reason: reason ?? '' } : null;

/**
 * The product and the contract care ran under: the municipality's region's product with this code valid on `day`
 * (else the one valid nearest before it), and the contract for that product's lot the provider held on that day,
 * directly or in a combination (contractRuns, with decided extensions). Either is null when the landscape has none:
 * care without a contract is what the contract manager then needs to see. A withdrawn contract or product is history
 * too: it is named (marked withdrawn) only when no standing one fits.
 */
export async function findCareContract(
  db: Db,
  care: { municipalityCode: string; providerAgb: string; productCode: string | null; day: string | null },
): Promise<CareContract> {
  if (!care.productCode) return { product: null, contract: null };
  const day = care.day ?? new Date().toISOString().slice(0, 10);
  const [product] = await queryRows<{
    id: string;
    code: string;
    name: string;
    category: string;
    lot_id: string | null;
    lot_code: string | null;
    region_id: string;
    withdrawn_at: string | null;
    withdrawal_reason: string | null;
  }>(
    db,
    sql`select p.id, p.product_code as code, p.name, p.product_category as category, p.lot_id, l.code as lot_code, p.region_id,
        p.withdrawn_at, p.withdrawal_reason
      from products p join municipalities m on m.region_id = p.region_id left join lots l on l.id = p.lot_id
      where m.cbs_code = ${care.municipalityCode} and p.product_code = ${care.productCode}
      order by p.withdrawn_at is null desc, (p.valid_from <= ${day}::date and (p.valid_to is null or p.valid_to >= ${day}::date)) desc,
        (p.valid_from <= ${day}::date) desc, p.valid_from desc
      limit 1`,
  );
  if (!product) return { product: null, contract: null };
  const [contract] = product.lot_id
    ? await queryRows<{
        id: string;
        reference: string;
        start_date: string;
        end_date: string;
        lot_code: string;
        lot_name: string;
        through_combination: boolean;
        withdrawn_at: string | null;
        withdrawal_reason: string | null;
      }>(
        db,
        sql`select c.id, c.reference, h.start_date::text, h.end_date::text, l.code as lot_code, l.name as lot_name,
            (c.provider_id <> pr.id) as through_combination, c.withdrawn_at, c.withdrawal_reason
          from (${runsWithWithdrawn}) h
          join providers pr on pr.id = h.provider_id
          join contracts c on c.id = h.id
          join lots l on l.id = h.lot_id
          where h.region_id = ${product.region_id} and h.lot_id = ${product.lot_id} and pr.agb_code = ${care.providerAgb}
            and h.start_date <= ${day}::date and h.end_date >= ${day}::date
          order by c.withdrawn_at is null desc, h.start_date desc
          limit 1`,
      )
    : [];
  return {
    product: {
      id: product.id,
      code: product.code,
      name: product.name,
      category: product.category,
      lotCode: product.lot_code,
      withdrawn: withdrawnOf(product.withdrawn_at, product.withdrawal_reason),
    },
    contract: contract
      ? {
          id: contract.id,
          reference: contract.reference,
          startDate: contract.start_date,
          endDate: contract.end_date,
          lotCode: contract.lot_code,
          lotName: contract.lot_name,
          throughCombination: contract.through_combination,
          withdrawn: withdrawnOf(contract.withdrawn_at, contract.withdrawal_reason),
        }
      : null,
  };
}
