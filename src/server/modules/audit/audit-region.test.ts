import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegion, uniqueAgb } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

type Event = { entity: string; entityId: string };
const about = (page: { body: { data: Event[] } }) => page.body.data.map((e) => `${e.entity} ${e.entityId}`);

describe('the audit log per region', () => {
  it('shows a region’s beheerder its region and the providers, not other regions’ users; the keeper all', async () => {
    const a = await buildRegion(ctx);
    const b = await buildRegion(ctx);
    const { token: keeper } = await buildUser(ctx, 'beheerder');
    const { token: headA } = await buildUser(ctx, 'beheerder', undefined, a.id);
    const { user: inA } = await buildUser(ctx, 'verwijzer', undefined, a.id);
    const { user: inB } = await buildUser(ctx, 'verwijzer', undefined, b.id);

    expect((await call(ctx, keeper, 'PATCH', `/users/${inA.id}`, { name: 'Verwijzer A' })).status).toBe(200);
    expect((await call(ctx, keeper, 'PATCH', `/users/${inB.id}`, { name: 'Verwijzer B' })).status).toBe(200);
    const provider = await call(ctx, keeper, 'POST', '/providers', {
      agbCode: uniqueAgb(),
      name: 'Aanbieder voor iedereen',
      domains: ['JO'],
    });
    expect(provider.status).toBe(201);
    const otherKeeper = await call(ctx, keeper, 'POST', '/users', {
      email: 'tweede-beheerder@test.nl',
      name: 'Tweede beheerder',
      role: 'beheerder',
    });
    expect(otherKeeper.body.regionId).toBeNull();

    const seenByA = about(await call(ctx, headA, 'GET', '/audit-events?pageSize=100'));
    expect(seenByA).toContain(`user ${inA.id}`);
    expect(seenByA).toContain(`provider ${provider.body.id}`);
    expect(seenByA).toContain(`region ${a.id}`);
    expect(seenByA).not.toContain(`user ${inB.id}`);
    expect(seenByA).not.toContain(`region ${b.id}`);
    expect(seenByA).not.toContain(`user ${otherKeeper.body.id}`);

    const seenByKeeper = about(await call(ctx, keeper, 'GET', '/audit-events?pageSize=100'));
    for (const event of [`user ${inA.id}`, `user ${inB.id}`, `region ${b.id}`, `user ${otherKeeper.body.id}`])
      expect(seenByKeeper).toContain(event);
  });
});
