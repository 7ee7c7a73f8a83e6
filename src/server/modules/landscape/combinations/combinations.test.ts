import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, buildProvider, buildRegion } from '../../../testing/factories.js';
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

  it('changes a combination’s name and members, and ends it only with a reason and after its contracts', async () => {
    const region = await buildRegion(ctx);
    const [lead, sub, newcomer] = await Promise.all([1, 2, 3].map(() => buildProvider(ctx)));
    const { token: manager } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const made = await call(ctx, manager, 'POST', '/combinations', {
      regionId: region.id,
      name: 'Samen Sterk',
      leadProviderId: lead!.id,
      subcontractorIds: [sub!.id],
    });
    const put = (body: Record<string, unknown>) =>
      call(ctx, manager, 'PUT', `/combinations/${made.body.id}`, {
        name: 'Samen Sterk',
        leadProviderId: lead!.id,
        subcontractorIds: [sub!.id],
        ...body,
      });

    const changed = await put({ name: 'Samen Sterker', subcontractorIds: [newcomer!.id] });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('Samen Sterker');
    expect(changed.body.members.map((m: { providerId: string }) => m.providerId).sort()).toEqual(
      [lead!.id, newcomer!.id].sort(),
    );

    // Ending needs a reason, and no contract of the combination may run past the last day.
    const noReason = await put({ endedOn: '2026-06-30' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams[0]).toMatchObject({ name: 'endReason' });
    await buildContract(ctx, {
      regionId: region.id,
      providerId: lead!.id,
      lotId: region.lots[0]!.id,
      combinationId: made.body.id,
      reference: 'COMB-1',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
    });
    const running = await put({ endedOn: '2026-06-30', endReason: 'De onderaannemer stopt' });
    expect(running.status).toBe(400);
    expect(running.body.invalidParams[0].reason).toContain('COMB-1');

    const ended = await put({ endedOn: '2026-12-31', endReason: 'Samenwerking stopt met het contract' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endedOn: '2026-12-31', endReason: 'Samenwerking stopt met het contract' });
    // Still in the list, with its end: history stays readable.
    const listed = (await call(ctx, manager, 'GET', '/combinations')).body.data.find(
      (c: { id: string }) => c.id === made.body.id,
    );
    expect(listed.endedOn).toBe('2026-12-31');
    // Clearing the day brings it back.
    expect((await put({ endedOn: null, endReason: null })).body.endedOn).toBeNull();

    // A provider cannot change it; another region's manager does not find it.
    const { token: member } = await buildUser(ctx, 'aanbieder', lead!.id, region.id);
    expect((await put({})).status).toBe(200);
    expect(
      (await call(ctx, member, 'PUT', `/combinations/${made.body.id}`, { name: 'x', leadProviderId: lead!.id })).status,
    ).toBe(403);
    const { token: stranger } = await buildUser(ctx, 'contractmanager', undefined, (await buildRegion(ctx)).id);
    const foreign = await call(ctx, stranger, 'PUT', `/combinations/${made.body.id}`, {
      name: 'Overgenomen',
      leadProviderId: lead!.id,
    });
    expect(foreign.status).toBe(404);
  });
});
