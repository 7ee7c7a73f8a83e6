import { eq } from 'drizzle-orm';
import type { KpiResponse } from '../../../../shared/kpi.js';
import type { Db } from '../../../db/client.js';
import { providers } from '../../../db/schema/index.js';
import { fieldError } from '../../../http/errors.js';
import { buildingError, computeKpis, resolveRegion } from '../kpi.service.js';
import { listSignals, type Signal } from '../signals.service.js';
import { parseQuarter } from './quarter.js';
import { dutchToday } from '../period.js';

/** Everything the quarterly PDF shows, gathered before rendering so the renderer never touches the database. */
export interface QuarterlyReportData {
  region: { id: string; code: string; name: string };
  /** Set for a provider's own report: its figures only, grouped by productcategorie. */
  provider: { agb: string; name: string } | null;
  quarter: string;
  generatedAt: Date;
  /** Every KPI for the quarter: the total (key figures) and the rows per municipality or productcategorie (charts). */
  kpis: KpiResponse;
  signals: Signal[];
}

export interface BuildQuarterlyReportOptions {
  /** Region code or id; empty = the installation's region. */
  region?: string | undefined;
  quarter: string;
  /** AGB code: a report about this provider's care only. */
  provider?: string | undefined;
  /** Small-number threshold (installation setting); the service's default when absent. */
  threshold?: number | undefined;
  now?: Date;
}

/**
 * Gathers the figures for one region's (or one provider's) quarterly report. The cells come from computeKpis, so the
 * PDF withholds exactly what the dashboard, API and exports withhold.
 */
export async function buildQuarterlyReportData(
  db: Db,
  options: BuildQuarterlyReportOptions,
): Promise<QuarterlyReportData> {
  const quarter = parseQuarter(options.quarter);
  const region = await resolveRegion(db, options.region || undefined);
  const agb = options.provider || undefined;
  if (agb && !/^\d{8}$/.test(agb)) throw fieldError('provider', 'moet een AGB-code van 8 cijfers zijn');
  const kpis = await computeKpis(db, {
    regionId: region.id,
    period: quarter,
    groupBy: agb ? 'productCategory' : 'municipality',
    filters: agb ? { provider: agb } : {},
    threshold: options.threshold,
    // What is provisional is judged on the day the report is made.
    today: dutchToday(options.now),
  });
  if (kpis.facts.state === 'building') throw buildingError();
  const signals = await listSignals(db, {
    regionId: region.id,
    period: quarter,
    provider: agb,
    threshold: options.threshold,
  });
  return {
    region,
    provider: agb ? await describeProvider(db, agb) : null,
    quarter,
    generatedAt: options.now ?? new Date(),
    kpis,
    signals,
  };
}

/** A provider outside the register (care bought without a contract) still gets a report, named by its AGB code. */
async function describeProvider(db: Db, agb: string): Promise<{ agb: string; name: string }> {
  const [row] = await db.select({ name: providers.name }).from(providers).where(eq(providers.agbCode, agb));
  return { agb, name: row?.name ?? `Aanbieder ${agb}` };
}
