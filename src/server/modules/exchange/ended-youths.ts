import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * How many youths' care of one provider and product ended (a JW307 stop) in [from, to], in the given municipalities:
 * only a count, for invitations to the Ervaringwijzer, so no pseudonym ever leaves the exchange. A youth with two
 * such endings counts once (clients are asked too often already); a temporary stop (20) or a change request (37)
 * ends nothing.
 */
export async function countEndedYouths(
  db: Db,
  query: { municipalityCodes: string[]; providerAgb: string; productCode: string; from: string; to: string },
): Promise<number> {
  if (!query.municipalityCodes.length) return 0;
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(distinct client_pseudonym) as n from ijw_trajectories
      where provider_agb = ${query.providerAgb} and product_code = ${query.productCode}
        and end_date between ${query.from}::date and ${query.to}::date
        and coalesce(end_reason, '') not in ('20', '37')
        and municipality_code = any(${sql.param(query.municipalityCodes)}::text[])`,
  );
  return Number(row?.n ?? 0);
}
