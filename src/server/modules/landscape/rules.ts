import { sql, type SQL } from 'drizzle-orm';
import type { ExtensionStatus } from '../../../shared/domain.js';

/**
 * The landscape's rules, in one place, for the set-based queries of other modules (the KPI facts read them in SQL;
 * the contracts service in TypeScript). Each SQL fragment reads only the landscape's own tables.
 */

/**
 * A contract's end with its extensions: the latest of its end date and its decided extensions' new end dates. An
 * option (not yet decided) or a declined extension never moves the end.
 */
export function effectiveEndDate(
  endDate: string,
  extensions: ReadonlyArray<{ newEndDate: string; status: ExtensionStatus }>,
): string {
  return [endDate, ...extensions.filter((e) => e.status === 'decided').map((e) => e.newEndDate)].sort().at(-1)!;
}

/** The same rule in SQL (decided extensions only), for the contract row `c` (an alias or the table name). */
export const contractEnd = (c: string): SQL =>
  sql.raw(
    `greatest(${c}.end_date, coalesce((select max(e.new_end_date) from contract_extensions e where e.contract_id = ${c}.id and e.status = 'decided'), ${c}.end_date))`,
  );

/**
 * Every contract's run per holder: its provider and, for a contract with a combination, each member; from its start to
 * its end with extensions (`contractEnd`'s rule, with the extensions grouped once rather than read again per contract).
 * Columns id, region_id, lot_id, provider_id, start_date, end_date. Set-based (a union and hash joins): an `or` in the
 * join to the providers made the planner test every contract against every provider (0.8 s for 200 providers, minutes
 * for 2,000), and the facts' staleness check reads it on every dashboard read. A withdrawn contract (a mistake) has no
 * run: it leaves every figure that counts contracts; `runsWithWithdrawn` keeps it, for history.
 */
const runsOf = (withdrawn: SQL) => sql`
  select c.id, c.region_id, c.lot_id, c.provider_id, c.start_date, greatest(c.end_date, coalesce(x.new_end_date, c.end_date)) as end_date
  from (select id, region_id, lot_id, start_date, end_date, provider_id from contracts where ${withdrawn}
    union all
    select c.id, c.region_id, c.lot_id, c.start_date, c.end_date, cm.provider_id
    from contracts c join combination_members cm on cm.combination_id = c.combination_id where ${withdrawn}) c
  left join (select x.contract_id, max(x.new_end_date) as new_end_date from contract_extensions x where x.status = 'decided' group by 1) x on x.contract_id = c.id`;
export const contractRuns = runsOf(sql`withdrawn_at is null`);
/** `contractRuns` with withdrawn contracts too: what care ran under, as history tells it (a trajectory's page). */
export const runsWithWithdrawn = runsOf(sql`true`);

/**
 * Per municipality and provider (AGB), the periods the provider had a contract with the municipality's region, directly
 * or as a member of a contracted combination, each to its end with decided extensions: a date multirange (columns cbs_code,
 * agb_code, periods).
 */
export const contractPeriods = sql`
  select m.cbs_code, x.agb_code, x.periods
  from (select h.region_id, pr.agb_code, range_agg(daterange(h.start_date, h.end_date, '[]')) as periods
    from (${contractRuns}) h
    join providers pr on pr.id = h.provider_id
    group by 1, 2) x
  join municipalities m on m.region_id = x.region_id`;

/**
 * Per municipality, provider (AGB) and lot (its code), the periods the provider had a contract for that lot with the
 * municipality's region, directly or as a member of a contracted combination, each to its end with extensions: a date
 * multirange (columns cbs_code, agb_code, lot_code, periods). Care is contracted when its product's lot is.
 */
export const lotContractPeriods = sql`
  select m.cbs_code, x.agb_code, x.lot_code, x.periods
  from (select h.region_id, pr.agb_code, l.code as lot_code, range_agg(daterange(h.start_date, h.end_date, '[]')) as periods
    from (${contractRuns}) h
    join providers pr on pr.id = h.provider_id
    join lots l on l.id = h.lot_id
    group by 1, 2, 3) x
  join municipalities m on m.region_id = x.region_id`;

