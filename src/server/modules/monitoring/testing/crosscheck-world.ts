import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import {
  kpiDefinitions,
  type KpiCell,
  type KpiFilters,
  type KpiGroupBy,
  type KpiId,
  type KpiResponse,
  type KpiResult,
} from '../../../../shared/kpi.js';
import { queryRows } from '../../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../../db/seed/demo.js';
import { buildAdmin, buildProvider } from '../../../testing/factories.js';
import { createTestContext, type TestContext } from '../../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../../tools/ijw-generator/generate.js';
import { importSources, type FileResult } from '../../exchange/import.service.js';
import { readSources } from '../../exchange/sources.js';
import { createProduct } from '../../landscape/products/products.service.js';
import { createRegion } from '../../landscape/regions/regions.service.js';
import { refreshKpiFacts } from '../facts.service.js';
import { computeKpis } from '../kpi.service.js';
import { loadRefData, refPeriod, refPreviousPeriod } from './crosscheck-data.js';
import { Reference, type RefFilters, type RefGroupBy, type RefResult } from './crosscheck-reference.js';

/**
 * The generated and imported region of kpi-crosscheck.test.ts, and the comparison of the engine (computeKpis) with
 * the plain-TypeScript reference (crosscheck-reference.ts) over it.
 */

const thisYear = new Date().getFullYear();
/** Three whole years of data, all in the past (messages may not be dated in the future), budgets for the last two. */
const startYear = thisYear - 3;
/** The last whole year of data: the periods compared lie in it and the year before. */
export const Y = thisYear - 1;
const moneyKpis = ['spend', 'spend_forecast'] as const;

let ctx: TestContext;
let dir: string;
let regionId: string;
let ref: Reference;

/** The database, the region compared and the reference over its rows; set by useCrosscheckWorld's beforeAll. */
export const world = {
  get ctx(): TestContext {
    return ctx;
  },
  get regionId(): string {
    return regionId;
  },
  get ref(): Reference {
    return ref;
  },
};

/** Registers the hooks that generate and import the region for the test file that calls it. */
export function useCrosscheckWorld(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    await seedDemoRegionIfEmpty(db);
    const { actor } = await buildAdmin(ctx);
    await createRegion(db, actor, {
      code: 'buurregio',
      name: 'Buurregio',
      municipalities: [{ cbsCode: '0344', name: 'Utrecht' }],
      lots: [],
      budgetLines: [],
    });
    // Its one location lies in Utrecht (PC4 3511, municipality 0344 in the demo's postcode table): outside the region.
    await buildProvider(ctx, {
      agbCode: '99000100',
      name: 'Jeugdzorg Buiten de Regio',
      locations: [{ name: 'Hoofdvestiging', postcode: '3511 AB', city: 'Utrecht' }],
    });
    const [lekstroom] = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from regions where code = 'lekstroom'`,
    );
    regionId = lekstroom!.id;
    const [amb] = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from lots where region_id = ${regionId}::uuid and code = 'AMB'`,
    );
    await createProduct(db, actor, {
      regionId,
      lotId: amb!.id,
      productCategory: '45',
      productCode: '45T01',
      name: 'Jeugdhulp wijkgericht (taakgericht)',
      unit: '04',
      fundingVariant: 'taakgericht',
      withStay: false,
      stayForm: null,
      intensity: null,
      travelHoursPerFte: null,
      validFrom: '2023-08-01',
      validTo: null,
      tariffs: Array.from({ length: thisYear - 2023 + 1 }, (_, i) => ({ year: 2023 + i, tariff: 70 })),
    });

    const landscape = demoLandscape();
    landscape.municipalities.push({ cbsCode: '0344', name: 'Utrecht', inhabitants: 40_000 });
    const product = (
      productCategory: string,
      productCode: string,
      unit: string,
      fundingVariant: 'inspanningsgericht' | 'taakgericht',
      withStay: boolean,
      tariff: number,
    ) => ({ productCategory, productCode, unit, fundingVariant, withStay, tariff });
    landscape.providers.push(
      {
        agbCode: '99000066',
        products: [
          product('44', '44G01', '14', 'inspanningsgericht', true, 189),
          // Jeugdbescherming, a code the product book does not know: not ambulant (docs/kpi.md).
          product('48', '48B01', '04', 'inspanningsgericht', false, 95),
          // Ambulant care (lot AMB), for which this provider has no contract (its contract is Gezinsvormen).
          product('45', '45A01', '04', 'inspanningsgericht', false, 68.5),
        ],
      },
      {
        agbCode: '99000100',
        products: [
          product('45', '45A02', '04', 'inspanningsgericht', false, 74.2),
          product('43', '43X01', '14', 'inspanningsgericht', true, 310),
        ],
      },
    );
    landscape.providers
      .find((p) => p.agbCode === '99000022')!
      .products.push(product('45', '45T01', '04', 'taakgericht', false, 70));

    dir = mkdtempSync(join(tmpdir(), 'zl-kpi-crosscheck-'));
    await generateIjw({ outDir: dir, ...landscape, youths: 600, years: 3, startYear, seed: 20_251 });
    const results: FileResult[] = [];
    await importSources(
      { db, secrets: ctx.secrets, actor: null },
      readSources([0, 1, 2].map((i) => join(dir, String(startYear + i)))),
      (r) => results.push(r),
    );
    const rejected = results.filter((r) => r.status !== 'accepted');
    if (rejected.length)
      throw new Error(`import rejected ${rejected.length} files: ${JSON.stringify(rejected.slice(0, 2))}`);
    await refreshKpiFacts(db);
    ref = new Reference(await loadRefData(db, regionId));
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

