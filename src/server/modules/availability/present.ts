import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { availabilityDefaults } from '../../../shared/availability.js';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import {
  availabilityEntries as e,
  availabilitySettings,
  providerLocations,
  products,
  providers,
} from '../../db/schema/index.js';
import type { Entry } from './availability.schema.js';
import { withMeasuredWaits } from './measured.js';

const day = 24 * 60 * 60 * 1000;

/** The weeks within which the entry's region wants entries confirmed. */
export const confirmWeeks = sql<number>`coalesce(${availabilitySettings.confirmEveryWeeks}, ${availabilityDefaults.confirmEveryWeeks})`;

/** Stale: not updated or confirmed within the region's term (the same rule as `isStale`). */
export const staleSql = sql`(${e.confirmedAt} + make_interval(days => ${confirmWeeks} * 7) < now())`;

/** Whether the entry takes new clients on `today`: no client stop running that day. */
export const takesNewClientsSql = (today: string): SQL =>
  sql`not coalesce(${e.stopFrom} <= ${today}::date and ${e.stopUntil} >= ${today}::date, false)`;

export function isStale(confirmedAt: Date, weeks: number, now = Date.now()): boolean {
  return confirmedAt.getTime() + weeks * 7 * day < now;
}

/** The entries matching `where`, with their provider, location and product, in the API's shape. */
export async function presentEntries(
  db: Db,
  where: SQL | undefined,
  page: { orderBy?: SQL[]; limit?: number; offset?: number } = {},
): Promise<Entry[]> {
  let query = db
    .select({
      entry: e,
      providerName: providers.name,
      agb: providers.agbCode,
      margin: sql<number>`coalesce(${availabilitySettings.marginWeeks}, ${availabilityDefaults.marginWeeks})`,
      location: providerLocations,
      productCode: products.productCode,
      productName: products.name,
      weeks: confirmWeeks,
    })
    .from(e)
    .innerJoin(providers, eq(providers.id, e.providerId))
    .innerJoin(providerLocations, eq(providerLocations.id, e.locationId))
    .leftJoin(products, eq(products.id, e.productId))
    .leftJoin(availabilitySettings, eq(availabilitySettings.regionId, e.regionId))
    .where(where)
    .orderBy(...(page.orderBy ?? [asc(providers.name), asc(e.productCategory), asc(products.productCode)]))
    .$dynamic();
  if (page.limit !== undefined) query = query.limit(page.limit).offset(page.offset ?? 0);
  const rows = await query;
  const today = dutchToday();
  const known = new Map<Omit<Entry, 'measured' | 'waitDiffers'>, { agb: string; margin: number }>();
  const entries = rows.map((r) => {
    const x = r.entry;
    const weeks = Number(r.weeks);
    const stop =
      x.stopFrom && x.stopUntil && x.stopReason ? { reason: x.stopReason, from: x.stopFrom, until: x.stopUntil } : null;
    const entry = {
      id: x.id,
      regionId: x.regionId,
      provider: { id: x.providerId, name: r.providerName },
      location: { id: r.location.id, name: r.location.name, postcode: r.location.postcode, city: r.location.city },
      product: x.productId ? { id: x.productId, code: r.productCode ?? '', name: r.productName ?? '' } : null,
      productCategory: x.productCategory,
      intakeWaitWeeks: x.intakeWaitWeeks,
      treatmentWaitWeeks: x.treatmentWaitWeeks,
      waitingListCount: x.waitingListCount,
      openPlaces: x.openPlaces,
      clientStop: stop,
      takesNewClients: !(stop && stop.from <= today && stop.until >= today),
      specialisations: x.specialisations,
      note: x.note,
      ageFrom: x.ageFrom,
      ageTo: x.ageTo,
      languages: x.languages,
      offerForms: x.offerForms,
      intakePhone: x.intakePhone,
      intakeEmail: x.intakeEmail,
      intakeHow: x.intakeHow,
      confirmedAt: x.confirmedAt.toISOString(),
      confirmBy: dutchToday(new Date(x.confirmedAt.getTime() + weeks * 7 * day)),
      stale: isStale(x.confirmedAt, weeks),
      updatedAt: x.updatedAt.toISOString(),
    };
    known.set(entry, { agb: r.agb, margin: Number(r.margin) });
    return entry;
  });
  return withMeasuredWaits(db, entries, known);
}
