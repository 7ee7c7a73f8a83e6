import { eq, sql } from 'drizzle-orm';
import { dutchToday } from '../../../shared/period.js';
import { queryRows, type Db } from '../../db/client.js';
import { readDataVersion } from '../../db/data-versions.js';
import { availabilityEntries as e, providers } from '../../db/schema/index.js';
import { contractedProducts, locationPoints } from '../landscape/index.js';

/** What the search filters and orders an entry by; the rest of an offer is read for the page only. */
export interface IndexedEntry {
  id: string;
  providerId: string;
  productId: string | null;
  category: string;
  ageFrom: number;
  ageTo: number;
  /** Lower-cased. */
  specialisations: string[];
  offerForms: string[];
  /** The client stop's first and last day, when there is one. */
  stop: [string, string] | null;
  intake: number;
  treatment: number;
  confirmedAt: number;
  providerName: string;
  /** The location's point (WGS84): its own coordinates, else its postcode area's centroid; null when unknown. */
  latitude: number | null;
  longitude: number | null;
}

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
}

/**
 * The referrers' search reads each region's entries from memory: on PGlite one query runs at a time, and filtering
 * tens of thousands of rows with array columns per request kept fifty referrers waiting seconds (docs/benchmarks.md).
 * A region's index holds its entries that are contracted today (the landscape's rule), sorted in the search's order:
 * shortest total wait, shortest intake, the freshest, provider name, id. It is rebuilt when the entries or the master
 * data change (their data versions) or the day does, once for all requests waiting on it.
 */
const indexes = new WeakMap<Db, Map<string, RegionIndex | Promise<RegionIndex>>>();

export async function regionIndex(db: Db, regionId: string): Promise<IndexedEntry[]> {
  const key = `${await readDataVersion(db, ['availability', 'landscape'])}|${dutchToday()}`;
  let perDb = indexes.get(db);
  if (!perDb) indexes.set(db, (perDb = new Map()));
  const held = perDb.get(regionId);
  if (held && !(held instanceof Promise) && held.key === key) return held.entries;
  if (held instanceof Promise) {
    const pending = await held;
    if (pending.key === key) return pending.entries;
  }
  const loading = load(db, regionId, key);
  perDb.set(regionId, loading);
  try {
    const index = await loading;
    perDb.set(regionId, index);
    return index.entries;
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
  const entries = rows
    .filter((r) => contracted.has(r.productId ? `${r.providerId}|p|${r.productId}` : `${r.providerId}|c|${r.category}`))
    .map((r) => ({
      id: r.id,
      providerId: r.providerId,
      productId: r.productId,
      category: r.category,
      ageFrom: r.ageFrom,
      ageTo: r.ageTo,
      specialisations: r.specialisations.map((s) => s.toLowerCase()),
      offerForms: r.offerForms,
      stop: r.stopFrom && r.stopUntil ? ([r.stopFrom, r.stopUntil] as [string, string]) : null,
      intake: r.intake,
      treatment: r.treatment,
      confirmedAt: r.confirmedAt.getTime(),
      providerName: r.providerName,
      latitude: points.get(r.locationId)?.latitude ?? null,
      longitude: points.get(r.locationId)?.longitude ?? null,
    }));
  return { key, entries: entries.sort(searchOrder) };
}

/** Whether the entry takes new clients on `today`: no client stop running that day (as takesNewClientsSql). */
export function takesNewClients(entry: IndexedEntry, today: string): boolean {
  return !(entry.stop && entry.stop[0] <= today && entry.stop[1] >= today);
}
