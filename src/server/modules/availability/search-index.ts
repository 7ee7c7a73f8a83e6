import { eq, sql } from 'drizzle-orm';
import { offerForms, type OfferForm } from '../../../shared/availability.js';
import { dutchToday } from '../../../shared/period.js';
import { queryRows, type Db } from '../../db/client.js';
import { readDataVersion } from '../../db/data-versions.js';
import { availabilityEntries as e, providers } from '../../db/schema/index.js';
import { contractedProducts, locationPoints } from '../landscape/index.js';

/**
 * What the search filters and orders an entry by; the rest of an offer is read for the page only. Filters read numbers
 * kept on the entry itself (bit masks, day numbers): following its arrays and strings for each of tens of thousands of
 * entries cost about 0.5 µs an entry in cache misses, most of a search's time.
 */
export interface IndexedEntry {
  id: string;
  providerId: string;
  productId: string | null;
  category: string;
  ageFrom: number;
  ageTo: number;
  /** Lower-cased; read only in a region with more specialisations than a mask holds. */
  specialisations: string[];
  /** A bit per specialisation (the region index's `specialisationBits`), per offer form (`offerForms`). */
  specialisationMask: number;
  offerFormMask: number;
  /** The client stop's first and last day as day numbers (days since 1970-01-01); -1 without a stop. */
  stopFrom: number;
  stopUntil: number;
  intake: number;
  treatment: number;
  confirmedAt: number;
  providerName: string;
  /** The location's point (WGS84): its own coordinates, else its postcode area's centroid; null when unknown. */
  latitude: number | null;
  longitude: number | null;
  /** Its place in the region's index (the search's order), to merge two lists of it. */
  rank: number;
}

/** What a search asks of an entry beyond its scope (IndexScope); each absent filter passes every entry. */
export interface EntryFilter {
  /** The productcategorie, when the search names one beside a product. */
  category?: string | undefined;
  specialisation?: string | undefined;
  age?: number | undefined;
  offerForm?: string | undefined;
  takesNewClients?: boolean | undefined;
  /** The day "takes new clients" is judged on (ISO date). */
  today: string;
}

const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
/** A mask holds 31 bits (JavaScript's bitwise operators work on 32-bit integers). */
const maskBits = 31;