const responses = new Map<string, Promise<KpiResponse>>();
/** computeKpis, memoised per (period, grouping, filters, threshold): the suppression tests reuse the raw figures. */
export function engine(
  period: string,
  groupBy: KpiGroupBy,
  options: { filters?: KpiFilters; threshold?: number; kpis?: KpiId[] } = {},
): Promise<KpiResponse> {
  const key = JSON.stringify([period, groupBy, options.filters ?? {}, options.threshold ?? 1, options.kpis ?? []]);
  let r = responses.get(key);
  if (!r) {
    const kpis = options.kpis ?? (groupBy === 'budgetLine' ? [...moneyKpis] : undefined);
    r = computeKpis(ctx.database.db, {
      regionId,
      period,
      groupBy,
      kpis,
      filters: options.filters,
      threshold: options.threshold ?? 1,
      disclosure: 'exact',
    });
    responses.set(key, r);
  }
  return r;
}

/** Half a unit of the rounding the engine publishes (percent 0.1, days 0.1, ratio 0.01, euro 0.01), plus float slack. */
function tolerance(kpi: string): number {
  const unit = kpiDefinitions.find((d) => d.id === kpi)!.unit;
  if (kpi === 'spend_forecast') return 0.011;
  return { percent: 0.05, days: 0.05, ratio: 0.005, euro: 0.005, youths: 0, score: 0 }[unit] + 1e-6;
}

const isEmpty = (c: {
  youths: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  budget?: number | null;
}) => c.youths === 0 && !c.value && !c.numerator && !c.denominator && !c.budget;
const close = (a: number | null | undefined, b: number | null | undefined, tol: number) =>
  (a === null || a === undefined) && (b === null || b === undefined)
    ? true
    : a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= tol;

/** Counts of youths other than youths_in_care: their youth count (the counted youths) has its own test below. */
export const countKpis = ['inflow', 'outflow', 'residential_youths', 'youths_18_plus'];
/** KPIs whose youth count the matrix does not compare: the counts above, and the ratio, which docs/kpi.md leaves open. */
const youthsApart = [...countKpis, 'ambulant_stay_ratio'];

/**
 * Differences between the engine's result for one KPI and the reference's, as readable lines. A group only one side
 * has is fine when it is empty there (0 youths, no figure), e.g. a provider with care on the day before the period only.
 */
function differences(
  where: string,
  result: KpiResult,
  current: RefResult,
  previous: RefResult | null,
  groupBy: KpiGroupBy,
): string[] {
  const kpi = result.kpi.id;
  const tol = tolerance(kpi);
  const out: string[] = [];
  const engineCells = new Map<string | null, KpiCell>([
    [null, result.total],
    ...result.rows.map((r) => [r.key, r] as const),
  ]);
  const keys = new Set<string | null>([...engineCells.keys(), ...(groupBy === 'region' ? [] : [...current.keys()])]);
  for (const key of keys) {
    const e = engineCells.get(key);
    const r = current.get(key);
    const at = `${where} ${kpi} [${key ?? 'total'}]`;
    if (!e || !r) {
      const present = (e ?? r)!;
      if (youthsApart.includes(kpi) && !present.value && !present.numerator && !present.denominator) continue;
      if (!isEmpty(present))
        out.push(`${at}: only ${e ? 'the engine' : 'the reference'} has ${JSON.stringify(present)}`);
      continue;
    }
    if (!close(e.value, r.value, tol)) out.push(`${at}: value ${e.value} ≠ ${r.value}`);
    const numTol = kpi === 'spend_forecast' ? 0.005 : 0;
    if (!close(e.numerator, r.numerator, numTol)) out.push(`${at}: numerator ${e.numerator} ≠ ${r.numerator}`);
    if (!close(e.denominator, r.denominator, 0)) out.push(`${at}: denominator ${e.denominator} ≠ ${r.denominator}`);
    if (e.youths !== r.youths && !youthsApart.includes(kpi)) out.push(`${at}: youths ${e.youths} ≠ ${r.youths}`);
    if (r.budget !== undefined && !close(e.budget ?? null, r.budget, 0.51))
      out.push(`${at}: budget ${e.budget} ≠ ${r.budget}`);
    if (previous) {
      const p = previous.get(key);
      const expected = p && !isEmpty(p) ? p.value : null;
      const ok = expected === null ? e.previous === null || e.previous === 0 : close(e.previous, expected, tol);
      if (!ok) out.push(`${at}: previous ${e.previous} ≠ ${expected}`);
    }
  }
  return out;
}

export async function compareAll(
  period: string,
  groupBy: KpiGroupBy,
  filters: RefFilters = {},
  kpis?: KpiId[],
): Promise<string[]> {
  const response = await engine(period, groupBy, { filters, ...(kpis ? { kpis } : {}) });
  const current = refPeriod(period);
  const before = refPreviousPeriod(current);
  const out: string[] = [];
  for (const result of response.data) {
    const now = ref.compute(result.kpi.id, current, groupBy as RefGroupBy, filters);
    if (now === null) {
      if (result.available) out.push(`${period} ${result.kpi.id}: the engine has figures for a KPI without data`);
      continue;
    }
    if (!result.available) {
      out.push(`${period} ${result.kpi.id}: the engine says no data`);
      continue;
    }
    out.push(
      ...differences(
        `${period} by ${groupBy}${Object.keys(filters).length ? ` ${JSON.stringify(filters)}` : ''}`,
        result,
        now,
        ref.compute(result.kpi.id, before, groupBy as RefGroupBy, filters),
        groupBy,
      ),
    );
  }
  return out;
}
