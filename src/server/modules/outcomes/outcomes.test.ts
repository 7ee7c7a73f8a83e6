import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { buildGoalWorld, goalCsv, uploadGoals, type GoalWorld } from './testing/goal-world.js';

let ctx: TestContext;
let w: GoalWorld;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await buildGoalWorld(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

const row = (k: { municipalityCode: string; allocationNumber: string }, answers = ['ja', 'ja', 'volledig']) => [
  k.municipalityCode,
  k.allocationNumber,
  ...answers,
];

describe('goal attainment registered by providers', () => {
  it('lists only the own ended allocations, none of another provider and none still running', async () => {
    const res = await call(ctx, w.own.token, 'GET', '/goal-attainments');
    expect(res.status).toBe(200);
    const numbers = res.body.data.map((a: { allocationNumber: string }) => a.allocationNumber).sort();
    expect(numbers).toEqual(w.ended.own.map((k) => k.allocationNumber).sort());
    expect(numbers).not.toContain(w.running.own.allocationNumber);
    for (const k of w.ended.other) expect(numbers).not.toContain(k.allocationNumber);
  });

  it("refuses another provider's allocation and one not ended, naming the reason, and stores nothing", async () => {
    const other = w.ended.other[0]!;
    const res = await call(ctx, w.own.token, 'POST', '/goal-attainments', {
      municipalityCode: other.municipalityCode,
      allocationNumber: other.allocationNumber,
      withoutHelp: 'ja',
      problemsReduced: 'ja',
      goalsMet: 'volledig',
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].reason).toMatch(/niet aan uw organisatie toegewezen/);
    const running = await call(ctx, w.own.token, 'POST', '/goal-attainments', {
      ...w.running.own,
      withoutHelp: 'ja',
      problemsReduced: 'ja',
      goalsMet: 'volledig',
    });
    expect(running.status).toBe(400);
    expect(running.body.invalidParams[0].reason).toMatch(/nog niet beëindigd/);
    const file = await uploadGoals(
      ctx,
      w.own.token,
      'kwartaal.csv',
      goalCsv([row(w.ended.own[0]!), row(w.running.own), row(other)]),
    );
    expect(file.status).toBe(400);
    expect(file.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'rij 3, kolom B (toewijzingnummer)',
      'rij 4, kolom B (toewijzingnummer)',
    ]);
    const summary = await call(ctx, w.own.token, 'GET', '/goal-attainments/summary?period=2025Q2');
    expect(summary.body.total.registered).toBe(0);
  });

  it('refuses a file with a wrong cell as a whole, then takes the corrected file once', async () => {
    const rows = w.ended.own.map((k, i) => row(k, [i % 2 ? 'nee' : 'ja', 'ja', i % 3 ? 'gedeeltelijk' : 'volledig']));
    const wrong = rows.map((r, i) => (i === 4 ? [r[0]!, r[1]!, 'misschien', r[3]!, r[4]!] : r));
    const refused = await uploadGoals(ctx, w.own.token, 'kwartaal.csv', goalCsv(wrong));
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([
      expect.objectContaining({
        name: 'rij 6, kolom C (zonder_hulp_verder)',
        reason: expect.stringMatching(/misschien/),
      }),
    ]);
    const before = await call(ctx, w.own.token, 'GET', '/goal-attainments');
    expect(before.body.data.every((a: { registered: unknown }) => a.registered === null)).toBe(true);

    const saved = await uploadGoals(ctx, w.own.token, 'kwartaal.csv', goalCsv(rows));
    expect(saved).toEqual({ status: 200, body: { saved: 12, unchanged: 0 } });
    const again = await uploadGoals(ctx, w.own.token, 'kwartaal.csv', goalCsv(rows));
    expect(again).toEqual({ status: 200, body: { saved: 0, unchanged: 12 } });
  });

  it("never shows a provider another provider's registrations, and gives it the region's figures beside its own", async () => {
    const theirs = await call(ctx, w.other.token, 'GET', '/goal-attainments');
    expect(theirs.body.data).toHaveLength(3);
    expect(theirs.body.data.every((a: { registered: unknown }) => a.registered === null)).toBe(true);
    const summary = await call(ctx, w.other.token, 'GET', '/goal-attainments/summary?period=2025Q2');
    expect(summary.status).toBe(200);
    expect(summary.body.providers.map((p: { providerAgb: string }) => p.providerAgb)).toEqual([w.other.agb]);
    expect(JSON.stringify(summary.body)).not.toContain(w.own.agb);
  });

  it('shows the region completeness per provider and the figures, with the note below the threshold', async () => {
    const res = await call(ctx, w.contractmanager, 'GET', '/goal-attainments/summary?period=2025Q2');
    expect(res.status).toBe(200);
    const byAgb = Object.fromEntries(res.body.providers.map((p: { providerAgb: string }) => [p.providerAgb, p]));
    expect(byAgb[w.own.agb]).toMatchObject({ ended: 12, registered: 12, percent: 100, sufficient: true });
    expect(byAgb[w.other.agb]).toMatchObject({ ended: 3, registered: 0, percent: 0, sufficient: false });
    const withoutHelp = res.body.figures.find((f: { kpi: string }) => f.kpi === 'goal_without_help');
    // Twelve youths: published; six of twelve answered "ja" (even rows).
    expect(withoutHelp.region).toMatchObject({ value: 50, numerator: 6, denominator: 12, suppressed: false });
    const goalsMet = res.body.figures.find((f: { kpi: string }) => f.kpi === 'goal_goals_met');
    expect(goalsMet.region).toMatchObject({ value: 33.3, numerator: 4, denominator: 12 });
  });

  it("withholds a provider's figures below ten youths, for the provider itself too", async () => {
    const theirs = w.ended.other.map((k) => row(k, ['ja', 'ja', 'volledig']));
    expect((await uploadGoals(ctx, w.other.token, 'q2.csv', goalCsv(theirs))).status).toBe(200);
    const summary = await call(ctx, w.other.token, 'GET', '/goal-attainments/summary?period=2025Q2');
    const withoutHelp = summary.body.figures.find((f: { kpi: string }) => f.kpi === 'goal_without_help');
    expect(withoutHelp.own).toMatchObject({ suppressed: true, value: null });
    expect(withoutHelp.region.suppressed).toBe(false);
  });

  it('lets the region set the completeness threshold, and not a provider', async () => {
    const put = await call(ctx, w.contractmanager, 'PUT', '/goal-attainments/settings', { minCompletenessPercent: 90 });
    expect(put).toMatchObject({ status: 200, body: { minCompletenessPercent: 90 } });
    const byProvider = await call(ctx, w.own.token, 'PUT', '/goal-attainments/settings', {
      minCompletenessPercent: 10,
    });
    expect(byProvider.status).toBe(403);
    const region = await call(ctx, w.beleid, 'GET', '/goal-attainments/summary?period=2025Q2');
    expect(region.body.minCompletenessPercent).toBe(90);
  });

  it('downloads the XLSX template with what is registered, and takes it back with one answer changed', async () => {
    const res = await ctx.app.request('/api/v1/goal-attainments/template?format=xlsx', {
      headers: { Authorization: `Bearer ${w.own.token}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const first = w.ended.own.find((k) => k.allocationNumber === String(sheet.getRow(2).getCell(2).value))!;
    expect(first).toBeDefined();
    expect(sheet.getRow(2).getCell(5).value).toMatch(/^(volledig|gedeeltelijk)$/);
    sheet.getRow(2).getCell(5).value = 'niet';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await uploadGoals(ctx, w.own.token, 'kwartaal.xlsx', bytes)).toEqual({
      status: 200,
      body: { saved: 1, unchanged: 11 },
    });
    const list = await call(ctx, w.own.token, 'GET', '/goal-attainments');
    const changed = list.body.data.find(
      (a: { allocationNumber: string; municipalityCode: string }) =>
        a.allocationNumber === first.allocationNumber && a.municipalityCode === first.municipalityCode,
    );
    expect(changed.registered.goalsMet).toBe('niet');
  });
});
