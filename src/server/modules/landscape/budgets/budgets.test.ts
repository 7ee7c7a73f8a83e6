import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider, buildRegion } from '../../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('budgets API', () => {
  it('keeps a budget per municipality, line and year, refuses a second one and updates the amount', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const input = {
      municipalityId: region.municipalities[0]!.id,
      budgetLineId: region.budgetLines[0]!.id,
      year: 2026,
      amount: 1_250_000,
    };
    const created = await call(ctx, token, 'POST', '/budgets', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ amount: 1_250_000, budgetLineCode: region.budgetLines[0]!.code, year: 2026 });
    const dup = await call(ctx, token, 'POST', '/budgets', input);
    expect(dup.status).toBe(409);
    expect(dup.body.invalidParams[0].name).toBe('year');
    const updated = await call(ctx, token, 'PATCH', `/budgets/${created.body.id}`, { amount: 1_300_000.25 });
    expect(updated.body.amount).toBe(1_300_000.25);
    const list = await call(ctx, token, 'GET', `/budgets?regionId=${region.id}&year=2026`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].amount).toBe(1_300_000.25);
  });

  it('refuses a negative amount', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await call(ctx, token, 'POST', '/budgets', {
      municipalityId: region.municipalities[0]!.id,
      budgetLineId: region.budgetLines[0]!.id,
      year: 2026,
      amount: -5,
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'amount', reason: 'bedrag mag niet negatief zijn' });
  });

  it('is hidden from providers and referrers, and read-only for beleid', async () => {
    const region = await buildRegion(ctx);
    const provider = await buildProvider(ctx);
    const { token: aanbieder } = await buildUser(ctx, 'aanbieder', provider.id, region.id);
    const { token: verwijzer } = await buildUser(ctx, 'verwijzer', undefined, region.id);
    const { token: beleid } = await buildUser(ctx, 'beleid', undefined, region.id);
    expect((await call(ctx, aanbieder, 'GET', '/budgets')).status).toBe(403);
    expect((await call(ctx, verwijzer, 'GET', '/budgets')).status).toBe(403);
    expect((await call(ctx, beleid, 'GET', '/budgets')).status).toBe(200);
    const write = await call(ctx, beleid, 'POST', '/budgets', {
      municipalityId: region.municipalities[0]!.id,
      budgetLineId: region.budgetLines[0]!.id,
      year: 2026,
      amount: 1,
    });
    expect(write.status).toBe(403);
  });
});
