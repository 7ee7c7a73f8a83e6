import { and, eq, inArray } from 'drizzle-orm';
import { distanceKm, postcode4, type Point } from '../../../shared/geo.js';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { availabilityEntries as e, municipalities, products } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import { inOwnRegions } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import { centroidsOf } from '../landscape/index.js';
import type { Offer, OfferQuery } from './availability.schema.js';
import { presentEntries } from './present.js';
import { findEntries, searchOrder, type EntryFilter, type IndexedEntry, type IndexScope } from './search-index.js';

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
  let scope: IndexScope = null;
  if (query.productId) {
    const [p] = await db
      .select({ category: products.productCategory })
      .from(products)
      .where(and(eq(products.id, query.productId), inOwnRegions(products.regionId, actor)));
    if (!p) throw fieldError('productId', 'onbekend product');
    // A product finds its own entries and the category entries of its category (the index's scope).
    scope = { productId: query.productId, category: p.category };
  } else if (query.productCategory) scope = { category: query.productCategory };
  const filter: EntryFilter = {
    category: scope && 'productId' in scope ? query.productCategory : undefined,
    specialisation: query.specialisation,
    age: query.age,
    offerForm: query.offerForm,
    takesNewClients: query.takesNewClients === undefined ? undefined : query.takesNewClients === 'true',
    today,
  };
  const found = await Promise.all(regionIds.map((regionId) => findEntries(db, regionId, scope, filter)));
  let matches: IndexedEntry[] = found.length === 1 ? found[0]! : found.flat();
  const from = await childsPoint(db, query);
  const distances = new Map<string, number>();
  const distanceOf = (x: IndexedEntry) => {
    if (!from || x.latitude === null || x.longitude === null) return null;
    let km = distances.get(x.id);
    if (km === undefined)
      distances.set(x.id, (km = distanceKm(from, { latitude: x.latitude, longitude: x.longitude })));
    return km;
  };
  if (query.maxDistanceKm !== undefined) {
    const max = query.maxDistanceKm;
    matches = matches.filter((x) => {
      const km = distanceOf(x);
      return km !== null && km <= max;
    });
  }
  // Each region's index is in the search's order; entries of several regions (the installation's keeper) merge by it.
  if (query.sort === 'distance')
    matches.sort((a, b) => (distanceOf(a) ?? Infinity) - (distanceOf(b) ?? Infinity) || searchOrder(a, b));
  else if (regionIds.length > 1) matches.sort(searchOrder);
  const offset = (query.page - 1) * query.pageSize;
  const ids = matches.slice(offset, offset + query.pageSize).map((x) => x.id);
  const position = new Map(ids.map((id, i) => [id, i]));
  const entries = ids.length ? await presentEntries(db, inArray(e.id, ids)) : [];
  entries.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const indexed = new Map(matches.slice(offset, offset + query.pageSize).map((x) => [x.id, x]));
  return {
    items: entries.map(({ updatedAt: _u, regionId: _r, ...offer }) => {
      const km = distanceOf(indexed.get(offer.id)!);
      return { ...offer, distanceKm: km === null ? null : Math.round(km * 10) / 10 };
    }),
    total: matches.length,
  };
}

/**
 * The child's place: the centroid of its postcode's area (PC4). A distance filter or order needs it; without a known
 * point the search refuses them rather than guess, and a plain search says "afstand onbekend" per result.
 */
async function childsPoint(db: Db, query: OfferQuery): Promise<Point | null> {
  const byDistance = query.maxDistanceKm !== undefined || query.sort === 'distance';
  if (!query.postcode) {
    if (byDistance)
      throw fieldError('postcode', 'geef de postcode van de jeugdige om op afstand te zoeken of te sorteren');
    return null;
  }
  const pc4 = postcode4(query.postcode)!;
  const point = (await centroidsOf(db, [pc4])).get(pc4) ?? null;
  if (!point && byDistance)
    throw fieldError(
      'postcode',
      `de ligging van postcode ${pc4} is niet bekend; zoek zonder maximale afstand of sortering op afstand`,
    );
  return point;
}
