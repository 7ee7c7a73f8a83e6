import { eq, inArray } from 'drizzle-orm';
import { availabilityLimits } from '../../../shared/availability.js';
import { addMonths, dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { readDataVersion } from '../../db/data-versions.js';
import { municipalities, providers } from '../../db/schema/index.js';
import { measuredWaits, type MeasuredWait } from '../monitoring/index.js';
import type { Entry, Measured } from './availability.schema.js';
import { settingsOf } from './settings.service.js';

/** A region's measured waits, kept while the data and the day are the same (they change with imports only). */
const cache = new Map<string, { key: string; waits: Map<string, MeasuredWait> }>();

const cellKey = (agb: string, category: string) => `${agb}|${category}`;

/** The last six months' measured waits of a region's municipalities, by provider AGB and productcategorie. */
async function waitsOf(db: Db, regionId: string, version: string): Promise<Map<string, MeasuredWait>> {
  const today = dutchToday();
  const key = `${version}|${today}`;
  const hit = cache.get(regionId);
  if (hit?.key === key) return hit.waits;
  const codes = await db
    .select({ code: municipalities.cbsCode })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  const rows = await measuredWaits(db, {
    municipalityCodes: codes.map((c) => c.code),
    from: addMonths(today, -availabilityLimits.measuredMonths),
    to: today,
    minimumStarts: availabilityLimits.measuredMinimumStarts,
  });
  const waits = new Map(rows.map((r) => [cellKey(r.providerAgb, r.productCategory), r]));
  if (cache.size > 100) cache.clear();
  cache.set(regionId, { key, waits });
  return waits;
}

/**
 * Each entry with the wait measured from the iJw messages beside the reported one: null without starts in the last
 * six months, withheld below the minimum number of starts; `waitDiffers` when the measured median is more than the
 * region's margin away from the reported wait to the start of care (intake plus treatment).
 */
export async function withMeasuredWaits<
  T extends Pick<Entry, 'provider' | 'productCategory' | 'intakeWaitWeeks' | 'treatmentWaitWeeks'> & {
    regionId: string;
  },
>(
  db: Db,
  entries: T[],
  /** Each entry's provider AGB and region margin, when the caller read them already (keyed by the entry). */
  known?: Map<T, { agb: string; margin: number }>,
): Promise<Array<T & { measured: Measured | null; waitDiffers: boolean }>> {
  if (entries.length === 0) return [];
  const version = await readDataVersion(db, ['kpi-facts', 'landscape']);
  const missing = [...new Set(entries.filter((e) => !known?.has(e)).map((e) => e.provider.id))];
  const agbs = new Map(
    missing.length
      ? (
          await db
            .select({ id: providers.id, agb: providers.agbCode })
            .from(providers)
            .where(inArray(providers.id, missing))
        ).map((p) => [p.id, p.agb])
      : [],
  );
  const regions = new Map<string, { waits: Map<string, MeasuredWait>; margin: number }>();
  for (const regionId of new Set(entries.map((e) => e.regionId))) {
    const given = entries.find((e) => e.regionId === regionId && known?.has(e));
    const margin = given ? known!.get(given)!.margin : (await settingsOf(db, regionId)).marginWeeks;
    regions.set(regionId, { waits: await waitsOf(db, regionId, version), margin });
  }
  return entries.map((entry) => {
    const region = regions.get(entry.regionId)!;
    const agb = known?.get(entry)?.agb ?? agbs.get(entry.provider.id) ?? '';
    const wait = region.waits.get(cellKey(agb, entry.productCategory));
    if (!wait) return { ...entry, measured: null, waitDiffers: false };
    const withheld = wait.medianDays === null;
    const medianWeeks = withheld ? null : Math.round((wait.medianDays! / 7) * 10) / 10;
    const reported = entry.intakeWaitWeeks + entry.treatmentWaitWeeks;
    return {
      ...entry,
      measured: { medianWeeks, starts: withheld ? null : wait.starts, withheld },
      waitDiffers: medianWeeks !== null && Math.abs(medianWeeks - reported) > region.margin,
    };
  });
}
