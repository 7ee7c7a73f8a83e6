import type {
  KpiCell,
  KpiDefinitionInfo,
  KpiFactsState,
  KpiFilters,
  KpiId,
  KpiPeriod,
  KpiResponse,
} from '../../../shared/kpi.js';
import { kpiDefinitionById } from '../../../shared/kpi.js';
import { assessChange, type KpiAssessment } from '../../../shared/kpi-direction.js';
import type { KpiDisclosure } from '../../../shared/kpi-disclosure.js';
import * as shared from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { kpiDataRange } from './facts.service.js';
import { computeKpis } from './kpi.service.js';
import { dutchToday } from './period.js';
import { getKpiSettings } from './settings.service.js';
import { listTargets } from './targets.service.js';

export type SeriesKind = 'quarter' | 'month';

/** How many periods a series holds when not asked: three years of quarters, two of months. */
export const defaultSeriesLength: Record<SeriesKind, number> = { quarter: 12, month: 24 };

export interface KpiSeriesPoint {
  period: KpiPeriod;
  /** The region's (or filtered scope's) figure for the period, protected as a single period's figure is. */
  total: KpiCell;
  /**
   * The region's target for the period, also where the figure is withheld (a line on the chart, not a verdict): the
   * total's target, or the region's absolute one.
   */
  target: { value: number; comparator: 'atMost' | 'atLeast' } | null;
  /** Against the point before it, in the KPI's direction; null for a neutral KPI, a missing figure or a provisional point. */
  assessment: KpiAssessment | null;
}

/** A line a figure is held against that is no target of the region: the Treeknorm for waits. */
export interface KpiReferenceLine {
  key: 'treeknormIntake' | 'treeknormTreatment';
  label: string;
  value: number;
  comparator: 'atMost';
}

export interface KpiSeries {
  facts: KpiFactsState;
  kpi: KpiDefinitionInfo;
  kind: SeriesKind;
  filters: KpiFilters;
  suppressionThreshold: number;
  rounding: KpiResponse['rounding'];
  points: KpiSeriesPoint[];
  references: KpiReferenceLine[];
  /** The data date of the figures (KpiResponse.dataDate; docs/kpi.md, "The data date"). */
  dataDate: string | null;
}

export interface ComputeSeriesOptions {
  regionId: string;
  kpi: KpiId;
  kind: SeriesKind;
  /** Number of periods, oldest first in the answer; the default of the kind when absent. */
  count?: number;
  /** The last period of the series (of the kind); the one holding the data's last day (or today) when absent. */
  until?: string;
  filters?: KpiFilters;
  threshold?: number;
  disclosure?: KpiDisclosure;
  today?: string;
}

/**
 * One KPI over the last quarters or months: each point is that period's answer from computeKpis, so it is
 * suppressed and rounded exactly as a single period asked on its own (calendar periods only), and carries its target
 * and whether it is provisional. The waits also get the region's Treeknorm as reference lines.
 */
export async function computeKpiSeries(db: Db, options: ComputeSeriesOptions): Promise<KpiSeries> {
  const [series] = await computeKpiSeriesSet(db, { ...options, kpis: [options.kpi] });
  return series!;
}

/**
 * Several KPIs' series at once, one computeKpis per period for all of them (the quarterly report draws every KPI's
 * trend; a series per KPI would read the facts once per KPI and period).
 */
