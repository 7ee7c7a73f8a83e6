import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { setup, upload, xlsx } from '../testing/bulk-kit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('budgets for a new year', () => {
  it('previews a year from the last with an overall and a per-line percentage, stores nothing, then applies', async () => {
    const { region, token } = await setup(ctx);
    const [m1, m2] = [region.municipalities[0]!, region.municipalities[1]!];
    const [zin, gi] = [region.budgetLines[0]!, region.budgetLines[1]!];
    for (const [municipalityId, budgetLineId, amount] of [
      [m1.id, zin.id, 1_000_000],
      [m1.id, gi.id, 200_000.01],
      [m2.id, zin.id, 500_000],
    ] as const)
      expect(
        (await call(ctx, token, 'POST', '/budgets', { municipalityId, budgetLineId, year: 2026, amount })).status,
      ).toBe(201);
    // A cell of 2027 typed earlier stays as it is.
    await call(ctx, token, 'POST', '/budgets', { municipalityId: m2.id, budgetLineId: zin.id, year: 2027, amount: 7 });
    const input = {
      regionId: region.id,
      fromYear: 2026,
      toYear: 2027,
      percent: 2.5,
      linePercents: [{ budgetLineId: gi.id, percent: 1.005 }],
    };
    const preview = await call(ctx, token, 'POST', '/budget-indexation-previews', input);
    expect(preview.status).toBe(200);
    const summary = (body: { rows: Array<Record<string, unknown>> }) =>
      body.rows.map((r) => [r.municipalityId, r.budgetLineId, r.amount, r.existing, r.action]);
    // 200,000.01 × 1.01005 = 202,010.0101… → 202,010.01
    expect(summary(preview.body)).toEqual(
      expect.arrayContaining([
        [m1.id, zin.id, 1_025_000, null, 'create'],
        [m1.id, gi.id, 202_010.01, null, 'create'],
        [m2.id, zin.id, 512_500, 7, 'keep'],
      ]),
    );
    expect((await call(ctx, token, 'GET', `/budgets?regionId=${region.id}&year=2027`)).body.data).toHaveLength(1);
    const applied = await call(ctx, token, 'POST', '/budget-indexations', input);
    expect(applied.status).toBe(201);
    expect(applied.body.created).toBe(2);
    const year = (await call(ctx, token, 'GET', `/budgets?regionId=${region.id}&year=2027`)).body.data;
    expect(year.map((b: { amount: number }) => b.amount).sort((a: number, b: number) => a - b)).toEqual([
      7, 202_010.01, 1_025_000,
    ]);
  });

  it('refuses an indexation of −100 % or less, an empty source year and the same year', async () => {
    const { region, token } = await setup(ctx);
    const base = { regionId: region.id, fromYear: 2026, toYear: 2027, percent: 2 };
    const minus = await call(ctx, token, 'POST', '/budget-indexation-previews', { ...base, percent: -120 });
    expect(minus.body.invalidParams[0]).toMatchObject({ name: 'percent' });
    const empty = await call(ctx, token, 'POST', '/budget-indexation-previews', base);
    expect(empty.body.invalidParams[0]).toMatchObject({ name: 'fromYear' });
    const same = await call(ctx, token, 'POST', '/budget-indexation-previews', { ...base, toYear: 2026 });
    expect(same.body.invalidParams[0]).toMatchObject({ name: 'toYear' });
  });
});

describe('budget table import and export', () => {
  it('names unknown municipalities, lines and negative amounts, then applies a corrected table all at once', async () => {
    const { region, token } = await setup(ctx);
    const [m1, m2] = [region.municipalities[0]!, region.municipalities[1]!];
    await call(ctx, token, 'POST', '/budgets', {
      municipalityId: m1.id,
      budgetLineId: region.budgetLines[0]!.id,
      year: 2027,
      amount: 10,
    });
    const bad = await xlsx(
      [
        ['CBS-code', 'Gemeente', 'Jaar', 'ZIN', 'XYZ'],
        ['9999', 'Elders', 2027, 5, null],
      ],
      'Budgetten',
    );
    const header = await upload(ctx, token, `/budgets/import?regionId=${region.id}`, bad);
    expect(header.body.invalidParams).toEqual([
      { name: 'E1', code: 'header', reason: 'rij 1, kolom E: onbekende kolom "XYZ"' },
    ]);
    const cells = await xlsx(
      [
        ['CBS-code', 'Gemeente', 'Jaar', 'ZIN', 'GI'],
        ['9999', 'Elders', 2027, 5, null],
        [m1.cbsCode, 'A', 2027, -1, '1.000,50'],
        [m1.cbsCode, 'A', 2027, 1, null],
      ],
      'Budgetten',
    );
    const refused = await upload(ctx, token, `/budgets/import?regionId=${region.id}&apply=true`, cells);
    expect(refused.body.invalidParams.map((p: { reason: string }) => p.reason)).toEqual([
      'rij 2, CBS-code: gemeente "9999" hoort niet bij de regio',
      'rij 3, ZIN: bedrag mag niet negatief zijn',
      `rij 4: ${m1.name} staat er voor 2027 twee keer in (ook rij 3)`,
    ]);
    expect((await call(ctx, token, 'GET', `/budgets?regionId=${region.id}&year=2027`)).body.data).toHaveLength(1);

    const good = await xlsx(
      [
        ['CBS-code', 'Gemeente', 'Jaar', 'ZIN', 'GI'],
        [m1.cbsCode, 'A', 2027, 12, '1.000,50'],
        [m2.cbsCode, 'B', 2027, null, 3],
      ],
      'Budgetten',
    );
    const preview = await upload(ctx, token, `/budgets/import?regionId=${region.id}`, good);
    expect(preview.body.rows).toEqual([
      { row: 2, key: `${m1.cbsCode} 2027`, name: m1.name, action: 'create', changes: ['ZIN', 'GI'] },
      { row: 3, key: `${m2.cbsCode} 2027`, name: m2.name, action: 'create', changes: ['GI'] },
    ]);
    await upload(ctx, token, `/budgets/import?regionId=${region.id}&apply=true`, good);
    const stored = (await call(ctx, token, 'GET', `/budgets?regionId=${region.id}&year=2027`)).body.data;
    expect(
      stored
        .map((b: { cbsCode: string; budgetLineCode: string; amount: number }) => [
          b.cbsCode,
          b.budgetLineCode,
          b.amount,
        ])
        .sort(),
    ).toEqual(
      [
        [m1.cbsCode, 'GI', 1000.5],
        [m1.cbsCode, 'ZIN', 12],
        [m2.cbsCode, 'GI', 3],
      ].sort(),
    );
    const exported = await ctx.app.request(`/api/v1/budgets/export?regionId=${region.id}&year=2027&format=csv`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const csv = await exported.text();
    expect(csv).toContain('CBS-code;Gemeente;Jaar;GI;ZIN');
    expect(csv).toContain(`${m1.cbsCode};${m1.name};2027;1000,5;12`);
  });
});
