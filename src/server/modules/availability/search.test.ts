import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutchToday } from '../../../shared/period.js';
import { availabilityEntries, kpiTrajectoryFacts } from '../../db/schema/index.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { waitsDiffer } from './measured.js';
import { entry, world as buildWorld } from './testing/world.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});
const world = () => buildWorld(ctx);

describe('availability search', () => {
  it('shows a referrer only contracted providers matching the child, shortest wait first, without commercial data', async () => {
    const w = await world();
    const houten = w.region.municipalities[0]!.cbsCode;
    const pEntry = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 6 }),
    );
    const qEntry = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 2, specialisations: ['autisme', 'trauma'] }),
    );
    await call(ctx, w.qUser.token, 'POST', '/availability/entries', {
      ...entry(w.q.locations[0]!.id, w.ggz.id),
      productId: null,
      productCategory: '45',
      specialisations: ['LVB'],
    });
    // R's contract ended: its entry (written before) is not offered.
    await ctx.database.db.insert(availabilityEntries).values({
      regionId: w.region.id,
      providerId: w.r.id,
      locationId: w.r.locations[0]!.id,
      productId: w.ggz.id,
      productCategory: '45',
      intakeWaitWeeks: 0,
      treatmentWaitWeeks: 0,
      specialisations: ['autisme'],
      offerForms: ['individueel'],
    });
    const res = await call(
      ctx,
      w.referrer.token,
      'GET',
      `/availability/offers?municipality=${houten}&productId=${w.ggz.id}&specialisation=autisme&age=9`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((o: { id: string }) => o.id)).toEqual([qEntry.body.id, pEntry.body.id]);
    expect(res.body.data[0]).toMatchObject({
      provider: { name: 'Waterlelie GGZ' },
      intakeWaitWeeks: 2,
      intakePhone: '030 123 45 67',
    });
    const text = JSON.stringify(res.body);
    for (const secret of [w.p.agbCode, w.q.agbCode, 'budgetCeiling', 'procedure', 'tier'])
      expect(text).not.toContain(secret);
    const tooOld = await call(ctx, w.referrer.token, 'GET', `/availability/offers?productId=${w.ggz.id}&age=19`);
    expect(tooOld.body.data).toEqual([]);
    const lvb = await call(
      ctx,
      w.referrer.token,
      'GET',
      `/availability/offers?productId=${w.ggz.id}&specialisation=lvb`,
    );
    expect(lvb.body.data).toHaveLength(1);
    expect(lvb.body.data[0].product).toBeNull();
  });

  it("orders a product's entries and its category's category entries together, as a category search does", async () => {
    const w = await world();
    const post = async (token: string, body: Record<string, unknown>) =>
      (await call(ctx, token, 'POST', '/availability/entries', body)).body.id as string;
    const p6 = await post(w.pUser.token, entry(w.p.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 6 }));
    const q2 = await post(w.qUser.token, entry(w.q.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 2 }));
    const qCategory4 = await post(w.qUser.token, {
      ...entry(w.q.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 4 }),
      productId: null,
      productCategory: '45',
    });
    const pCategory1 = await post(w.pUser.token, {
      ...entry(w.p.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 1 }),
      productId: null,
      productCategory: '45',
    });
    const ids = async (query: string) =>
      (await call(ctx, w.referrer.token, 'GET', `/availability/offers?${query}`)).body.data.map(
        (o: { id: string }) => o.id,
      );
    expect(await ids(`productId=${w.ggz.id}`)).toEqual([pCategory1, q2, qCategory4, p6]);
    expect(await ids('productCategory=45')).toEqual([pCategory1, q2, qCategory4, p6]);
    expect(await ids(`productId=${w.ggz.id}&productCategory=45&age=9`)).toEqual([pCategory1, q2, qCategory4, p6]);
    expect(await ids(`productId=${w.ggz.id}&productCategory=54`)).toEqual([]);
  });

  it('finds a specialisation in a region whose list holds more than a mask of 31 bits', async () => {
    const w = await world();
    const many = Array.from({ length: 40 }, (_, i) => `Specialisme ${i + 1}`);
    const set = await call(ctx, w.manager.token, 'PATCH', `/regions/${w.region.id}/availability-settings`, {
      specialisations: many,
    });
    expect(set.status).toBe(200);
    const post = async (token: string, body: Record<string, unknown>) =>
      (await call(ctx, token, 'POST', '/availability/entries', body)).body.id as string;
    const p = await post(w.pUser.token, entry(w.p.locations[0]!.id, w.ggz.id, { specialisations: many.slice(0, 20) }));
    const q = await post(w.qUser.token, entry(w.q.locations[0]!.id, w.ggz.id, { specialisations: many.slice(15) }));
    const ids = async (name: string) =>
      (
        await call(
          ctx,
          w.referrer.token,
          'GET',
          `/availability/offers?productId=${w.ggz.id}&specialisation=${encodeURIComponent(name)}`,
        )
      ).body.data.map((o: { id: string }) => o.id);
    expect(await ids('specialisme 1')).toEqual([p]);
    expect(await ids('Specialisme 18')).toEqual(expect.arrayContaining([p, q]));
    expect(await ids('Specialisme 40')).toEqual([q]);
    expect(await ids('Specialisme 41')).toEqual([]);
  });

  it('leaves out entries that do not take new clients when asked', async () => {
    const w = await world();
    const today = dutchToday();
    const open = await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(w.p.locations[0]!.id, w.ggz.id));
    const stopped = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id, {
        clientStop: { reason: 'Verbouwing', from: addDays(today, 20), until: addDays(today, 90) },
      }),
    );
    await ctx.database.db
      .update(availabilityEntries)
      .set({ stopFrom: today })
      .where(sql`id = ${stopped.body.id}`);
    const all = await call(ctx, w.referrer.token, 'GET', `/availability/offers?productId=${w.ggz.id}`);
    expect(all.body.data).toHaveLength(2);
    const taking = await call(
      ctx,
      w.referrer.token,
      'GET',
      `/availability/offers?productId=${w.ggz.id}&takesNewClients=true`,
    );
    expect(taking.body.data.map((o: { id: string }) => o.id)).toEqual([open.body.id]);
  });
});

