import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { availabilityEntries as e, municipalities, products, providers } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import { inOwnRegions } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import { contractedProducts, contractHolders, productValidOn } from '../landscape/index.js';
import type { Offer, OfferQuery } from './availability.schema.js';
import { presentPage, takesNewClientsSql } from './present.js';

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
  const filters: SQL[] = [inOwnRegions(e.regionId, actor)];
  /** Narrows the contracted set the search compares with to what it asks for (its product or productcategorie). */
  const scope: SQL[] = [actor.regionIds.length ? inArray(sql`c.region_id`, actor.regionIds) : sql`false`];
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
    scope.push(sql`c.product_category = ${p.category}`);
  }
  if (query.productCategory) {
    filters.push(eq(e.productCategory, query.productCategory));
    scope.push(sql`c.product_category = ${query.productCategory}`);
  }
  if (query.specialisation)
    filters.push(sql`lower(${query.specialisation}) = any (select lower(s) from unnest(${e.specialisations}) s)`);
  if (query.age !== undefined) filters.push(sql`${e.ageFrom} <= ${query.age} and ${e.ageTo} >= ${query.age}`);
  if (query.offerForm) filters.push(sql`${query.offerForm} = any (${e.offerForms})`);
  if (query.takesNewClients === 'true') filters.push(takesNewClientsSql(today));
  if (query.takesNewClients === 'false') filters.push(sql`not ${takesNewClientsSql(today)}`);
  // Contracted today: an entry for a product when its provider holds a running contract for the product's lot in the
  // entry's region and the product is valid (the landscape's contractedProducts rule, compared by lot), an entry for a
  // whole category when its provider is contracted for a product in it. Each set is computed once per search for its
  // scope and looked up per entry (a hashed subplan), where a correlated EXISTS would compute it again for every entry.
  const lotScope = sql`(select c.lot_id from ${products} c where ${and(...scope)})`;
  filters.push(sql`((${e.productId} is not null and ${products.regionId} = ${e.regionId} and ${productValidOn('products', today)}
      and (${e.regionId}, ${e.providerId}, ${products.lotId}) in (select h.region_id, h.provider_id, h.lot_id from (${contractHolders(today)}) h where h.lot_id in ${lotScope}))
    or (${e.productId} is null and (${e.regionId}, ${e.providerId}, ${e.productCategory}) in (select c.region_id, c.provider_id, c.product_category from (${contractedProducts(today)}) c where ${and(...scope)})))`);
  const { items, total } = await presentPage(db, and(...filters), {
    orderBy: [
      asc(sql`${e.intakeWaitWeeks} + ${e.treatmentWaitWeeks}`),
      asc(e.intakeWaitWeeks),
      desc(e.confirmedAt),
      asc(providers.name),
      asc(e.id),
    ],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: items.map(({ updatedAt: _u, regionId: _r, ...offer }) => offer), total };
}
