import { eq } from 'drizzle-orm';
import { kpiIds, type KpiId, type KpiResponse } from '../../../../shared/kpi.js';
import type { Db } from '../../../db/client.js';
import { providers } from '../../../db/schema/index.js';
import { fieldError } from '../../../http/errors.js';
import { goalCompleteness } from '../../outcomes/index.js';
import { buildingError, computeKpis, resolveRegion } from '../kpi.service.js';
import { computeMoneyLines, type MoneyLinesResponse } from '../money-lines.js';
import { dutchToday } from '../period.js';
import { computeKpiSeriesSet, type KpiSeries } from '../series.service.js';
import { listSignals, type Signal } from '../signals.service.js';
import { listComments } from './commentary.service.js';
import { changesSinceIssued, type IssuedChange } from './issued-changes.js';
import { parseQuarter } from './quarter.js';

/** How many quarters the trends show. */
export const trendQuarters = 8;

/** Everything the quarterly PDF shows, gathered before rendering so the renderer never touches the database. */
export interface QuarterlyReportData {
  region: { id: string; code: string; name: string };
  /** Set for a provider's own report: its figures only, grouped by productcategorie, beside the region's. */
  provider: { agb: string; name: string } | null;
  quarter: string;
  generatedAt: Date;
  /** Every KPI for the quarter: the total (key figures) and the rows per municipality or productcategorie (charts). */
  kpis: KpiResponse;
  /** A provider's report: the region's own figures for the same quarter, to set beside the provider's. */
  regionKpis: KpiResponse | null;
  /** The last quarters of each KPI up to this one (of the provider, in its report), as many as trendQuarters. */
  series: KpiSeries[];
  /** Money per budget line (region report only). */
  money: MoneyLinesResponse | null;
  /** The region's own words on this quarter (region report only). */
  comments: { report: string | null; kpis: Partial<Record<KpiId, string>> };
  /** Figures of reports issued earlier that have moved since (region report only). */
  changes: IssuedChange[];
  signals: Signal[];
  /**
   * Completeness of goal attainment (doelrealisatie) in the quarter, of the region or of the report's provider, with
   * the region's threshold; absent when the report shows no doelrealisatie figure.
   */
  goals?: { percent: number | null; minPercent: number; sufficient: boolean } | null;
  /** Set when the report is made to be issued: when and by whom. */
  issued: { at: Date; by: string } | null;
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
  issuedBy?: string;
  /**
   * How many quarters each trend reaches back, this one included: the report's eight unless said. A document that
   * shows fewer (the provider pack shows four) asks for those only, as every quarter is a computeKpis of its own.
   */
  trendQuarters?: number;
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
  // What is provisional is judged on the day the report is made.
  const today = dutchToday(options.now);
  const common = { regionId: region.id, threshold: options.threshold, today };
  const kpis = await computeKpis(db, {
    ...common,
    period: quarter,
    groupBy: agb ? 'productCategory' : 'municipality',
    filters: agb ? { provider: agb } : {},
  });
  if (kpis.facts.state === 'building') throw buildingError();
  const available = kpis.data.filter((r) => r.available).map((r) => r.kpi.id);
  const series = await computeKpiSeriesSet(db, {
    ...common,
    kpis: available.length ? available : [...kpiIds].slice(0, 1),
    kind: 'quarter',
    count: options.trendQuarters ?? trendQuarters,
    until: quarter,
    filters: agb ? { provider: agb } : {},
    known: kpis,
  });
  const signals = await listSignals(db, {
    regionId: region.id,
    period: quarter,
    provider: agb,
    threshold: options.threshold,
  });
  const generatedAt = options.now ?? new Date();
  const goals = available.some((id) => id.startsWith('goal_'))
    ? await goalCompleteness(db, region, { from: kpis.period.from, to: kpis.period.to }, agb)
    : null;
  if (agb) {
    const regionKpis = await computeKpis(db, { ...common, period: quarter, groupBy: 'region' });
    return {
      region,
      provider: await describeProvider(db, agb),
      quarter,
      generatedAt,
      kpis,
      regionKpis,
      series,
      money: null,
      comments: { report: null, kpis: {} },
      changes: [],
      signals,
      goals,
      issued: null,
    };
  }
  const money = await computeMoneyLines(db, { regionId: region.id, period: quarter, threshold: options.threshold });
  const comments = await listComments(db, region.id, quarter);
  return {
    region,
    provider: null,
    quarter,
    generatedAt,
    kpis,
    regionKpis: null,
    series,
    money,
    comments: {
      report: comments.report?.text ?? null,
      kpis: Object.fromEntries(comments.kpis.map((c) => [c.subject, c.text])),
    },
    changes: await changesSinceIssued(db, { regionId: region.id, until: quarter, threshold: options.threshold, today }),
    signals,
    goals,
    issued: options.issuedBy ? { at: generatedAt, by: options.issuedBy } : null,
  };
}

/** A provider outside the register (care bought without a contract) still gets a report, named by its AGB code. */
async function describeProvider(db: Db, agb: string): Promise<{ agb: string; name: string }> {
  const [row] = await db.select({ name: providers.name }).from(providers).where(eq(providers.agbCode, agb));
  return { agb, name: row?.name ?? `Aanbieder ${agb}` };
}