/**
 * A digest of every region's contract periods per provider and lot: it changes when any of them does (and so when a
 * provider's periods over all lots do). Small tables.
 */
export const contractPeriodsDigest = sql`(
  select md5(coalesce(string_agg(x.cbs_code || '|' || x.agb_code || '|' || x.lot_code || '|' || x.periods::text, ',' order by x.cbs_code, x.agb_code, x.lot_code), ''))
  from (${lotContractPeriods}) x)`;

/**
 * Each municipality's products (by code) with the lot of its region's product, if any, and whether it has stay (columns cbs_code, product_code, code, with_stay).
 * A withdrawn product is not in the book: care under its code counts as care under an unknown product.
 */
export const municipalityProducts = sql`
  select m.cbs_code, p.product_code, l.code, p.with_stay from products p join municipalities m on m.region_id = p.region_id left join lots l on l.id = p.lot_id
  where p.withdrawn_at is null`;

/**
 * Whether care (row `t` with a product_category) with its product's row `l` (municipalityProducts) is care with stay:
 * as the region's product says, else productcategorie 43 or 44 (verblijf), else not.
 */
export const careWithStay = (t: string): SQL =>
  sql.raw(`coalesce(l.with_stay, ${t}.product_category in ('43', '44'), false)`);

/** A digest of every region's products, their lots and stay: it changes when any of them does. A small table. */
export const productsDigest = sql`(
  select md5(coalesce(string_agg(p.region_id::text || '|' || p.product_code || '|' || coalesce(l.code, '') || '|' || p.with_stay::text, ',' order by p.region_id, p.product_code), ''))
  from products p left join lots l on l.id = p.lot_id where p.withdrawn_at is null)`;

/** Each municipality's productcategorieën with the region's budget line paying them (a category two lines claim: the first by code). */
export const categoryBudgetLines = sql`
  select distinct on (m.cbs_code, c.category) m.cbs_code, c.category, b.code
  from budget_lines b join municipalities m on m.region_id = b.region_id cross join unnest(b.product_categories) c(category)
  order by m.cbs_code, c.category, b.code`;

/** A digest of every region's budget lines and their categories: it changes when any of them does. */
export const budgetLinesDigest = sql`(
  select md5(coalesce(string_agg(b.region_id::text || '|' || b.code || '|' || array_to_string(b.product_categories, ';'), ',' order by b.region_id, b.code), ''))
  from budget_lines b)`;

/**
 * Who holds each contract running on `day` (an ISO date), from `contractRuns`. Columns region_id, lot_id, provider_id;
 * a holder of two contracts for the same lot appears twice.
 */
export const contractHolders = (day: string): SQL => sql`
  select h.region_id, h.lot_id, h.provider_id from (${contractRuns}) h
  where h.start_date <= ${day}::date and h.end_date >= ${day}::date`;

/** Whether the product row `p` (an alias or the table name) is valid on `day` (an ISO date). */
export const productValidOn = (p: string, day: string): SQL =>
  sql`(${sql.raw(p)}.valid_from <= ${day}::date and (${sql.raw(p)}.valid_to is null or ${sql.raw(p)}.valid_to >= ${day}::date))`;

/**
 * The products each provider holds a contract for on `day` (an ISO date), directly or as a member of a contracted
 * combination: a contract of the product's region for the product's lot, running that day (with its extensions), for a
 * product valid that day. A product without a lot is contracted by no one. Columns region_id, provider_id, product_id,
 * product_category, with_stay, lot_code.
 */
export const contractedProducts = (day: string): SQL => sql`
  select distinct h.region_id, h.provider_id, p.id as product_id, p.product_category, p.with_stay, l.code as lot_code
  from (${contractHolders(day)}) h
  join products p on p.region_id = h.region_id and p.lot_id = h.lot_id
  join lots l on l.id = p.lot_id
  where ${productValidOn('p', day)} and p.withdrawn_at is null`;
