import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../../shared/period.js';
import { availabilityEntries, availabilityEntryEvents } from '../../db/schema/index.js';
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

describe('the national quarterly report', () => {
  it('gives a provider its waits and waiting lists per form of youth help as they stood at the quarter’s end, as CSV and Excel', async () => {
    const w = await world();
    const second = await call(ctx, w.manager.token, 'PATCH', `/providers/${w.p.id}`, {
      locations: [
        { id: w.p.locations[0]!.id, name: w.p.locations[0]!.name, postcode: '3991 AA', city: 'Houten' },
        { name: 'Kompas Jeugd Vianen', postcode: '4131 AA', city: 'Vianen' },
      ],
    });
    expect(second.status).toBe(200);
    const locations = second.body.locations as Array<{ id: string; city: string }>;
    expect(locations.find((l) => l.city === 'Houten')!.id).toBe(w.p.locations[0]!.id);
    const vianen = locations.find((l) => l.city === 'Vianen')!.id;
    await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(w.p.locations[0]!.id, w.ggz.id));
    await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(vianen, w.ggz.id, { intakeWaitWeeks: 7, waitingListCount: 5 }),
    );
    await call(ctx, w.qUser.token, 'POST', '/availability/entries', entry(w.q.locations[0]!.id, w.ggz.id));
    const quarter = `${dutchToday().slice(0, 4)}Q${Math.floor((Number(dutchToday().slice(5, 7)) - 1) / 3) + 1}`;
    const csv = await ctx.app.request(`/api/v1/availability/national-reports/${quarter}`, {
      headers: { Authorization: `Bearer ${w.pUser.token}` },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(lines[0]).toContain('Jeugdigen op de wachtlijst');
    expect(lines).toHaveLength(2);
    const [row] = lines.slice(1);
    expect(row!.slice(2, 11)).toEqual([
      'Kompas Jeugd',
      w.p.agbCode,
      w.region.name,
      '45',
      'Jeugdhulp ambulant',
      '7',
      '6',
      '17',
      '2',
    ]);
    const xlsx = await ctx.app.request(`/api/v1/availability/national-reports/${quarter}?format=xlsx`, {
      headers: { Authorization: `Bearer ${w.manager.token}` },
    });
    expect(xlsx.headers.get('Content-Type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('Content-Disposition')).toContain(`wachttijden-${quarter}.xlsx`);
    // Before the entries existed there is nothing to report: the header only.
    const before = await ctx.app.request('/api/v1/availability/national-reports/2025Q1', {
      headers: { Authorization: `Bearer ${w.pUser.token}` },
    });
    expect((await before.text()).trim().split('\r\n')).toHaveLength(1);
    const typo = await call(ctx, w.pUser.token, 'GET', '/availability/national-reports/2025-1');
    expect(typo.status).toBe(400);
    expect(typo.body.invalidParams[0].reason).toContain('2025Q3');
  });
});

describe('the region view and the public page', () => {
  it('lists the contracted products without room within the norm, and withholds small waiting lists in public', async () => {
    const w = await world();
    // P has room for 45A01 within the norm (3 and 6 weeks); nobody reports for the product with stay (43G01); the
    // crisis product's only entry waits longer than the norm.
    await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id, { waitingListCount: 7 }),
    );
    await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id, { waitingListCount: 6 }),
    );
    await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.crisis.id, { intakeWaitWeeks: 5, waitingListCount: 2 }),
    );
    const view = await call(ctx, w.manager.token, 'GET', '/availability/region-view');
    expect(view.status).toBe(200);
    expect(view.body.norms).toEqual({ intakeWeeks: 4, treatmentWeeks: 10 });
    expect(view.body.meetlat.map((m: { product: { code: string } }) => m.product.code)).toEqual(['43G01', '46C01']);
    expect(view.body.meetlat[1]).toMatchObject({ entries: 1, shortestWaitWeeks: 11 });
    const ambulant = view.body.categories.find((c: { productCategory: string }) => c.productCategory === '45');
    expect(ambulant).toMatchObject({
      entries: 2,
      providers: 2,
      withinNorm: 2,
      waitingList: 13,
      name: 'Jeugdhulp ambulant',
    });
    expect(ambulant.months.at(-1)).toMatchObject({
      month: dutchToday().slice(0, 7),
      reportedIntakeWeeks: 3,
      reportedTreatmentWeeks: 6,
    });
    const crisis = view.body.categories.find((c: { productCategory: string }) => c.productCategory === '46');
    expect(crisis.waitingList).toBe(2);

    const open = await ctx.app.request(`/api/v1/public/regions/${w.region.code}/availability`);
    expect(open.status).toBe(200);
    const published = await open.json();
    expect(published.disclosure).toBe('published');
    expect(published.categories.find((c: { productCategory: string }) => c.productCategory === '45').waitingList).toBe(
      15,
    );
    expect(
      published.categories.find((c: { productCategory: string }) => c.productCategory === '46').waitingList,
    ).toBeNull();
    expect(published.meetlat).toEqual(view.body.meetlat);
    const policy = await buildUser(ctx, 'beleid', undefined, w.region.id);
    const asPolicy = await call(ctx, policy.token, 'GET', '/availability/region-view');
    expect(asPolicy.body.disclosure).toBe('published');
    const unknown = await ctx.app.request('/api/v1/public/regions/bestaat-niet/availability');
    expect(unknown.status).toBe(404);
  });
});

describe('compliance per provider', () => {
  it('shows the contract manager per provider how many entries are stale now and were current at each month’s end', async () => {
    const w = await world();
    const one = await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(w.p.locations[0]!.id, w.ggz.id));
    await call(ctx, w.pUser.token, 'POST', '/availability/entries', entry(w.p.locations[0]!.id, w.crisis.id));
    await call(ctx, w.qUser.token, 'POST', '/availability/entries', entry(w.q.locations[0]!.id, w.ggz.id));
    // One of P's entries was last touched five weeks ago (its history says so too).
    const old = new Date(Date.now() - 35 * 24 * 3600 * 1000);
    await ctx.database.db
      .update(availabilityEntries)
      .set({ confirmedAt: old })
      .where(eq(availabilityEntries.id, one.body.id));
    await ctx.database.db
      .update(availabilityEntryEvents)
      .set({ at: old })
      .where(eq(availabilityEntryEvents.entryId, one.body.id));
    const res = await call(ctx, w.manager.token, 'GET', '/availability/compliance');
    expect(res.status).toBe(200);
    const byName = new Map(res.body.providers.map((p: { provider: { name: string } }) => [p.provider.name, p]));
    expect(byName.get('Kompas Jeugd')).toMatchObject({ entries: 2, stale: 1 });
    expect(byName.get('Waterlelie GGZ')).toMatchObject({ entries: 1, stale: 0 });
    const months = (
      byName.get('Kompas Jeugd') as { months: Array<{ month: string; entries: number; current: number }> }
    ).months;
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toEqual({ month: dutchToday().slice(0, 7), entries: 2, current: 1 });
    const asProvider = await call(ctx, w.qUser.token, 'GET', `/availability/compliance?regionId=${w.region.id}`);
    expect(asProvider.body.providers.map((p: { provider: { name: string } }) => p.provider.name)).toEqual([
      'Waterlelie GGZ',
    ]);
  });
});
