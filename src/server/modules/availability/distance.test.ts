import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postcodeCentroids } from '../../db/schema/index.js';
import { buildAdmin } from '../../testing/factories.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { entry, world as buildWorld } from './testing/world.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** Posts a CSV of PC4 centroids as the installation's keeper. */
async function importCsv(csv: string) {
  const { token } = await buildAdmin(ctx);
  const res = await ctx.app.request('/api/v1/postcode-centroids', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

/**
 * Nieuwegein (child, PC4 3431) at 52.03 N 5.09 E; Houten (Q's location, PC4 3991) at 52.03 N 5.17 E; P's location
 * has its own coordinates, IJsselstein at 52.02 N 5.04 E, and a second location in a postcode area without a known
 * point. Distances by hand (equirectangular, exact enough at this scale): 0.08° of longitude at 52.03° is
 * 0.08 × 111.19 × cos 52.03° = 5.47 km; IJsselstein: √(1.11² + (0.05 × 111.19 × 0.615)²) = 3.60 km.
 */
async function placed() {
  const w = await buildWorld(ctx);
  const keeper = await buildAdmin(ctx);
  const lopikEtc = await importCsv('postcode4;latitude;longitude\n3431;52,03;5,09\n3991;52,03;5,17\n3411;51,97;4,95\n');
  expect(lopikEtc.status).toBe(200);
  const located = await call(ctx, keeper.token, 'PATCH', `/providers/${w.p.id}`, {
    locations: [
      { ...w.p.locations[0]!, latitude: 52.02, longitude: 5.04 },
      { name: 'Kompas Jeugd Elders', postcode: '9999 ZZ', city: 'Elders' },
    ],
  });
  expect(located.status).toBe(200);
  const [ijsselstein, elders] = [0, 1].map((i) =>
    located.body.locations.find((l: { name: string }) => l.name === ['Kompas Jeugd Houten', 'Kompas Jeugd Elders'][i])!,
  );
  expect(ijsselstein).toMatchObject({ latitude: 52.02, longitude: 5.04 });
  expect(elders).toMatchObject({ latitude: null, longitude: null });
  const ids = {
    p: (
      await call(
        ctx,
        w.pUser.token,
        'POST',
        '/availability/entries',
        entry(ijsselstein.id, w.ggz.id, { intakeWaitWeeks: 8 }),
      )
    ).body.id as string,
    q: (
      await call(
        ctx,
        w.qUser.token,
        'POST',
        '/availability/entries',
        entry(w.q.locations[0]!.id, w.ggz.id, { intakeWaitWeeks: 1 }),
      )
    ).body.id as string,
    elders: (
      await call(
        ctx,
        w.pUser.token,
        'POST',
        '/availability/entries',
        entry(elders.id, w.ggz.id, { intakeWaitWeeks: 0 }),
      )
    ).body.id as string,
  };
  const search = async (query: string) =>
    call(ctx, w.referrer.token, 'GET', `/availability/offers?productId=${w.ggz.id}&${query}`);
  return { w, ids, search };
}

const shown = (res: { body: { data: Array<{ id: string; distanceKm: number | null }> } }) =>
  res.body.data.map((o) => [o.id, o.distanceKm]);

describe('distance in the availability search', () => {
  it('computes the distance from the child’s postcode to each location, unknown when a point is missing', async () => {
    const { ids, search } = await placed();
    const res = await search('postcode=3431%20AB');
    expect(res.status).toBe(200);
    // The search's own order (shortest wait first) with each location's distance; the unknown one says null.
    expect(shown(res)).toEqual([
      [ids.elders, null],
      [ids.q, 5.5],
      [ids.p, 3.6],
    ]);
    // The postcode as four digits finds the same; without a postcode no distance is given.
    expect(shown(await search('postcode=3431'))).toEqual(shown(res));
    expect((await search('')).body.data.map((o: { distanceKm: number | null }) => o.distanceKm)).toEqual([
      null,
      null,
      null,
    ]);
    // A child's postcode without a known point: every distance unknown, nothing guessed.
    expect((await search('postcode=1011AB')).body.data.map((o: { distanceKm: number | null }) => o.distanceKm)).toEqual(
      [null, null, null],
    );
  });

  it('sorts by distance (unknown last) and leaves out what is farther than the maximum or of unknown distance', async () => {
    const { ids, search } = await placed();
    expect(shown(await search('postcode=3431AB&sort=distance'))).toEqual([
      [ids.p, 3.6],
      [ids.q, 5.5],
      [ids.elders, null],
    ]);
    const near = await search('postcode=3431AB&maxDistanceKm=4');
    expect(shown(near)).toEqual([[ids.p, 3.6]]);
    expect(near.body.page.totalElements).toBe(1);
    expect(shown(await search('postcode=3431AB&maxDistanceKm=6&sort=distance'))).toEqual([
      [ids.p, 3.6],
      [ids.q, 5.5],
    ]);
    // Distance without a (known) postcode is refused in words, not guessed.
    const without = await search('maxDistanceKm=10');
    expect(without.status).toBe(400);
    expect(without.body.invalidParams[0]).toMatchObject({ name: 'postcode' });
    const unknown = await search('postcode=1011AB&sort=distance');
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0].reason).toContain('de ligging van postcode 1011 is niet bekend');
    expect((await search('postcode=3431AB&maxDistanceKm=0')).status).toBe(400);
    expect((await search('postcode=ABCD')).status).toBe(400);
  });

  it('refuses a PC4 file with bad rows as a whole, saying which rows, and a location with half a coordinate', async () => {
    const before = await ctx.database.db
      .select()
      .from(postcodeCentroids)
      .where(inArray(postcodeCentroids.postcode4, ['1234', '2345']));
    const bad = await importCsv(
      ['postcode,latitude,longitude', '1234,52.1,5.1', '123,52.1,5.1', '2345,12.0,5.1', '1234,52.2,5.2', ''].join('\n'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/^body: 3 regels zijn niet goed; er is niets ingelezen; regel 3: /);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'body',
      'regel 3',
      'regel 4',
      'regel 5',
    ]);
    expect(bad.body.invalidParams[3].reason).toBe('1234 staat ook al op regel 2');
    const after = await ctx.database.db
      .select()
      .from(postcodeCentroids)
      .where(inArray(postcodeCentroids.postcode4, ['1234', '2345']));
    expect(after).toEqual(before);
    const noColumns = await importCsv('pc,x,y\n1234,52.1,5.1\n');
    expect(noColumns.status).toBe(400);

    const w = await buildWorld(ctx);
    const keeper = await buildAdmin(ctx);
    const half = await call(ctx, keeper.token, 'PATCH', `/providers/${w.p.id}`, {
      locations: [{ ...w.p.locations[0]!, latitude: 52.02 }],
    });
    expect(half.status).toBe(400);
    expect(half.body.invalidParams[0].name).toBe('locations.0.longitude');
    const abroad = await call(ctx, keeper.token, 'PATCH', `/providers/${w.p.id}`, {
      locations: [{ ...w.p.locations[0]!, latitude: 48.85, longitude: 2.35 }],
    });
    expect(abroad.status).toBe(400);
  });
});
