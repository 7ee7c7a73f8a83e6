import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutchToday } from '../../../shared/period.js';
import { availabilityEntries, kpiTrajectoryFacts } from '../../db/schema/index.js';
import { buildAdmin, buildContract, buildProvider, buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { createProduct } from '../landscape/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/**
 * A region with two lots (Ambulant, Crisis), a current ambulant product (45A01), a crisis product (CRI) and a product
 * with stay; provider P holds running contracts for all three lots, provider Q only for Ambulant, provider R had one
 * that ended. Each provider has a location.
 */
async function world() {
  const region = await buildRegion(ctx);
  // The installation's keeper, made after the region so that it works in it.
  const { actor } = await buildAdmin(ctx);
  const db = ctx.database.db;
  const lot = (code: string) => region.lots.find((l) => l.code === code)!;
  const [cri] = await db
    .execute(sql`insert into lots (region_id, code, name) values (${region.id}, 'CRI', 'Crisis') returning id`)
    .then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows);
  const product = (code: string, category: string, lotId: string, withStay = false) =>
    createProduct(db, actor, {
      regionId: region.id,
      lotId,
      productCategory: category,
      productCode: code,
      name: `Product ${code}`,
      unit: '04',
      fundingVariant: 'inspanningsgericht',
      withStay,
      stayForm: withStay ? 'gezinshuis' : null,
      validFrom: '2026-01-01',
      tariffs: [{ year: 2026, tariff: 90 }],
    });
  const ggz = await product('45A01', '45', lot('AMB').id);
  const crisis = await product('46C01', '46', cri!.id);
  const stay = await product('43G01', '43', lot('GZV').id, true);
  const provider = (name: string, city: string) =>
    buildProvider(ctx, { name, locations: [{ name: `${name} ${city}`, postcode: '3991 AA', city }] });
  const p = await provider('Kompas Jeugd', 'Houten');
  const q = await provider('Waterlelie GGZ', 'Nieuwegein');
  const r = await provider('Oud Contract BV', 'Lopik');
  const running = { startDate: '2026-01-01', endDate: '2029-12-31' };
  for (const lotId of [lot('AMB').id, cri!.id, lot('GZV').id])
    await buildContract(ctx, { regionId: region.id, lotId, providerId: p.id, ...running });
  await buildContract(ctx, { regionId: region.id, lotId: lot('AMB').id, providerId: q.id, ...running });
  await buildContract(ctx, {
    regionId: region.id,
    lotId: lot('AMB').id,
    providerId: r.id,
    startDate: '2024-01-01',
    endDate: '2025-12-31',
  });
  const pUser = await buildUser(ctx, 'aanbieder', p.id, region.id);
  const qUser = await buildUser(ctx, 'aanbieder', q.id, region.id);
  const referrer = await buildUser(ctx, 'verwijzer', undefined, region.id);
  const manager = await buildUser(ctx, 'contractmanager', undefined, region.id);
  return { region, ggz, crisis, stay, p, q, r, pUser, qUser, referrer, manager };
}

const entry = (locationId: string, productId: string, extra: Record<string, unknown> = {}) => ({
  locationId,
  productId,
  intakeWaitWeeks: 3,
  treatmentWaitWeeks: 6,
  waitingListCount: 12,
  specialisations: ['autisme'],
  ageFrom: 4,
  ageTo: 18,
  offerForms: ['individueel'],
  intakePhone: '030 123 45 67',
  intakeEmail: 'aanmelden@example.nl',
  intakeHow: 'Bel het aanmeldteam.',
  ...extra,
});

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
});

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

describe('measured beside reported', () => {
  /** Starts of the provider's care in the region's first municipality, each after `waitDays` days, within six months. */
  async function starts(w: Awaited<ReturnType<typeof world>>, agb: string, waits: number[]) {
    const today = dutchToday();
    await ctx.database.db.insert(kpiTrajectoryFacts).values(
      waits.map((waitDays, i) => ({
        trajectoryId: Math.floor(Math.random() * 1e12),
        youth: BigInt(Math.floor(Math.random() * 1e12)),
        municipalityCode: w.region.municipalities[0]!.cbsCode,
        providerAgb: agb,
        productCategory: '45',
        productCode: '45A01',
        startDate: addDays(today, -10 - i),
        waitDays,
      })),
    );
  }

  it('shows the measured median wait of the last six months beside the reported one, and signals a difference', async () => {
    const w = await world();
    // P reports 3 + 6 = 9 weeks; its starts waited a median of 84 days (12 weeks): more than the 2 weeks' margin.
    await starts(w, w.p.agbCode, [70, 77, 80, 84, 84, 84, 90, 95, 100, 110, 120]);
    // Q has nine starts: withheld.
    await starts(w, w.q.agbCode, [7, 7, 7, 7, 7, 7, 7, 7, 7]);
    const pEntry = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id),
    );
    expect(pEntry.body.measured).toEqual({ medianWeeks: 12, starts: 11, withheld: false });
    expect(pEntry.body.waitDiffers).toBe(true);
    const qEntry = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id),
    );
    expect(qEntry.body.measured).toEqual({ medianWeeks: null, starts: null, withheld: true });
    expect(qEntry.body.waitDiffers).toBe(false);
    const offers = await call(ctx, w.referrer.token, 'GET', `/availability/offers?productId=${w.ggz.id}`);
    const p = offers.body.data.find((o: { id: string }) => o.id === pEntry.body.id);
    expect(p.measured.medianWeeks).toBe(12);
    // A wider margin: no signal.
    await call(ctx, w.manager.token, 'PATCH', `/regions/${w.region.id}/availability-settings`, { marginWeeks: 4 });
    const again = await call(ctx, w.manager.token, 'GET', `/availability/entries/${pEntry.body.id}`);
    expect(again.body.waitDiffers).toBe(false);
  });
});
