import { and, eq, inArray } from 'drizzle-orm';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { availabilityEntries as e, municipalities, products } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import { inOwnRegions } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import type { Offer, OfferQuery } from './availability.schema.js';
import { presentEntries } from './present.js';
import { regionEntries, searchOrder, takesNewClients, type IndexedEntry, type IndexScope } from './search-index.js';

/**
 * The search of a referrer: entries of providers contracted today for the entry's product (or, for a category
 * entry, for a product in it) in the region of the child's municipality, filtered, shortest total wait (to intake plus
 * to treatment) first, then the shortest intake, then the freshest. Filtering and ordering run on the region's index in
 * memory (search-index.ts); only the page's entries are read from the database. Commercial data (AGB, tiers, ceilings,
 * procedure) is not part of an offer.
 */
export async function searchOffers(
  db: Db,
  actor: Actor,
  query: OfferQuery,
): Promise<{ items: Offer[]; total: number }> {
  const today = dutchToday();
  let regionIds = actor.regionIds;
  if (query.municipality) {
    const [m] = await db
      .select({ regionId: municipalities.regionId })
      .from(municipalities)
      .where(eq(municipalities.cbsCode, query.municipality));
    // A municipality outside the actor's regions (or none) has nothing contracted for this actor: no results.
    regionIds = m && actor.regionIds.includes(m.regionId) ? [m.regionId] : [];
  }
  const tests: Array<(x: IndexedEntry) => boolean> = [];
  let scope: IndexScope = null;
  if (query.productId) {
    const [p] = await db
      .select({ category: products.productCategory })
      .from(products)
      .where(and(eq(products.id, query.productId), inOwnRegions(products.regionId, actor)));
    if (!p) throw fieldError('productId', 'onbekend product');
    // A product finds its own entries and the category entries of its category (the index's scope).
    scope = { productId: query.productId, category: p.category };
  }
  if (query.productCategory) {
    const category = query.productCategory;
    if (scope) tests.push((x) => x.category === category);
    else scope = { category };
  }
  if (query.specialisation) {
    const wanted = query.specialisation.toLowerCase();
    tests.push((x) => x.specialisations.includes(wanted));
  }
  if (query.age !== undefined) {
    const age = query.age;
    tests.push((x) => x.ageFrom <= age && x.ageTo >= age);
  }
  if (query.offerForm) {
    const form = query.offerForm;
    tests.push((x) => x.offerForms.includes(form));
  }
  if (query.takesNewClients) {
    const wanted = query.takesNewClients === 'true';
    tests.push((x) => takesNewClients(x, today) === wanted);
  }
  const matches: IndexedEntry[] = [];
  for (const regionId of regionIds)
    for (const x of await regionEntries(db, regionId, scope)) if (tests.every((test) => test(x))) matches.push(x);
  // Each region's index is in the search's order; entries of several regions (the installation's keeper) merge by it.
  if (regionIds.length > 1) matches.sort(searchOrder);
  const offset = (query.page - 1) * query.pageSize;
  const ids = matches.slice(offset, offset + query.pageSize).map((x) => x.id);
  const position = new Map(ids.map((id, i) => [id, i]));
  const entries = ids.length ? await presentEntries(db, inArray(e.id, ids)) : [];
  entries.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return {
    items: entries.map(({ updatedAt: _u, regionId: _r, ...offer }) => offer),
    total: matches.length,
  };
}
