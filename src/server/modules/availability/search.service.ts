import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { availabilityEntries as e, municipalities, products, providers } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import { inOwnRegions } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import { contractedProducts } from '../landscape/index.js';
import type { Offer, OfferQuery } from './availability.schema.js';
import { presentEntries, takesNewClientsSql } from './present.js';

/**
 * The search of a referrer: entries of providers contracted today for the entry's product (or, for a category
 * entry, for a product in it) in the region of the child's municipality, filtered, shortest total wait (to intake plus
 * to treatment) first, then the freshest. Commercial data (AGB, tiers, ceilings, procedure) is not part of an offer.
 */
export async function searchOffers(
  db: Db,
  actor: Actor,
  query: OfferQuery,
): Promise<{ items: Offer[]; total: number }> {
  const today = dutchToday();
  const filters: SQL[] = [
    inOwnRegions(e.regionId, actor),
    sql`exists (select 1 from (${contractedProducts(today)}) c
      where c.provider_id = ${e.providerId} and c.region_id = ${e.regionId}
        and (c.product_id = ${e.productId} or (${e.productId} is null and c.product_category = ${e.productCategory})))`,
  ];
  if (query.municipality) {
    const [m] = await db
      .select({ regionId: municipalities.regionId })
      .from(municipalities)
      .where(eq(municipalities.cbsCode, query.municipality));
    // A municipality outside the actor's regions (or none) has nothing contracted for this actor: no results.
    filters.push(m ? eq(e.regionId, m.regionId) : sql`false`);
  }
  if (query.productId) {
    const [p] = await db
      .select({ category: products.productCategory })
      .from(products)
      .where(and(eq(products.id, query.productId), inOwnRegions(products.regionId, actor)));
    if (!p) throw fieldError('productId', 'onbekend product');
    filters.push(
      sql`(${e.productId} = ${query.productId} or (${e.productId} is null and ${e.productCategory} = ${p.category}))`,
    );
  }
  if (query.productCategory) filters.push(eq(e.productCategory, query.productCategory));
  if (query.specialisation)
    filters.push(sql`lower(${query.specialisation}) = any (select lower(s) from unnest(${e.specialisations}) s)`);
  if (query.age !== undefined) filters.push(sql`${e.ageFrom} <= ${query.age} and ${e.ageTo} >= ${query.age}`);
  if (query.offerForm) filters.push(sql`${query.offerForm} = any (${e.offerForms})`);
  if (query.takesNewClients === 'true') filters.push(takesNewClientsSql(today));
  if (query.takesNewClients === 'false') filters.push(sql`not ${takesNewClientsSql(today)}`);
  const where = and(...filters);
  const [items, [total]] = [
    await presentEntries(db, where, {
      orderBy: [
        asc(sql`${e.intakeWaitWeeks} + ${e.treatmentWaitWeeks}`),
        asc(e.intakeWaitWeeks),
        desc(e.confirmedAt),
        asc(providers.name),
        asc(e.id),
      ],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    await db.select({ n: count() }).from(e).where(where),
  ];
  return {
    items: items.map(({ updatedAt: _u, regionId: _r, ...offer }) => offer),
    total: Number(total?.n ?? 0),
  };
}