describe('the search index', () => {
  it('follows a changed wait at once, and drops a provider whose contract ends', async () => {
    const w = await world();
    const p = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 1 }),
    );
    const q = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 2 }),
    );
    const order = async () =>
      (await call(ctx, w.referrer.token, 'GET', `/availability/offers?productId=${w.ggz.id}`)).body.data.map(
        (o: { id: string }) => o.id,
      );
    expect(await order()).toEqual([p.body.id, q.body.id]);
    await call(ctx, w.pUser.token, 'PATCH', `/availability/entries/${p.body.id}`, { intakeWaitWeeks: 9 });
    expect(await order()).toEqual([q.body.id, p.body.id]);
    const contracts = await call(ctx, w.manager.token, 'GET', `/contracts?providerId=${w.q.id}&pageSize=100`);
    for (const c of contracts.body.data as Array<{ id: string }>)
      await call(ctx, w.manager.token, 'PATCH', `/contracts/${c.id}`, { endDate: '2026-01-31' });
    expect(await order()).toEqual([p.body.id]);
  });
});

describe('measured beside reported', () => {
  /**
   * Starts of the provider's care in the region's first municipality within six months, each with its wait from the
   * request and from the allocation (null: the start has no request, or no allocation).
   */
  async function starts(
    w: Awaited<ReturnType<typeof world>>,
    agb: string,
    waits: Array<[number | null, number | null]>,
  ) {
    const today = dutchToday();
    await ctx.database.db.insert(kpiTrajectoryFacts).values(
      waits.map(([requestWaitDays, allocationWaitDays], i) => ({
        trajectoryId: Math.floor(Math.random() * 1e12),
        youth: BigInt(Math.floor(Math.random() * 1e12)),
        municipalityCode: w.region.municipalities[0]!.cbsCode,
        providerAgb: agb,
        productCategory: '45',
        productCode: '45A01',
        startDate: addDays(today, -10 - i),
        requestWaitDays,
        allocationWaitDays,
      })),
    );
  }

  it('shows both measured median waits of the last six months beside the reported one, and signals a difference', async () => {
    const w = await world();
    // P reports 3 + 6 = 9 weeks. Eleven starts with a request waited a median of 84 days (12 weeks) from it: more than
    // the 2 weeks' margin. Their allocations came a week later (77 days, 11 weeks); two more starts without a request
    // waited 0 and 14 days from their allocation: median of the thirteen 77 days, 11 weeks.
    const requested = [70, 77, 80, 84, 84, 84, 90, 95, 100, 110, 120];
    await starts(w, w.p.agbCode, [...requested.map((d): [number, number] => [d, d - 7]), [null, 0], [null, 14]]);
    // Q has nine starts: withheld.
    await starts(
      w,
      w.q.agbCode,
      Array.from({ length: 9 }, (): [number, number] => [7, 7]),
    );
    const pEntry = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id),
    );
    expect(pEntry.body.measured).toEqual({
      request: { medianWeeks: 12, starts: 11, withheld: false },
      allocation: { medianWeeks: 11, starts: 13, withheld: false },
    });
    expect(pEntry.body.waitDiffers).toBe(true);
    const qEntry = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id),
    );
    const withheld = { medianWeeks: null, starts: null, withheld: true };
    expect(qEntry.body.measured).toEqual({ request: withheld, allocation: withheld });
    expect(qEntry.body.waitDiffers).toBe(false);
    const offers = await call(ctx, w.referrer.token, 'GET', `/availability/offers?productId=${w.ggz.id}`);
    const p = offers.body.data.find((o: { id: string }) => o.id === pEntry.body.id);
    expect(p.measured.request.medianWeeks).toBe(12);
    expect(p.measured.allocation.medianWeeks).toBe(11);
    // The contract manager's list filtered on the signal: P's entry only, and the rest without it.
    const ids = async (query: string) =>
      (await call(ctx, w.manager.token, 'GET', `/availability/entries?${query}`)).body;
    const differs = await ids('waitDiffers=true');
    expect(differs.data.map((x: { id: string }) => x.id)).toEqual([pEntry.body.id]);
    expect(differs.page.totalElements).toBe(1);
    const agrees = await ids('waitDiffers=false');
    expect(agrees.data.map((x: { id: string }) => x.id)).toEqual([qEntry.body.id]);
    expect((await ids('waitDiffers=true&providerId=' + w.q.id)).data).toEqual([]);
    // A wider margin: no signal.
    await call(ctx, w.manager.token, 'PATCH', `/regions/${w.region.id}/availability-settings`, { marginWeeks: 4 });
    const again = await call(ctx, w.manager.token, 'GET', `/availability/entries/${pEntry.body.id}`);
    expect(again.body.waitDiffers).toBe(false);
    expect((await ids('waitDiffers=true')).page.totalElements).toBe(0);
  });

  it('compares like with like: the wait from the request either way, the wait from the allocation only when longer', () => {
    const m = (request: number | null, allocation: number | null) => ({
      request: request === null ? null : { medianWeeks: request, starts: 10, withheld: false },
      allocation: allocation === null ? null : { medianWeeks: allocation, starts: 10, withheld: false },
    });
    // Reported 9 weeks, margin 2.
    expect(waitsDiffer(m(12, null), 9, 2)).toBe(true);
    expect(waitsDiffer(m(6, null), 9, 2)).toBe(true);
    expect(waitsDiffer(m(10, null), 9, 2)).toBe(false);
    // The allocation comes at or after the aanmelding: a shorter wait from it says nothing, a longer one does.
    expect(waitsDiffer(m(null, 3), 9, 2)).toBe(false);
    expect(waitsDiffer(m(null, 12), 9, 2)).toBe(true);
    expect(waitsDiffer(m(10, 3), 9, 2)).toBe(false);
    const withheld = { medianWeeks: null, starts: null, withheld: true };
    expect(waitsDiffer({ request: withheld, allocation: null }, 9, 2)).toBe(false);
  });
});