export async function computeKpiSeriesSet(
  db: Db,
  options: Omit<ComputeSeriesOptions, 'kpi'> & {
    kpis: KpiId[];
    /** An answer already made for one of the periods (same scope and filters, any grouping): its totals are used. */
    known?: KpiResponse;
  },
): Promise<KpiSeries[]> {
  const today = options.today ?? dutchToday();
  const count = options.count ?? defaultSeriesLength[options.kind];
  const last = options.until ? shared.parsePeriod(options.until) : await latestPeriod(db, options, today);
  if (!last || last.kind !== options.kind)
    throw new AppError(ErrorCode.Validation, 'Ongeldige periode', [
      {
        name: 'until',
        code: 'invalid',
        reason: options.kind === 'quarter' ? 'gebruik een kwartaal (2025Q3)' : 'gebruik een maand (2025-07)',
      },
    ]);
  const labels = [last];
  while (labels.length < count) labels.unshift(shared.previousPeriod(labels[0]!));
  const targets = await listTargets(db, options.regionId);
  const points = new Map<KpiId, KpiSeriesPoint[]>(options.kpis.map((kpi) => [kpi, []]));
  let response: KpiResponse | null = null;
  for (const period of labels) {
    response =
      options.known?.period.label === period.label &&
      options.kpis.every((k) => options.known!.data.some((r) => r.kpi.id === k))
        ? options.known
        : await computeKpis(db, {
            regionId: options.regionId,
            period: period.label,
            kpis: options.kpis,
            filters: options.filters,
            threshold: options.threshold,
            disclosure: options.disclosure,
            today,
          });
    for (const result of response.data) {
      const list = points.get(result.kpi.id);
      if (!list || !result.available) continue;
      const absolute = targets.find((t) => t.kpi === result.kpi.id && t.scopeType === 'region' && t.value !== null);
      const before = list[list.length - 1];
      const comparable = !response.period.provisional && before && !before.period.provisional;
      const target =
        result.total.target ?? (absolute ? { value: absolute.value!, comparator: absolute.comparator } : null);
      list.push({
        period: response.period,
        total: result.total,
        target: target ? { value: target.value, comparator: target.comparator } : null,
        assessment: comparable ? assessChange(result.kpi.direction, result.total.value, before.total.value) : null,
      });
    }
  }
  const settings = await getKpiSettings(db, options.regionId);
  return options.kpis.map((kpi) => ({
    facts: response!.facts,
    kpi: kpiDefinitionById.get(kpi)!,
    kind: options.kind,
    filters: response!.filters,
    suppressionThreshold: response!.suppressionThreshold,
    rounding: response!.rounding,
    points: response!.facts.state === 'building' ? [] : points.get(kpi)!,
    references: treeknormLines(kpi, settings),
    dataDate: response!.dataDate,
  }));
}

/**
 * The Treeknorm lines beside a wait. The wait from the request starts closest to the aanmelding: both norms
 * (docs/kpi.md, "Trends and norms"). The wait from the allocation starts later (the allocation follows the aanmelding,
 * often the intake): only the norm to treatment, as an upper bound.
 */
function treeknormLines(
  kpi: KpiId,
  settings: { treeknormIntakeDays: number; treeknormTreatmentDays: number },
): KpiReferenceLine[] {
  const intake: KpiReferenceLine = {
    key: 'treeknormIntake',
    label: `Treeknorm aanmelding tot intake (${settings.treeknormIntakeDays} dagen)`,
    value: settings.treeknormIntakeDays,
    comparator: 'atMost',
  };
  const treatment: KpiReferenceLine = {
    key: 'treeknormTreatment',
    label: `Treeknorm aanmelding tot behandeling (${settings.treeknormTreatmentDays} dagen)`,
    value: settings.treeknormTreatmentDays,
    comparator: 'atMost',
  };
  if (kpi === 'request_wait_days') return [intake, treatment];
  if (kpi === 'allocation_wait_days')
    return [{ ...treatment, label: `${treatment.label}; de wachttijd vanaf de toewijzing is daar een deel van` }];
  return [];
}

/** The period of the kind that holds the data's last day, or today when that is earlier or there is no data. */
async function latestPeriod(
  db: Db,
  options: Pick<ComputeSeriesOptions, 'regionId' | 'kind'>,
  today: string,
): Promise<shared.ParsedPeriod> {
  const { last } = await kpiDataRange(db, options.regionId);
  const day = last && last < today ? last : today;
  const month = shared.parsePeriod(day.slice(0, 7))!;
  return options.kind === 'month' ? month : shared.parsePeriod(shared.quarterOf(month))!;
}
