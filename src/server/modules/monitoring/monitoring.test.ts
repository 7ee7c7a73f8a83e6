import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kpiIds, type KpiResponse } from '../../../shared/kpi.js';
import { providers } from '../../db/schema/index.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../tools/ijw-generator/generate.js';
import { importSources } from '../exchange/import.service.js';
import { readSources } from '../exchange/sources.js';
import type { Signal } from './signals.service.js';
import { JobRunner, type JobDefinition } from '../../jobs/runner.js';
import { kpiRefreshJob } from './facts.job.js';

let ctx: TestContext;
let jobs: JobRunner;
/** The refresh job as the server runs it, held back until the test lets it go on. */
let held = Promise.resolve();
const heldRefresh: JobDefinition = {
  ...kpiRefreshJob,
  run: async (db, context) => {
    await held;
    await kpiRefreshJob.run(db, context);
  },
};
let dir: string;
let manager: string;
let policy: string;
const importYear = (year: string) =>
  importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, readSources([join(dir, year)]), () => {});
const kpis = async (token: string, query: string) =>
  call(ctx, token, 'GET', `/kpis?${query}`) as Promise<{ status: number; body: KpiResponse }>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-kpi-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 700, years: 2, startYear: 2024, seed: 11 });
  await importYear('2024');
  manager = (await buildUser(ctx, 'contractmanager')).token;
  policy = (await buildUser(ctx, 'beleid')).token;
  jobs = new JobRunner(ctx.database, [heldRefresh], { pollMs: 50 });
}, 180_000);
afterAll(async () => {
  await jobs.stop();
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the background refresh has brought the figures up to date. */
async function ready(query: string): Promise<KpiResponse> {
  let body: KpiResponse | undefined;
  await vi.waitFor(
    async () => {
      body = (await kpis(manager, query)).body;
      expect(body.facts).toMatchObject({ state: 'ready', refreshing: false });
    },
    { timeout: 60_000, interval: 100 },
  );
  return body!;
}

describe('GET /kpis', () => {
  it('answers at once without figures while the facts are being built, and with figures once the job ran', async () => {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    await jobs.start();
    const started = performance.now();
    const building = await kpis(manager, 'kpi=youths_in_care&period=2025Q2');
    // Generous: the read does not wait for the refresh, which is held back until below.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(building.status).toBe(200);
    expect(building.body.facts).toEqual({ state: 'building', asOf: null, refreshing: true });
    expect(building.body.data).toEqual([]);
    const signals = await call(ctx, manager, 'GET', '/kpis/signals?period=2025Q2');
    expect([signals.status, signals.body.facts.state, signals.body.data]).toEqual([200, 'building', []]);
    const csv = await call(ctx, manager, 'GET', '/kpis/export?period=2025Q2');
    expect([csv.status, csv.body.detail]).toEqual([
      503,
      'De cijfers worden opgebouwd; probeer het over enkele minuten opnieuw.',
    ]);
    release();
    const built = await ready('kpi=youths_in_care&period=2025Q2');
    expect(built.data[0]!.total.value).toBeGreaterThan(0);
    expect(Date.parse(built.facts.asOf!)).toBeGreaterThan(Date.now() - 60_000);
  }, 120_000);

  it('answers "being built" again after a migration empties the facts, and the same figures once the job ran', async () => {
    const before = await ready('kpi=youths_in_care,spend&period=2025Q2');
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    // What a migration that rebuilds the facts does (as 0016 did): empty them and forget the last refresh.
    await ctx.database.db.execute(
      sql`truncate kpi_trajectory_facts, kpi_money_facts, kpi_money_months, kpi_data_dates`,
    );
    await ctx.database.db.execute(sql`delete from kpi_refresh`);
    const building = await kpis(manager, 'kpi=youths_in_care,spend&period=2025Q2');
    expect(building.body.facts.state).toBe('building');
    expect(building.body.data).toEqual([]);
    release();
    const after = await ready('kpi=youths_in_care,spend&period=2025Q2');
    expect(after.data).toEqual(before.data);
  }, 120_000);

  it('answers with figures that follow an import in the background', async () => {
    const before = await ready('kpi=youths_in_care&period=2025Q2');
    const carriedOver = before.data[0]!.total.value ?? 0;
    await importYear('2025');
    let after = before;
    await vi.waitFor(
      async () => {
        after = (await kpis(manager, 'kpi=youths_in_care&period=2025Q2')).body;
        expect(after.data[0]!.total.value).toBeGreaterThan(carriedOver);
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(Date.parse(after.facts.asOf!)).toBeGreaterThan(Date.parse(before.facts.asOf!));
    expect(after.period).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
      label: '2025Q2',
      provisional: false,
      finalOn: '2025-10-01',
    });
    expect(after.previousPeriod.label).toBe('2025Q1');
  }, 180_000);

  it('gives every KPI per municipality, with small cells withheld', async () => {
    const res = await kpis(policy, 'period=2025&groupBy=municipality');
    expect(res.status).toBe(200);
    expect(res.body.data.map((d) => d.kpi.id)).toEqual([...kpiIds]);
    const inCare = res.body.data.find((d) => d.kpi.id === 'youths_in_care')!;
    expect(inCare.rows.map((r) => r.label).sort()).toEqual([
      'Houten',
      'IJsselstein',
      'Lopik',
      'Nieuwegein',
      'Vijfheerenlanden',
    ]);
    for (const result of res.body.data) {
      for (const cell of [...result.rows, result.total]) {
        if (cell.suppressed)
          expect([cell.value, cell.youths, cell.numerator, cell.denominator]).toEqual([null, null, null, null]);
        else if (result.available)
          expect(cell.youths === 0 || (cell.youths ?? 0) >= 10, `${result.kpi.id} ${cell.label}`).toBe(true);
      }
    }
    // Satisfaction per municipality too: the demo's answers came through batches made per municipality, some by number.
    const satisfaction = res.body.data.find((d) => d.kpi.id === 'satisfaction')!;
    expect(satisfaction.available).toBe(true);
    expect(satisfaction.rows.map((r) => r.label).sort()).toEqual([
      'Houten',
      'IJsselstein',
      'Lopik',
      'Nieuwegein',
      'Onbekend',
      'Vijfheerenlanden',
    ]);
    expect(satisfaction.rows.filter((r) => !r.suppressed).length).toBeGreaterThanOrEqual(4);
    const spend = res.body.data.find((d) => d.kpi.id === 'spend')!;
    expect(spend.total.budget).toBeGreaterThan(0);
  });

  it('refuses a bad period, an unknown KPI and a grouping the KPI lacks, as problem+json', async () => {
    const badPeriod = await kpis(manager, 'period=2025Q5');
    expect(badPeriod.status).toBe(400);
    expect(JSON.stringify(badPeriod.body)).toContain('"name":"period"');
    const unknown = await kpis(manager, 'kpi=happiness');
    expect(unknown.status).toBe(400);
    const grouping = await kpis(manager, 'kpi=youths_in_care&groupBy=budgetLine');
    expect(grouping.status).toBe(400);
    expect(JSON.stringify(grouping.body)).toContain('"name":"groupBy"');
    const money = await kpis(manager, 'kpi=spend&period=2025&groupBy=budgetLine');
    expect(money.status).toBe(200);
    expect(money.body.data[0]!.rows.map((r) => r.key)).toContain('ZIN');
  });

  it('lets only steering roles read, and an aanbieder only its own figures', async () => {
    const referrer = (await buildUser(ctx, 'verwijzer')).token;
    expect((await kpis(referrer, 'period=2025')).status).toBe(403);
    expect((await call(ctx, null, 'GET', '/kpis?period=2025')).status).toBe(401);
    const [own] = await ctx.database.db.select().from(providers).where(eq(providers.agbCode, '99000011'));
    const provider = (await buildUser(ctx, 'aanbieder', own!.id)).token;
    const mine = await kpis(provider, 'kpi=youths_in_care&period=2025&groupBy=provider');
    expect(mine.status).toBe(200);
    expect(mine.body.filters.provider).toBe('99000011');
    expect(mine.body.data[0]!.rows.map((r) => r.key)).toEqual(['99000011']);
    expect((await kpis(provider, 'period=2025&provider=99000022')).status).toBe(403);
    const all = await kpis(manager, 'kpi=youths_in_care&period=2025&groupBy=provider');
    expect(all.body.data[0]!.rows.length).toBeGreaterThan(1);
  });
});

describe('exports', () => {
  it('names the file after what it holds, so two exports of one period do not overwrite each other', async () => {
    const name = async (query: string) =>
      (
        await ctx.app.request(`/api/v1/kpis/export?${query}`, { headers: { Authorization: `Bearer ${manager}` } })
      ).headers.get('content-disposition');
    expect(await name('period=2025Q3&groupBy=productCategory&municipality=0321')).toBe(
      'attachment; filename="kpi-2025Q3-productCategory-gemeente-0321.csv"',
    );
    expect(await name('period=2025Q3&format=xlsx')).toBe('attachment; filename="kpi-2025Q3-region.xlsx"');
  });

  it('gives the same suppressed figures as CSV and XLSX', async () => {
    const query = 'kpi=dropout,youths_in_care&period=2025Q3&groupBy=provider';
    const json = (await kpis(manager, query)).body;
    const csv = await ctx.app.request(`/api/v1/kpis/export?${query}&format=csv`, {
      headers: { Authorization: `Bearer ${manager}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(
      'filename="kpi-2025Q3-dropout+youths_in_care-provider.csv"',
    );
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cells = json.data.flatMap((d) => [...d.rows, d.total]);
    expect(lines).toHaveLength(1 + cells.length);
    // "< 10" where the value counts youths; "< 10 jeugdigen" where it is an amount, days or a share.
    const suppressed = json.data.flatMap((d) =>
      d.rows
        .filter((r) => r.suppressed)
        .map((r) => `${d.kpi.name};${r.label};< 10${d.kpi.unit === 'youths' ? ';' : ' jeugdigen;'}`),
    );
    for (const s of suppressed) expect(lines.some((l) => l.startsWith(s))).toBe(true);

    const xlsx = await ctx.app.request(`/api/v1/kpis/export?${query}&format=xlsx`, {
      headers: { Authorization: `Bearer ${manager}` },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const total = json.data.find((d) => d.kpi.id === 'youths_in_care')!.total;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === 'Jeugdigen in zorg' && r[1] === 'Totaal')?.[2]).toBe(total.value);
  });
});

describe('targets and signals', () => {
  it('keeps targets per KPI and lists the cells that cross them, with a link to the trajectories', async () => {
    const created = await call(ctx, manager, 'POST', '/kpi-targets', {
      kpi: 'dropout',
      scopeType: 'municipality',
      scopeKey: null,
      comparator: 'atMost',
      value: 1,
    });
    expect(created.status).toBe(201);
    const signals = await call(ctx, policy, 'GET', '/kpis/signals?period=2025');
    expect(signals.status).toBe(200);
    const dropout = signals.body.data.filter((s: { kpi: string }) => s.kpi === 'dropout');
    const published = (await kpis(manager, 'kpi=dropout&period=2025&groupBy=municipality')).body.data[0]!.rows.filter(
      (r) => !r.suppressed && (r.value ?? 0) > 1,
    );
    expect(dropout.map((s: { key: string }) => s.key).sort()).toEqual(published.map((r) => r.key).sort());
    expect(dropout[0].trajectoriesQuery).toMatch(/from=2025-01-01&to=2025-12-31&municipalityCode=\d{4}/);
  });

  it('turns a change against a baseline year into a target value', async () => {
    await call(ctx, manager, 'POST', '/kpi-targets', {
      kpi: 'youths_in_care',
      scopeType: 'region',
      comparator: 'atMost',
      baselineYear: 2024,
      changePercent: -30,
      targetYear: 2025,
    });
    const baseline = (await kpis(manager, 'kpi=youths_in_care&period=2024')).body.data[0]!.total.value!;
    const now = (await kpis(manager, 'kpi=youths_in_care&period=2025')).body.data[0]!.total;
    expect(now.target?.value).toBeCloseTo(baseline * 0.7, 1);
    expect(now.target?.met).toBe(now.value! <= baseline * 0.7);
  });

  it('links uitval and beëindigd volgens plan to the endings behind the figure: as many trajectories as its numerator', async () => {
    await call(ctx, manager, 'POST', '/kpi-targets', {
      kpi: 'ended_per_plan',
      scopeType: 'provider',
      scopeKey: null,
      comparator: 'atLeast',
      value: 99.9,
    });
    await call(ctx, manager, 'POST', '/kpi-targets', {
      kpi: 'youths_in_care',
      scopeType: 'municipality',
      scopeKey: null,
      comparator: 'atMost',
      value: 1,
    });
    const signals = (await call(ctx, manager, 'GET', '/kpis/signals?period=2025')).body.data as Signal[];
    const found = async (query: string) =>
      (await call(ctx, manager, 'GET', `/trajectories?${query}&pageSize=1`)).body.page.totalElements as number;
    const numerators = async (kpi: string, groupBy: string) =>
      new Map(
        (await kpis(manager, `kpi=${kpi}&period=2025&groupBy=${groupBy}`)).body.data[0]!.rows.map((r) => [
          r.key,
          r.numerator,
        ]),
      );

    const dropout = signals.filter((s) => s.kpi === 'dropout');
    expect(dropout.length).toBeGreaterThan(0);
    const dropoutCounts = await numerators('dropout', 'municipality');
    for (const s of dropout) {
      expect(s.trajectoriesQuery).toBe(
        `from=2025-01-01&to=2025-12-31&municipalityCode=${s.key}&endReason=32,33,34,35&ended=true`,
      );
      expect(await found(s.trajectoriesQuery), s.label).toBe(dropoutCounts.get(s.key));
    }
    const perPlan = signals.filter((s) => s.kpi === 'ended_per_plan');
    expect(perPlan.length).toBeGreaterThan(0);
    const perPlanCounts = await numerators('ended_per_plan', 'provider');
    for (const s of perPlan) {
      expect(s.trajectoriesQuery).toBe(`from=2025-01-01&to=2025-12-31&providerAgb=${s.key}&endReason=31,39&ended=true`);
      expect(await found(s.trajectoriesQuery), s.label).toBe(perPlanCounts.get(s.key));
    }
    // Any other figure links to the trajectories running in the period, as before.
    const inCare = signals.filter((s) => s.kpi === 'youths_in_care' && s.scopeType === 'municipality');
    expect(inCare.length).toBeGreaterThan(0);
    for (const s of inCare) expect(s.trajectoriesQuery).toBe(`from=2025-01-01&to=2025-12-31&municipalityCode=${s.key}`);
  });

  it('rejects a target that is both absolute and relative, and lets policy officers only read', async () => {
    const both = await call(ctx, manager, 'POST', '/kpi-targets', {
      kpi: 'dropout',
      scopeType: 'region',
      comparator: 'atMost',
      value: 10,
      changePercent: -5,
      baselineYear: 2024,
    });
    expect(both.status).toBe(400);
    expect(both.body.invalidParams[0].name).toBe('value');
    expect(
      (
        await call(ctx, policy, 'POST', '/kpi-targets', {
          kpi: 'dropout',
          scopeType: 'region',
          comparator: 'atMost',
          value: 10,
        })
      ).status,
    ).toBe(403);
    const list = await call(ctx, policy, 'GET', '/kpi-targets');
    expect(list.body.data.length).toBeGreaterThanOrEqual(2);
  });
});

it('describes the KPI routes in the OpenAPI document', async () => {
  const doc = await call(ctx, null, 'GET', '/openapi.json');
  expect(Object.keys(doc.body.paths)).toEqual(
    expect.arrayContaining(['/kpis', '/kpis/export', '/kpis/signals', '/kpi-targets', '/kpi-targets/{id}']),
  );
});
