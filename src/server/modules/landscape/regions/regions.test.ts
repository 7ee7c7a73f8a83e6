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

describe('regions API', () => {
  it('lets a beheerder create a region that gets the default tier schemes', async () => {
    const { token } = await buildUser(ctx, 'beheerder');
    const res = await call(ctx, token, 'POST', '/regions', {
      code: `rijnmond-${Date.now()}`,
      name: 'Jeugdhulp Rijnmond',
      municipalities: [{ cbsCode: '7599', name: 'Testgemeente' }],
      lots: [{ code: 'SYS', name: 'Systeemaanbieders' }],
      budgetLines: [{ code: 'ZIN', name: 'Zorg in natura' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.tierLevels.map((t: { code: string }) => t.code)).toEqual([
      'hoog',
      'midden',
      'basis',
      'A',
      'B',
      'C',
    ]);
    expect(res.body.tierLevels.find((t: { code: string }) => t.code === 'A').excludesCode).toBe('C');
    const { token: cm } = await buildUser(ctx, 'contractmanager');
    expect((await call(ctx, cm, 'POST', '/regions', { code: 'nope', name: 'X' })).status).toBe(403);
  });

  it('lets a contractmanager add a municipality, a lot, a budget line and a tier level, refusing duplicates', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const lot = await call(ctx, token, 'POST', `/regions/${region.id}/lots`, { code: 'CRI', name: 'Crisis' });
    expect(lot.status).toBe(201);
    const dupLot = await call(ctx, token, 'POST', `/regions/${region.id}/lots`, { code: 'CRI', name: 'Crisis bis' });
    expect(dupLot.status).toBe(409);
    expect(dupLot.body.invalidParams[0].name).toBe('code');
    const badMunicipality = await call(ctx, token, 'POST', `/regions/${region.id}/municipalities`, {
      cbsCode: '356',
      name: 'Nieuwegein',
    });
    expect(badMunicipality.body.invalidParams[0]).toMatchObject({
      name: 'cbsCode',
      reason: 'moet een CBS-gemeentecode van 4 cijfers zijn',
    });
    const dupMunicipality = await call(ctx, token, 'POST', `/regions/${region.id}/municipalities`, {
      cbsCode: region.municipalities[0]!.cbsCode,
      name: 'Dubbel',
    });
    expect(dupMunicipality.status).toBe(409);
    expect(
      (await call(ctx, token, 'POST', `/regions/${region.id}/budget-lines`, { code: 'VT', name: 'Veilig Thuis' }))
        .status,
    ).toBe(201);
    const tier = await call(ctx, token, 'POST', `/regions/${region.id}/tier-levels`, {
      scheme: 'omvang',
      code: 'top',
      name: 'Topniveau',
      accountMeetingsPerYear: 4,
    });
    expect(tier.status).toBe(201);
    const changed = await call(ctx, token, 'PATCH', `/tier-levels/${tier.body.id}`, { accountMeetingsPerYear: 6 });
    expect(changed.body.accountMeetingsPerYear).toBe(6);
    const after = await call(ctx, token, 'GET', `/regions/${region.id}`);
    expect(after.body.lots.map((l: { code: string }) => l.code)).toContain('CRI');
    expect(after.body.budgetLines.map((l: { code: string }) => l.code)).toContain('VT');
  });

  it('keeps beleid and aanbieders from changing the region', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'beleid');
    expect((await call(ctx, token, 'POST', `/regions/${region.id}/lots`, { code: 'X', name: 'X' })).status).toBe(403);
  });

  it('gives the region frame only to regions.read holders, and only their own region', async () => {
    const own = await buildRegion(ctx);
    const other = await buildRegion(ctx);
    const { token: manager } = await buildUser(ctx, 'contractmanager', undefined, own.id);
    const listed = await call(ctx, manager, 'GET', '/regions');
    expect(listed.body.data.map((r: { id: string }) => r.id)).toEqual([own.id]);
    expect((await call(ctx, manager, 'GET', `/regions/${other.id}`)).status).toBe(404);
    expect((await call(ctx, manager, 'GET', `/regions/${own.id}`)).body.budgetLines).toHaveLength(2);
    const provider = await buildProvider(ctx);
    for (const [role, providerId] of [
      ['verwijzer', undefined],
      ['aanbieder', provider.id],
    ] as const) {
      const { token } = await buildUser(ctx, role, providerId, own.id);
      expect((await call(ctx, token, 'GET', '/regions')).status).toBe(403);
      expect((await call(ctx, token, 'GET', `/regions/${own.id}`)).status).toBe(403);
      const reference = await call(ctx, token, 'GET', '/regions/current/reference');
      expect(reference.status).toBe(200);
      expect(reference.body).toEqual({
        id: own.id,
        code: own.code,
        name: own.name,
        municipalities: own.municipalities,
        lots: own.lots,
      });
    }
    const { token: nowhere } = await buildUser(ctx, 'verwijzer');
    expect((await call(ctx, nowhere, 'GET', '/regions/current/reference')).status).toBe(404);
  });
});
