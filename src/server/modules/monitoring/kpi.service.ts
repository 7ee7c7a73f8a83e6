import { asc, eq, sql } from 'drizzle-orm';
import { describeCode } from '../../../shared/codelists/index.js';
import {
  defaultSuppressionThreshold,
  kpiDefinitionById,
  kpiIds,
  type KpiCell,
  type KpiFilters,
  type KpiGroupBy,
  type KpiId,
  type KpiPeriod,
  type KpiResponse,
  type KpiResult,
} from '../../../shared/kpi.js';
import { publishedRounding, type KpiDisclosure, type KpiRounding } from '../../../shared/kpi-disclosure.js';
import type { Db } from '../../db/client.js';
import { budgetLines, lots, municipalities, providers, regions } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { kpiModules } from './kpis/index.js';
import { trajectoryGroupings, type KpiContext, type KpiFigures, type KpiRow } from './kpis/kpi-module.js';
import { kpiDataRange, kpiFactsAsOf, kpiFactsState } from './facts.service.js';
import {
  addDays,
  addMonths,
  dutchToday,
  lastCompleteQuarter,
  markProvisional,
  parsePeriod,
  parsePeriodFor,
  previousPeriod,
} from './period.js';
import { getKpiSettings } from './settings.service.js';
import { roundFigures, roundYouths, suppressCells, type RawCell } from './suppression.js';
import { listTargets, type KpiTarget } from './targets.service.js';
import { unknownProducts } from './unknown-products.js';

export interface ComputeKpisOptions {
  regionId: string;
  period: string;
  groupBy?: KpiGroupBy;
  filters?: KpiFilters;
  kpis?: KpiId[];
  threshold?: number;
  /**
   * `published` (the default): calendar periods only, figures rounded (docs/kpi.md); `exact` only for a role that may
   * read the region's trajectories (kpiDisclosureFor) and for the tests that compare the engine with a reference.
   */
  disclosure?: KpiDisclosure;
  /** The Dutch calendar day the figures are read on, which decides what is provisional; today when absent. */
  today?: string;
}

/**
 * The region by code or id; without one, the first of the regions in reach (an actor's own region). `within` is
 * the actor's regions: another region answers as if it does not exist. The CLI, run by the installation's
 * operator, reaches every region.
 */
export async function resolveRegion(
  db: Db,
  codeOrId?: string,
  within?: string[],
): Promise<{ id: string; code: string; name: string }> {
  const all = (
    await db.select({ id: regions.id, code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.name))
  ).filter((r) => !within || within.includes(r.id));
  const region = codeOrId ? all.find((r) => r.code === codeOrId || r.id === codeOrId) : all[0];
  if (!region)
    throw new AppError(
      ErrorCode.NotFound,
      codeOrId ? `Regio ${codeOrId} bestaat niet.` : 'Er is geen regio voor uw account.',
    );
  return region;
}

/** What a publication that cannot be sent without figures (an export, a report) answers while they are built. */
export function buildingError(): AppError {
  return new AppError(ErrorCode.Unavailable, 'De cijfers worden opgebouwd; probeer het over enkele minuten opnieuw.');
}

export interface KpiPeriodRange {
  first: string | null;
  last: string | null;
  /** The last complete quarter (not provisional) that ends on or before the data's last day. */
  defaultPeriod: string;
  /** Months after a period's end until it counts as complete (the region's setting). */
  provisionalLagMonths: number;
  /** A calendar month, quarter or year that ends after this day is provisional (voorlopig) today. */
  completeThrough: string;
}

/** The first and last date in the region's trajectories, the default period, and which periods are provisional. */
export async function kpiPeriods(db: Db, regionId: string, today = dutchToday()): Promise<KpiPeriodRange> {
  const { first, last } = await kpiDataRange(db, regionId);
  const { provisionalLagMonths: lag } = await getKpiSettings(db, regionId);
  return {
    first,
    last,
    defaultPeriod: lastCompleteQuarter(lag, today, last),
    provisionalLagMonths: lag,
    // A calendar period's day after its end is a first of the month: complete when that lies lag months before today's month.
    completeThrough: addDays(addMonths(`${today.slice(0, 7)}-01`, -lag), -1),
  };
}

