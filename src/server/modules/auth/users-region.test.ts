import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { createUser } from './auth.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('users in a region', () => {
  it('places a new account in the only region, never a beheerder, and in the region named when there are more', async () => {
    const only = await buildRegion(ctx);
    const cm = await createUser(ctx.database.db, { email: 'cm@only.nl', name: 'Cm', role: 'contractmanager' });
    expect(cm.regionId).toBe(only.id);
    const keeper = await createUser(ctx.database.db, { email: 'keeper@only.nl', name: 'K', role: 'beheerder' });
    expect(keeper.regionId).toBeNull();
    const second = await buildRegion(ctx);
    const named = await createUser(ctx.database.db, {
      email: 'beleid@second.nl',
      name: 'B',
      role: 'beleid',
      regionCode: second.code,
    });
    expect(named.regionId).toBe(second.id);
    const nowhere = await createUser(ctx.database.db, { email: 'v@nowhere.nl', name: 'V', role: 'verwijzer' });
    expect(nowhere.regionId).toBeNull();
  });

  it('lets a region’s beheerder manage only its region’s accounts; the installation’s keeper manages all', async () => {
    const a = await buildRegion(ctx);
    const b = await buildRegion(ctx);
    const { token: keeper } = await buildUser(ctx, 'beheerder');
    const { token: headA } = await buildUser(ctx, 'beheerder', undefined, a.id);
    const { user: inB } = await buildUser(ctx, 'contractmanager', undefined, b.id);

    const made = await call(ctx, headA, 'POST', '/users', { email: 'nieuw@a.nl', name: 'Nieuw', role: 'beleid' });
    expect(made.status).toBe(201);
    expect(made.body.regionId).toBe(a.id);
    const elsewhere = await call(ctx, headA, 'POST', '/users', {
      email: 'nieuw@b.nl',
      name: 'Elders',
      role: 'beleid',
      regionId: b.id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.invalidParams[0].name).toBe('regionId');

    const listA = await call(ctx, headA, 'GET', '/users');
    expect(listA.body.data.every((u: { regionId: string }) => u.regionId === a.id)).toBe(true);
    expect((await call(ctx, headA, 'PATCH', `/users/${inB.id}`, { name: 'Overgenomen' })).status).toBe(404);
    expect((await call(ctx, headA, 'POST', '/regions', { code: `c-${Date.now()}`, name: 'C' })).status).toBe(403);

    const all = await call(ctx, keeper, 'GET', '/users');
    expect(all.body.data.map((u: { id: string }) => u.id)).toContain(inB.id);
    const moved = await call(ctx, keeper, 'PATCH', `/users/${inB.id}`, { regionId: a.id });
    expect(moved.body.regionId).toBe(a.id);
  });
});
