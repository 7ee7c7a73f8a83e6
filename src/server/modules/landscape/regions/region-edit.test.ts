import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, buildRegion } from '../../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('editing a region later', () => {
  it('renames the region and its parts, keeping every code', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const renamed = await call(ctx, token, 'PATCH', `/regions/${region.id}`, { name: 'Jeugdhulp Lek en IJssel' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Jeugdhulp Lek en IJssel');
    expect(renamed.body.code).toBe(region.code);
    const municipality = region.municipalities[0]!;
    const m = await call(ctx, token, 'PATCH', `/municipalities/${municipality.id}`, { name: 'Nieuwe naam' });
    expect(m.body).toEqual({ id: municipality.id, cbsCode: municipality.cbsCode, name: 'Nieuwe naam', retired: false });
    const line = region.budgetLines[0]!;
    const b = await call(ctx, token, 'PATCH', `/budget-lines/${line.id}`, { productCategories: ['40', '45'] });
    expect(b.status).toBe(200);
    expect(b.body.productCategories).toEqual(['40', '45']);
    const read = await call(ctx, token, 'GET', `/regions/${region.id}`);
    expect(read.body.budgetLines.find((x: { id: string }) => x.id === line.id).productCategories).toEqual(['40', '45']);
  });

  it('retires a lot that keeps its contracts, and restores it', async () => {
    const region = await buildRegion(ctx);
    const lot = region.lots[0]!;
    const contract = await buildContract(ctx, { regionId: region.id, lotId: lot.id });
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const retired = await call(ctx, token, 'PATCH', `/lots/${lot.id}`, { retired: true });
    expect(retired.status).toBe(200);
    expect(retired.body).toEqual({ id: lot.id, code: lot.code, name: lot.name, retired: true });
    // History stays: the contract still names its lot, and the region still lists it, marked retired.
    const kept = await call(ctx, token, 'GET', `/contracts/${contract.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.lotId).toBe(lot.id);
    const listed = (await call(ctx, token, 'GET', `/regions/${region.id}`)).body.lots as Array<{
      id: string;
      retired: boolean;
    }>;
    expect(listed.find((l) => l.id === lot.id)?.retired).toBe(true);
    // A retired lot takes no new contract; a retired budget line no new budget.
    const newContract = await call(ctx, token, 'POST', '/contracts', {
      regionId: region.id,
      reference: 'NA-INTREKKEN',
      providerId: kept.body.providerId,
      combinationId: null,
      lotId: lot.id,
      startDate: '2031-01-01',
      endDate: '2031-12-31',
      procedure: 'open-house',
      fundingVariant: 'inspanningsgericht',
      budgetCeiling: null,
      notes: null,
      extensions: [],
    });
    expect(newContract.status).toBe(400);
    expect(newContract.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'lotId', code: 'retired' }));
    const line = region.budgetLines[0]!;
    await call(ctx, token, 'PATCH', `/budget-lines/${line.id}`, { retired: true });
    const budget = await call(ctx, token, 'POST', '/budgets', {
      municipalityId: region.municipalities[0]!.id,
      budgetLineId: line.id,
      year: 2031,
      amount: 1000,
    });
    expect(budget.status).toBe(400);
    expect(budget.body.invalidParams[0]).toMatchObject({ name: 'budgetLineId' });
    const { token: beheerder } = await buildUser(ctx, 'beheerder', undefined, region.id);
    const audit = await call(ctx, beheerder, 'GET', `/audit-events?entity=lot&entityId=${lot.id}`);
    expect(audit.body.data.length).toBeGreaterThan(0);
    const restored = await call(ctx, token, 'PATCH', `/lots/${lot.id}`, { retired: false });
    expect(restored.body.retired).toBe(false);
  });

  it('refuses bad input naming the field, and another region’s parts as unknown', async () => {
    const region = await buildRegion(ctx);
    const other = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const empty = await call(ctx, token, 'PATCH', `/lots/${region.lots[0]!.id}`, { name: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams[0].name).toBe('name');
    const category = await call(ctx, token, 'PATCH', `/budget-lines/${region.budgetLines[0]!.id}`, {
      productCategories: ['99'],
    });
    expect(category.status).toBe(400);
    expect(category.body.invalidParams[0].name).toMatch(/^productCategories/);
    expect((await call(ctx, token, 'PATCH', `/lots/${other.lots[0]!.id}`, { retired: true })).status).toBe(404);
    expect((await call(ctx, token, 'PATCH', `/regions/${other.id}`, { name: 'Overgenomen' })).status).toBe(404);
    const { token: beleid } = await buildUser(ctx, 'beleid', undefined, region.id);
    expect((await call(ctx, beleid, 'PATCH', `/lots/${region.lots[0]!.id}`, { retired: true })).status).toBe(403);
  });
});