async function groupLabels(db: Db, regionId: string, groupBy: KpiGroupBy): Promise<(key: string) => string> {
  const pairs = async (): Promise<Array<[string, string]>> => {
    switch (groupBy) {
      case 'municipality':
        return (
          await db
            .select({ k: municipalities.cbsCode, n: municipalities.name })
            .from(municipalities)
            .where(eq(municipalities.regionId, regionId))
        ).map((r) => [r.k, r.n]);
      case 'provider':
        return (await db.select({ k: providers.agbCode, n: providers.name }).from(providers)).map((r) => [r.k, r.n]);
      case 'lot':
        return (await db.select({ k: lots.code, n: lots.name }).from(lots).where(eq(lots.regionId, regionId))).map(
          (r) => [r.k, r.n],
        );
      case 'budgetLine':
        return (
          await db
            .select({ k: budgetLines.code, n: budgetLines.name })
            .from(budgetLines)
            .where(eq(budgetLines.regionId, regionId))
        ).map((r) => [r.k, r.n]);
      default:
        return [];
    }
  };
  const names = new Map(await pairs());
  return (key) => {
    if (groupBy === 'region') return 'Regio';
    if (key === '–') return 'Onbekend';
    if (groupBy === 'productCategory') return `${key} ${describeCode('JZ020', key) ?? ''}`.trim();
    return names.get(key) ?? key;
  };
}

function targetFor(
  targets: KpiTarget[],
  groupBy: KpiGroupBy,
  key: string | null,
  baseline: (t: KpiTarget) => number | null,
): KpiCell['target'] {
  const scope = key === null || groupBy === 'region' ? 'region' : groupBy;
  const matching = targets
    .filter((t) => t.scopeType === scope && (t.scopeKey === null || t.scopeKey === key))
    .sort((a, b) => Number(b.scopeKey !== null) - Number(a.scopeKey !== null));
  for (const t of matching) {
    const value = t.value ?? baseline(t);
    if (value !== null) return { value: Math.round(value * 100) / 100, comparator: t.comparator, met: false };
  }
  return null;
}

const meets = (value: number | null, target: NonNullable<KpiCell['target']>) =>
  value === null || (target.comparator === 'atMost' ? value <= target.value : value >= target.value);

/**
 * Computes the requested KPIs for a period with the previous period beside them, applies targets and suppresses small
 * numbers. Every publication (API, CLI, exports, PDF, dashboard) takes its figures from here. It reads the facts as
 * they are and never waits for a refresh: while they were never built it answers at once without figures.
 */
export async function computeKpis(db: Db, options: ComputeKpisOptions): Promise<KpiResponse> {
  const disclosure = options.disclosure ?? 'published';
  const today = options.today ?? dutchToday();
  const { provisionalLagMonths: lag } = await getKpiSettings(db, options.regionId);
  const period = markProvisional(parsePeriodFor(options.period, disclosure), lag, today);
  const previous = markProvisional(previousPeriod(period), lag, today);
  const rounding = disclosure === 'published' ? publishedRounding : null;
  const groupBy = options.groupBy ?? 'region';
  const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v)) as KpiFilters;
  const threshold = options.threshold ?? defaultSuppressionThreshold;
  const requested = options.kpis?.length
    ? options.kpis
    : kpiIds.filter((id) => (kpiModules[id].groupings ?? trajectoryGroupings).includes(groupBy));
  const unsupported = requested.filter((id) => !(kpiModules[id].groupings ?? trajectoryGroupings).includes(groupBy));
  if (unsupported.length) {
    throw new AppError(ErrorCode.Validation, 'Deze indeling past niet bij de KPI', [
      {
        name: 'groupBy',
        code: 'unsupported',
        reason: `${unsupported.join(', ')} kan niet worden ingedeeld naar ${groupBy}`,
      },
    ]);
  }
  const facts = await kpiFactsState(db);
  const response = {
    period,
    previousPeriod: previous,
    groupBy,
    filters,
    suppressionThreshold: threshold,
    rounding,
    unknownProducts: null,
  };
  if (facts.state === 'building') return { facts, ...response, dataDate: null, data: [] };
  // Read in one transaction with settings for queries that scan most of a fact table and return a few rows: more memory
  // for the counts that still sort (the default 4 MB spills to disk); parallel scans even where the planner expects many
  // rows out of them (it cannot tell how many youths are alone in a window); no JIT, which costs more than it saves here.
  // One snapshot, so the figures are those of the refresh that `asOf` names.
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      await tx.execute(sql`set local parallel_tuple_cost = 0.001`);
      await tx.execute(sql`set local jit = off`);
      const dataDate = (await kpiDataRange(tx, options.regionId)).last;
      const data = await computeInTransaction(tx, {
        dataDate,
        period,
        previous,
        groupBy,
        filters,
        threshold,
        requested,
        rounding,
        regionId: options.regionId,
      });
      const asOf = await kpiFactsAsOf(tx);
      if (!asOf) return { facts: { ...facts, state: 'building', asOf }, ...response, dataDate: null, data: [] };
      // Exact figures only: a count of trajectories is not rounded, and the contract manager is who adds products.
      const unknown = rounding ? null : await unknownProducts(tx, { regionId: options.regionId, period, filters });
      return { facts: { ...facts, asOf }, ...response, dataDate, unknownProducts: unknown, data };
    },
    { isolationLevel: 'repeatable read' },
  );
}

