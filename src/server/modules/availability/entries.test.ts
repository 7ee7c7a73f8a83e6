import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutchToday } from '../../../shared/period.js';
import { availabilityEntries } from '../../db/schema/index.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { entry, world as buildWorld } from './testing/world.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});
const world = () => buildWorld(ctx);

describe('availability entries', () => {
  it('lets a provider add, change and confirm its own entry, keeping who did what when', async () => {
    const w = await world();
    const created = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: { id: w.p.id, name: 'Kompas Jeugd' },
      product: { code: '45A01' },
      productCategory: '45',
      takesNewClients: true,
      stale: false,
      specialisations: ['autisme'],
    });
    const id = created.body.id;
    const changed = await call(ctx, w.pUser.token, 'PATCH', `/availability/entries/${id}`, { intakeWaitWeeks: 5 });
    expect(changed.status).toBe(200);
    expect(changed.body.intakeWaitWeeks).toBe(5);
    const confirmed = await call(ctx, w.pUser.token, 'POST', '/availability/confirmations', { entryIds: [id] });
    expect(confirmed.status).toBe(200);
    const history = await call(ctx, w.manager.token, 'GET', `/availability/entries/${id}`);
    expect(history.body.history.map((h: { kind: string }) => h.kind)).toEqual(['confirm', 'update', 'create']);
    expect(history.body.history.map((h: { intakeWaitWeeks: number }) => h.intakeWaitWeeks)).toEqual([5, 5, 3]);
    expect(history.body.history[0].user).toBe('Test aanbieder');
  });

  it('marks an entry stale once the region’s term has passed, and confirming makes it current again', async () => {
    const w = await world();
    const created = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id),
    );
    await ctx.database.db
      .update(availabilityEntries)
      .set({ confirmedAt: new Date(Date.now() - 29 * 24 * 3600 * 1000) })
      .where(sql`id = ${created.body.id}`);
    const stale = await call(ctx, w.pUser.token, 'GET', '/availability/entries?stale=true');
    expect(stale.body.data.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    expect(stale.body.data[0].stale).toBe(true);
    // The region allows five weeks instead: the same entry is current.
    await call(ctx, w.manager.token, 'PATCH', `/regions/${w.region.id}/availability-settings`, {
      confirmEveryWeeks: 5,
    });
    const current = await call(ctx, w.pUser.token, 'GET', `/availability/entries/${created.body.id}`);
    expect(current.body.stale).toBe(false);
    await call(ctx, w.manager.token, 'PATCH', `/regions/${w.region.id}/availability-settings`, {
      confirmEveryWeeks: 4,
    });
    await call(ctx, w.pUser.token, 'POST', '/availability/confirmations', { entryIds: [created.body.id] });
    const fresh = await call(ctx, w.pUser.token, 'GET', '/availability/entries?stale=true');
    expect(fresh.body.data).toEqual([]);
  });

  it('refuses bad figures with Dutch reasons and keeps the last good ones', async () => {
    const w = await world();
    const location = w.p.locations[0]!.id;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ intakeWaitWeeks: -1 }, 'intakeWaitWeeks', /negatief/],
      [{ treatmentWaitWeeks: 105 }, 'treatmentWaitWeeks', /104 weken/],
      [{ openPlaces: -2 }, 'openPlaces', /negatief/],
      [{ specialisations: ['astrologie'] }, 'specialisations', /niet in de lijst/],
      [{ openPlaces: 3 }, 'openPlaces', /verblijf/],
    ];
    for (const [extra, field, reason] of cases) {
      const res = await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(location, w.ggz.id, extra));
      expect(res.status, field).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(res.body.invalidParams.find((p: { name: string }) => p.name === field)?.reason).toMatch(reason);
    }
    const notContracted = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.crisis.id),
    );
    expect(notContracted.body.invalidParams[0]).toMatchObject({
      name: 'productId',
      reason: expect.stringMatching(/geen lopend contract/),
    });
    const ended = await buildUser(ctx, 'aanbieder', w.r.id, w.region.id);
    const old = await call(ctx, ended.token, 'POST', '/availability/entries', entry(w.r.locations[0]!.id, w.ggz.id));
    expect(old.status).toBe(400);

    const good = await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(location, w.ggz.id));
    const bad = await call(ctx, w.pUser.token, 'PATCH', `/availability/entries/${good.body.id}`, {
      intakeWaitWeeks: 2,
      treatmentWaitWeeks: 200,
    });
    expect(bad.status).toBe(400);
    const kept = await call(ctx, w.pUser.token, 'GET', `/availability/entries/${good.body.id}`);
    expect([kept.body.intakeWaitWeeks, kept.body.treatmentWaitWeeks]).toEqual([3, 6]);
  });

  it('accepts a client stop announced 14 days ahead, refuses a shorter notice and any stop on crisis care', async () => {
    const w = await world();
    const today = dutchToday();
    const location = w.p.locations[0]!.id;
    const stop = (from: string) => ({ reason: 'Personeelstekort', from, until: addDays(from, 60) });
    const early = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(location, w.ggz.id, { clientStop: stop(addDays(today, 13)) }),
    );
    expect(early.status).toBe(400);
    expect(early.body.invalidParams[0]).toMatchObject({
      name: 'clientStop.from',
      reason: expect.stringContaining('14 dagen'),
    });
    const crisis = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(location, w.crisis.id, { clientStop: stop(addDays(today, 30)) }),
    );
    expect(crisis.body.invalidParams[0]).toMatchObject({
      name: 'clientStop',
      reason: 'crisiszorg kan geen cliëntenstop hebben',
    });
    const ok = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(location, w.ggz.id, { clientStop: stop(addDays(today, 14)) }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.clientStop).toMatchObject({ reason: 'Personeelstekort', from: addDays(today, 14) });
    expect(ok.body.takesNewClients).toBe(true);
    // A running stop stays when the provider changes its waits; the stop counts from its start.
    await ctx.database.db
      .update(availabilityEntries)
      .set({ stopFrom: addDays(today, -1) })
      .where(sql`id = ${ok.body.id}`);
    const during = await call(ctx, w.pUser.token, 'PATCH', `/availability/entries/${ok.body.id}`, {
      intakeWaitWeeks: 8,
    });
    expect(during.status).toBe(200);
    expect(during.body.takesNewClients).toBe(false);
  });

  it('refuses an aanbieder another provider’s entries, in the API, and lets it see only its own', async () => {
    const w = await world();
    const own = await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(w.p.locations[0]!.id, w.ggz.id));
    const other = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id),
    );
    const patch = await call(ctx, w.pUser.token, 'PATCH', `/availability/entries/${other.body.id}`, {
      intakeWaitWeeks: 0,
    });
    expect(patch.status).toBe(403);
    expect(patch.body.detail).toBe('U mag alleen de beschikbaarheid van uw eigen organisatie bijwerken.');
    const asOther = await call(ctx, w.pUser.token, 'POST', '/availability/entries', {
      ...entry(w.q.locations[0]!.id, w.ggz.id),
      providerId: w.q.id,
    });
    expect(asOther.status).toBe(403);
    const list = await call(ctx, w.pUser.token, 'GET', '/availability/entries');
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([own.body.id]);
    const unchanged = await call(ctx, w.qUser.token, 'GET', `/availability/entries/${other.body.id}`);
    expect(unchanged.body.intakeWaitWeeks).toBe(3);
  });

  it('lists for the entry form only the products a provider is contracted for today, an aanbieder only its own', async () => {
    const w = await world();
    const codes = (res: { body: { data: Array<{ code: string }> } }) => res.body.data.map((p) => p.code);
    const ownP = await call(ctx, w.pUser.token, 'GET', '/availability/contracted-products');
    expect(ownP.status).toBe(200);
    expect(codes(ownP)).toEqual(['43G01', '45A01', '46C01']);
    expect(ownP.body.data.find((p: { code: string }) => p.code === '43G01')).toMatchObject({
      withStay: true,
      productCategory: '43',
    });
    const ownQ = await call(ctx, w.qUser.token, 'GET', '/availability/contracted-products');
    expect(codes(ownQ)).toEqual(['45A01']);
    // Asking for another provider is refused; the contract that ended gives R nothing.
    const asOther = await call(ctx, w.qUser.token, 'GET', `/availability/contracted-products?providerId=${w.p.id}`);
    expect(asOther.status).toBe(403);
    const ofR = await call(ctx, w.manager.token, 'GET', `/availability/contracted-products?providerId=${w.r.id}`);
    expect(ofR.status).toBe(200);
    expect(ofR.body.data).toEqual([]);
    const ofQ = await call(ctx, w.manager.token, 'GET', `/availability/contracted-products?providerId=${w.q.id}`);
    expect(codes(ofQ)).toEqual(['45A01']);
    const referrer = await call(ctx, w.referrer.token, 'GET', '/availability/contracted-products');
    expect(referrer.status).toBe(403);
  });
});
