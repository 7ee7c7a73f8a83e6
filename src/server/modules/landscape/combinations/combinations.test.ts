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

describe('combinations API', () => {
  it('gives an aanbieder only the combinations its provider is a member of, and nobody another region’s', async () => {
    const region = await buildRegion(ctx);
    const [lead, sub, stranger, strangerSub] = await Promise.all([1, 2, 3, 4].map(() => buildProvider(ctx)));
    const { token: manager } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const create = (name: string, leadId: string, subId: string) =>
      call(ctx, manager, 'POST', '/combinations', {
        regionId: region.id,
        name,
        leadProviderId: leadId,
        subcontractorIds: [subId],
      });
    const ours = await create('Combinatie van de onderaannemer', lead!.id, sub!.id);
    const theirs = await create('Combinatie van anderen', stranger!.id, strangerSub!.id);
    expect([ours.status, theirs.status]).toEqual([201, 201]);

    const { token: subToken } = await buildUser(ctx, 'aanbieder', sub!.id, region.id);
    const seen = await call(ctx, subToken, 'GET', '/combinations');
    expect(seen.status).toBe(200);
    expect(seen.body.data.map((c: { id: string }) => c.id)).toEqual([ours.body.id]);
    expect(JSON.stringify(seen.body)).not.toContain(stranger!.agbCode);

    const all = await call(ctx, manager, 'GET', '/combinations');
    expect(all.body.data.map((c: { id: string }) => c.id).sort()).toEqual([ours.body.id, theirs.body.id].sort());

    const elsewhere = await buildRegion(ctx);
    const { token: otherManager } = await buildUser(ctx, 'contractmanager', undefined, elsewhere.id);
    expect((await call(ctx, otherManager, 'GET', '/combinations')).body.data).toEqual([]);
  });
});
