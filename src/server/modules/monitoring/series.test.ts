import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiResponse } from '../../../shared/kpi.js';
import * as shared from '../../../shared/period.js';
import { buildUser, call } from '../../testing/harness.js';
import { refreshKpiFacts } from './facts.service.js';
import { dutchToday, markProvisional } from './period.js';
import { computeKpiSeries, type KpiSeries } from './series.service.js';
import { P, useEdgeWorld, world } from './testing/kpi-edge-world.js';

/** Provisional periods, the default period and each KPI's series with targets and norms, over the hand-made stories. */
useEdgeWorld();
// What the background job does after an import, before the dashboard shows figures.
beforeAll(() => refreshKpiFacts(world.ctx.database.db));

const today = dutchToday();
/** A month `n` months before today's, as the API names it. */
const monthsAgo = (n: number) => shared.addMonths(`${today.slice(0, 7)}-01`, -n).slice(0, 7);
const quarterMonthsAgo = (n: number) => shared.quarterOf(shared.parsePeriod(monthsAgo(n))!);
const get = async <T>(token: string, path: string) => {
  const res = await call(world.ctx, token, 'GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
};
const tokens = async () => ({
  manager: (await buildUser(world.ctx, 'contractmanager', undefined, world.lekstroom)).token,
  policy: (await buildUser(world.ctx, 'beleid', undefined, world.lekstroom)).token,
});

describe('a period whose declarations cannot be complete yet', () => {
  it('is marked provisional in the KPI answer, with the day it becomes final, and the previous period too', async () => {
    const { policy } = await tokens();
    const running = await get<KpiResponse>(policy, `/kpis?region=lekstroom&kpi=spend&period=${monthsAgo(1)}`);
    expect(running.period).toMatchObject({ label: monthsAgo(1), provisional: true });
    expect(running.period.finalOn! > today).toBe(true);
    expect(running.previousPeriod).toMatchObject({ label: monthsAgo(2), provisional: true });
    // Three months are the default lag: a month ended four months ago is final, and the one before it.
    const older = await get<KpiResponse>(policy, `/kpis?region=lekstroom&kpi=spend&period=${monthsAgo(5)}`);
    expect(older.period).toMatchObject({ provisional: false });
    expect(older.period.finalOn! <= today).toBe(true);
    expect(older.previousPeriod.provisional).toBe(false);
    // The export says it in the value column's header, and the XLSX in a note.
    const csv = await world.ctx.app.request(`/api/v1/kpis/export?region=lekstroom&kpi=spend&period=${monthsAgo(1)}`, {
      headers: { Authorization: `Bearer ${policy}` },
    });
    const [header] = (await csv.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toContain(`Waarde ${monthsAgo(1)} (voorlopig)`);
    expect(header).toContain(`Waarde ${monthsAgo(2)} (voorlopig)`);
  });

  it('is never the default period, which is the last complete quarter with data; the lag is the region’s setting', async () => {
    const { manager } = await tokens();
    const admin = manager;
    const periods = async () =>
      get<{ defaultPeriod: string; last: string; completeThrough: string; provisionalLagMonths: number }>(
        manager,
        '/kpis/periods?region=lekstroom',
      );
    const check = async (lag: number) => {
      const p = await periods();
      expect(p.provisionalLagMonths).toBe(lag);
      const shown = await get<KpiResponse>(manager, `/kpis?region=lekstroom&kpi=inflow&period=${p.defaultPeriod}`);
      expect(shown.period.provisional).toBe(false);
      expect(shown.period.to <= p.last).toBe(true);
      // The quarter after it is provisional or lies (partly) after the data.
      const next = shared.parsePeriod(
        shared.quarterOf(shared.parsePeriod(shared.addDays(shown.period.to, 1).slice(0, 7))!),
      )!;
      expect(markProvisional(next, lag, today).provisional || next.to > p.last).toBe(true);
      return p;
    };
    const before = await check(3);
    const set = await call(world.ctx, admin, 'PUT', '/kpi-settings', {
      provisionalLagMonths: 24,
      treeknormIntakeDays: 28,
      treeknormTreatmentDays: 70,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const after = await check(24);
    expect(after.completeThrough < before.completeThrough).toBe(true);
    // A quarter of a year ago is final with three months' lag and provisional with two years'.
    const q = quarterMonthsAgo(12);
    expect((await get<KpiResponse>(manager, `/kpis?region=lekstroom&kpi=inflow&period=${q}`)).period.provisional).toBe(
      true,
    );
    const wrong = await call(world.ctx, admin, 'PUT', '/kpi-settings', {
      provisionalLagMonths: -1,
      treeknormIntakeDays: 28,
      treeknormTreatmentDays: 70,
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('provisionalLagMonths');
    await call(world.ctx, admin, 'PUT', '/kpi-settings', {
      provisionalLagMonths: 3,
      treeknormIntakeDays: 28,
      treeknormTreatmentDays: 70,
    });
    expect((await get<KpiResponse>(manager, `/kpis?region=lekstroom&kpi=inflow&period=${q}`)).period.provisional).toBe(
      false,
    );
  });
});

describe("a KPI's series", () => {
  it('holds the quarters asked for, oldest first, with the target per point and the Treeknorm beside the waits', async () => {
    const { manager } = await tokens();
    const admin = manager;
    const target = await call(world.ctx, admin, 'POST', '/kpi-targets', {
      kpi: 'allocation_wait_days',
      scopeType: 'region',
      comparator: 'atMost',
      value: 30,
    });
    expect(target.status).toBe(201);
    const series = await get<KpiSeries>(
      manager,
      '/kpis/series?region=lekstroom&kpi=allocation_wait_days&until=2025Q4&count=8',
    );
    expect(series.points.map((p) => p.period.label)).toEqual([
      '2024Q1',
      '2024Q2',
      '2024Q3',
      '2024Q4',
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
    ]);
    for (const p of series.points) {
      expect(p.target).toEqual({ value: 30, comparator: 'atMost' });
      if (p.total.value !== null) expect(p.total.target!.met).toBe(p.total.value <= 30);
    }
    expect(series.points.some((p) => p.total.value !== null)).toBe(true);
    // The wait from the allocation: only the norm to treatment, as an upper bound (docs/kpi.md, "Trends and norms").
    expect(series.references).toEqual([expect.objectContaining({ key: 'treeknormTreatment', value: 70 })]);
    // The wait from the request: both norms. Fewer starts have a request: withheld figures keep their target line
    // (the region's, here none) but get no verdict.
    const requested = await get<KpiSeries>(
      manager,
      '/kpis/series?region=lekstroom&kpi=request_wait_days&until=2025Q4&count=8',
    );
    expect(requested.references).toEqual([
      expect.objectContaining({ key: 'treeknormIntake', value: 28 }),
      expect.objectContaining({ key: 'treeknormTreatment', value: 70 }),
    ]);
    expect(requested.points.some((p) => p.total.suppressed)).toBe(true);
    // The data date the figures depend on, as GET /kpis gives it.
    const kpis = await get<{ dataDate: string | null }>(
      manager,
      '/kpis?region=lekstroom&kpi=request_wait_days&period=2025Q4',
    );
    expect(requested.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(requested.dataDate).toBe(kpis.dataDate);
    for (const p of requested.points.filter((x) => x.total.suppressed)) expect(p.total.target ?? null).toBeNull();
    // Another region's norm: 8 weeks to treatment.
    await call(world.ctx, admin, 'PUT', '/kpi-settings', {
      provisionalLagMonths: 3,
      treeknormIntakeDays: 21,
      treeknormTreatmentDays: 56,
    });
    const changed = await get<KpiSeries>(
      manager,
      '/kpis/series?region=lekstroom&kpi=request_wait_days&until=2025Q4&count=8',
    );
    expect(changed.references.map((r) => r.value)).toEqual([21, 56]);
    const allocation = await get<KpiSeries>(
      manager,
      '/kpis/series?region=lekstroom&kpi=allocation_wait_days&until=2025Q4&count=8',
    );
    expect(allocation.references.map((r) => r.value)).toEqual([56]);
    expect((await get<KpiSeries>(manager, '/kpis/series?region=lekstroom&kpi=inflow&count=4')).references).toEqual([]);
    const bad = await call(world.ctx, manager, 'GET', '/kpis/series?region=lekstroom&kpi=inflow&until=2025-07');
    expect(bad.status).toBe(400);
  });

  it('says per point whether it got better or worse in the KPI’s direction, and nothing for a neutral KPI', async () => {
    const db = world.ctx.database.db;
    const ask = { regionId: world.lekstroom, kind: 'month' as const, until: '2025-12', count: 24, threshold: 1 };
    const opts = { ...ask, disclosure: 'exact' as const, today: '2026-12-07' };
    // Drop-out: lower is better. Story C ends early (34) in 2025.
    const dropout = await computeKpiSeries(db, { ...opts, kpi: 'dropout', filters: { provider: P.reasons } });
    expect(dropout.kpi.direction).toBe('lower-is-better');
    const pairs = dropout.points.slice(1).map((p, i) => [dropout.points[i]!.total.value, p.total.value, p.assessment]);
    const expected = pairs.map(([before, now]) =>
      before === null || now === null ? null : now === before ? 'same' : now! < before! ? 'better' : 'worse',
    );
    expect(pairs.map((p) => p[2])).toEqual(expected);
    expect(expected).toContain('worse');
    expect(expected).toContain('better');
    const inCare = await computeKpiSeries(db, { ...opts, kpi: 'youths_in_care' });
    expect(inCare.points.every((p) => p.assessment === null)).toBe(true);
    // Seen in January 2026, the last months of 2025 are provisional and get no assessment.
    const early = await computeKpiSeries(db, {
      ...opts,
      kpi: 'dropout',
      filters: { provider: P.reasons },
      today: '2026-01-15',
    });
    const last = early.points.at(-1)!;
    expect(last.period).toMatchObject({ label: '2025-12', provisional: true });
    expect(last.assessment).toBeNull();
  });

  it('protects each point for a role without client-level access as that period asked on its own', async () => {
    const { policy } = await tokens();
    const series = await get<KpiSeries>(
      policy,
      '/kpis/series?region=lekstroom&kpi=outflow&kind=month&until=2025-12&count=12',
    );
    expect(series.rounding).not.toBeNull();
    expect(series.points).toHaveLength(12);
    for (const p of series.points) {
      const single = await get<KpiResponse>(policy, `/kpis?region=lekstroom&kpi=outflow&period=${p.period.label}`);
      const { value, numerator, denominator, youths, suppressed } = single.data[0]!.total;
      expect(p.total, p.period.label).toMatchObject({ value, numerator, denominator, youths, suppressed });
    }
    // Some months are withheld here: the comparison above covers suppression, not only rounding.
    expect(series.points.some((p) => p.total.suppressed)).toBe(true);
  });

  it('downloads as CSV with the target, the norm, the direction word and the provisional mark', async () => {
    const { manager } = await tokens();
    const res = await world.ctx.app.request(
      `/api/v1/kpis/series/export?region=lekstroom&kpi=request_wait_days&kind=month&count=24&until=${monthsAgo(0)}&format=csv`,
      { headers: { Authorization: `Bearer ${manager}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('kpi-reeks-request_wait_days-month');
    const text = await res.text();
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('Treeknorm aanmelding tot behandeling');
    expect(header).toContain('Voorlopig');
    expect(lines).toHaveLength(24);
    // It ends with this month, which is provisional, and starts two years ago, which is not.
    expect(lines[0]).toMatch(/;nee$/);
    expect(lines.at(-1)).toMatch(/;voorlopig$/);
    const xlsx = await world.ctx.app.request(
      `/api/v1/kpis/series/export?region=lekstroom&kpi=request_wait_days&kind=quarter&format=xlsx`,
      { headers: { Authorization: `Bearer ${manager}` } },
    );
    expect(xlsx.status).toBe(200);
  });
});
