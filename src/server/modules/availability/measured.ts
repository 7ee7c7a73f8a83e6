import { eq, inArray } from 'drizzle-orm';
import { availabilityLimits } from '../../../shared/availability.js';
import { addMonths, dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { readDataVersion } from '../../db/data-versions.js';
import { municipalities, providers } from '../../db/schema/index.js';
import { measuredWaits, type MeasuredMedian, type MeasuredWait } from '../monitoring/index.js';
import type { Entry, Measured, MeasuredMedianWeeks } from './availability.schema.js';
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

/** A measured median in weeks as an entry shows it: null without starts, withheld below the minimum. */
function inWeeks(m: MeasuredMedian): MeasuredMedianWeeks | null {
  if (m.starts === 0) return null;
  if (m.medianDays === null) return { medianWeeks: null, starts: null, withheld: true };
  return { medianWeeks: Math.round((m.medianDays / 7) * 10) / 10, starts: m.starts, withheld: false };
}

/**
 * Whether the measured waits contradict the reported one (aanmeldwachttijd plus behandelwachttijd: from a complete
 * aanmelding to the start of treatment) by more than the region's margin (docs/availability.md). Like with like:
 * the wait from the request (JW315, sent when the youth registers with a referral) to the start covers the same
 * stretch, so a difference either way counts. The allocation (JW301) comes at or after the aanmelding, so its wait
 * to the start is a part of the reported stretch: only when even that part is longer than reported plus the margin.
 */
export function waitsDiffer(measured: Measured, reportedWeeks: number, margin: number): boolean {
  const request = measured.request?.medianWeeks ?? null;
  const allocation = measured.allocation?.medianWeeks ?? null;
  return (
    (request !== null && Math.abs(request - reportedWeeks) > margin) ||
    (allocation !== null && allocation - reportedWeeks > margin)
  );
}

/**
 * Each entry with the waits measured from the iJw messages beside the reported one, from the request and from the
 * allocation: null without starts in the last six months, withheld below the minimum number of starts; `waitDiffers`
 * as waitsDiffer decides.
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
    const measured = { request: inWeeks(wait.request), allocation: inWeeks(wait.allocation) };
    const reported = entry.intakeWaitWeeks + entry.treatmentWaitWeeks;
    return { ...entry, measured, waitDiffers: waitsDiffer(measured, reported, region.margin) };
  });
}