async function computeInTransaction(
  db: Db,
  options: {
    dataDate: string | null;
    period: KpiPeriod;
    previous: KpiPeriod;
    groupBy: KpiGroupBy;
    filters: KpiFilters;
    threshold: number;
    requested: KpiId[];
    rounding: KpiRounding | null;
    regionId: string;
  },
): Promise<KpiResult[]> {
  const { period, previous, groupBy, filters, threshold, requested, rounding } = options;
  const municipalityCodes = (
    await db
      .select({ code: municipalities.cbsCode })
      .from(municipalities)
      .where(eq(municipalities.regionId, options.regionId))
  ).map((r) => r.code);
  const base = {
    regionId: options.regionId,
    municipalities: municipalityCodes,
    groupBy,
    filters,
    dataDate: options.dataDate,
  };
  const label = await groupLabels(db, options.regionId, groupBy);
  const targets = await listTargets(db, options.regionId);

  const data: KpiResult[] = [];
  for (const id of requested) {
    const module = kpiModules[id];
    const current = await module.compute(db, { ...base, current: period, previous });
    const definition = kpiDefinitionById.get(id)!;
    if (current === null) {
      const empty: KpiCell = {
        key: 'total',
        label: 'Totaal',
        value: null,
        previous: null,
        numerator: null,
        denominator: null,
        youths: null,
        suppressed: false,
      };
      data.push({ kpi: definition, available: false, total: empty, rows: [] });
      continue;
    }
    // What is published of one period's figures: rounded for a role without client-level access. A relative target
    // is computed from the baseline as published, and whether a cell meets it from its published value, so neither
    // tells more than the figures themselves.
    const published = <T extends KpiFigures>(f: T): T => (rounding ? roundFigures(definition.unit, f, rounding) : f);
    const baselineValue = (f: KpiFigures | undefined) =>
      !f || (rounding && f.youths > 0 && f.youths < threshold) ? null : published(f).value;
    const kpiTargets = targets.filter((t) => t.kpi === id);
    const baselines = new Map<number, Map<string | null, KpiRow>>();
    for (const year of new Set(
      kpiTargets
        .map((t) => t.baselineYear)
        .filter((y): y is number => y !== null && kpiTargets.some((t) => t.changePercent !== null)),
    )) {
      const ctx: KpiContext = { ...base, current: parsePeriod(String(year)), previous: parsePeriod(String(year - 1)) };
      baselines.set(year, new Map(((await module.compute(db, ctx)) ?? []).map((r) => [r.grp, r])));
    }
    const toRaw = (row: KpiRow): RawCell => {
      const r = published(row);
      const prev = row.previous && published(row.previous);
      let target = targetFor(kpiTargets, groupBy, r.grp, (t) => {
        const b = baselineValue(baselines.get(t.baselineYear!)?.get(r.grp));
        return b === null || b === undefined || t.changePercent === null ? null : b * (1 + t.changePercent / 100);
      });
      if (id === 'spend_forecast' && !target && r.budget)
        target = { value: r.budget, comparator: 'atMost', met: false };
      if (target) target = { ...target, met: meets(r.value, target) && !row.linesOver?.length };
      return {
        key: r.grp ?? 'total',
        label: r.grp === null ? 'Totaal' : label(r.grp),
        value: r.value,
        previous: prev?.value ?? null,
        numerator: r.numerator,
        denominator: r.denominator,
        youths: r.youths,
        previousYouths: prev?.youths ?? null,
        ...(r.budget !== undefined ? { budget: r.budget } : {}),
        target,
      };
    };
    // No trajectory in scope at all: a count is 0, a share or average has nothing to divide.
    const zero = definition.unit === 'youths' ? 0 : null;
    const nothing = { youths: 0, value: zero, numerator: null, denominator: null };
    const totalRow: KpiRow = current.find((r) => r.grp === null) ?? { grp: null, ...nothing, previous: nothing };
    const rows =
      groupBy === 'region'
        ? []
        : current
            .filter((r) => r.grp !== null)
            .map(toRaw)
            .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
    const suppressed = suppressCells(toRaw(totalRow), rows, threshold);
    const protectedCells = rounding ? roundYouths(suppressed, rounding) : suppressed;
    data.push({ kpi: definition, available: true, total: protectedCells.total, rows: protectedCells.rows });
  }
  return data;
}