/** The search's order: shortest total wait, shortest intake, the freshest, then provider name and id. */
export function searchOrder(a: IndexedEntry, b: IndexedEntry): number {
  return (
    a.intake + a.treatment - (b.intake + b.treatment) ||
    a.intake - b.intake ||
    b.confirmedAt - a.confirmedAt ||
    a.providerName.localeCompare(b.providerName, 'nl') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

interface RegionIndex {
  key: string;
  /** The region's entries contracted today, in the search's order. */
  entries: IndexedEntry[];
  /** The same, per product (its product entries) and per productcategorie (all its entries, and its category entries). */
  byProduct: Map<string, IndexedEntry[]>;
  byCategory: Map<string, IndexedEntry[]>;
  categoryEntries: Map<string, IndexedEntry[]>;
  /** Each lower-cased specialisation's bit in the entries' masks; null when the region has more than a mask holds. */
  specialisationBits: Map<string, number> | null;
}

/** What narrows a search before its filters: a product (with its category's category entries) or a productcategorie. */
export type IndexScope = { productId: string; category: string } | { category: string } | null;

/**
 * The referrers' search reads each region's entries from memory: on PGlite one query runs at a time, and filtering
 * tens of thousands of rows with array columns per request kept fifty referrers waiting seconds (docs/benchmarks.md).
 * A region's index holds its entries that are contracted today (the landscape's rule), sorted in the search's order:
 * shortest total wait, shortest intake, the freshest, provider name, id. It is rebuilt when the entries or the master
 * data change (their data versions) or the day does, once for all requests waiting on it.
 */
const indexes = new WeakMap<Db, Map<string, RegionIndex | Promise<RegionIndex>>>();

/**
 * The region's entries a search in `scope` finds with `filter`, in the search's order. The scope narrows first: for a
 * product its entries and its category's category entries, for a productcategorie all of its entries, else all (per
 * product a few thousand entries at most, where the region may hold hundreds of thousands).
 */
export async function findEntries(
  db: Db,
  regionId: string,
  scope: IndexScope,
  filter: EntryFilter,
): Promise<IndexedEntry[]> {
  const index = await regionIndex(db, regionId);
  const list = !scope
    ? index.entries
    : !('productId' in scope)
      ? (index.byCategory.get(scope.category) ?? [])
      : merged(index.byProduct.get(scope.productId) ?? [], index.categoryEntries.get(scope.category) ?? []);
  const { category, age, takesNewClients } = filter;
  const wanted = filter.specialisation?.toLowerCase();
  // A specialisation no entry of the region has: nothing to find. In a region without masks, the lists are read.
  const specialisationBit = wanted === undefined ? 0 : (index.specialisationBits?.get(wanted) ?? 0);
  if (wanted !== undefined && index.specialisationBits && !specialisationBit) return [];
  const readLists = wanted !== undefined && !index.specialisationBits;
  const formIndex = filter.offerForm === undefined ? -1 : offerForms.indexOf(filter.offerForm as OfferForm);
  if (filter.offerForm !== undefined && formIndex < 0) return [];
  const formBit = formIndex < 0 ? 0 : 1 << formIndex;
  const today = dayNumber(filter.today);
  const out: IndexedEntry[] = [];
  for (const x of list) {
    if (age !== undefined && (x.ageFrom > age || x.ageTo < age)) continue;
    if ((x.specialisationMask & specialisationBit) !== specialisationBit) continue;
    if ((x.offerFormMask & formBit) !== formBit) continue;
    if (takesNewClients !== undefined && (x.stopFrom <= today && x.stopUntil >= today) === takesNewClients) continue;
    if (category !== undefined && x.category !== category) continue;
    if (readLists && !x.specialisations.includes(wanted!)) continue;
    out.push(x);
  }
  return out;
}

/** Two lists in the search's order as one. */
function merged(a: IndexedEntry[], b: IndexedEntry[]): IndexedEntry[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: IndexedEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.rank < b[j]!.rank ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

async function regionIndex(db: Db, regionId: string): Promise<RegionIndex> {
  const key = `${await readDataVersion(db, ['availability', 'landscape'])}|${dutchToday()}`;
  let perDb = indexes.get(db);
  if (!perDb) indexes.set(db, (perDb = new Map()));
  const held = perDb.get(regionId);
  if (held && !(held instanceof Promise) && held.key === key) return held;
  if (held instanceof Promise) {
    const pending = await held;
    if (pending.key === key) return pending;
  }
  const loading = load(db, regionId, key);
  perDb.set(regionId, loading);
  try {
    const index = await loading;
    perDb.set(regionId, index);
    return index;
  } catch (err) {
    perDb.delete(regionId);
    throw err;
  }
}

async function load(db: Db, regionId: string, key: string): Promise<RegionIndex> {
  const today = dutchToday();
  const contracted = new Set(
    (
      await queryRows<{ provider_id: string; product_id: string; product_category: string }>(
        db,
        sql`select c.provider_id, c.product_id, c.product_category from (${contractedProducts(today)}) c where c.region_id = ${regionId}`,
      )
    ).flatMap((c) => [`${c.provider_id}|p|${c.product_id}`, `${c.provider_id}|c|${c.product_category}`]),
  );
  const points = new Map(
    (
      await queryRows<{ location_id: string; latitude: number | null; longitude: number | null }>(
        db,
        sql`select p.location_id, p.latitude, p.longitude from (${locationPoints()}) p
            where p.latitude is not null
              and p.location_id in (select location_id from availability_entries where region_id = ${regionId})`,
      )
    ).map((p) => [p.location_id, p]),
  );
  const rows = await db
    .select({
      id: e.id,
      providerId: e.providerId,
      locationId: e.locationId,
      productId: e.productId,
      category: e.productCategory,
      intake: e.intakeWaitWeeks,
      treatment: e.treatmentWaitWeeks,
      ageFrom: e.ageFrom,
      ageTo: e.ageTo,
      specialisations: e.specialisations,
      offerForms: e.offerForms,
      stopFrom: e.stopFrom,
      stopUntil: e.stopUntil,
      confirmedAt: e.confirmedAt,
      providerName: providers.name,
    })
    .from(e)
    .innerJoin(providers, eq(providers.id, e.providerId))
    .where(eq(e.regionId, regionId));
  const kept = rows.filter((r) =>
    contracted.has(r.productId ? `${r.providerId}|p|${r.productId}` : `${r.providerId}|c|${r.category}`),
  );
  const distinct = [...new Set(kept.flatMap((r) => r.specialisations.map((x) => x.toLowerCase())))];
  const specialisationBits =
    distinct.length <= maskBits ? new Map(distinct.map((name, i) => [name, 1 << i] as const)) : null;
  const entries = kept.map((r): IndexedEntry => {
    const specialisations = r.specialisations.map((x) => x.toLowerCase());
    const stop = r.stopFrom && r.stopUntil;
    return {
      id: r.id,
      providerId: r.providerId,
      productId: r.productId,
      category: r.category,
      ageFrom: r.ageFrom,
      ageTo: r.ageTo,
      specialisations,
      specialisationMask: specialisationBits ? specialisations.reduce((m, x) => m | specialisationBits.get(x)!, 0) : 0,
      offerFormMask: r.offerForms.reduce((m, f) => m | (1 << offerForms.indexOf(f as OfferForm)), 0),
      stopFrom: stop ? dayNumber(r.stopFrom!) : -1,
      stopUntil: stop ? dayNumber(r.stopUntil!) : -1,
      intake: r.intake,
      treatment: r.treatment,
      confirmedAt: r.confirmedAt.getTime(),
      providerName: r.providerName,
      latitude: points.get(r.locationId)?.latitude ?? null,
      longitude: points.get(r.locationId)?.longitude ?? null,
      rank: 0,
    };
  });
  entries.sort(searchOrder);
  const index: RegionIndex = {
    key,
    entries,
    byProduct: new Map(),
    byCategory: new Map(),
    categoryEntries: new Map(),
    specialisationBits,
  };
  const add = (map: Map<string, IndexedEntry[]>, k: string, x: IndexedEntry) => {
    const list = map.get(k);
    if (list) list.push(x);
    else map.set(k, [x]);
  };
  entries.forEach((x, i) => {
    x.rank = i;
    add(index.byCategory, x.category, x);
    if (x.productId) add(index.byProduct, x.productId, x);
    else add(index.categoryEntries, x.category, x);
  });
  return index;
}
