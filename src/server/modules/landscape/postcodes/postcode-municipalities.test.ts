import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../http/errors.js';
import { buildAdmin, buildProvider } from '../../../testing/factories.js';
import { createTestContext, type TestContext } from '../../../testing/harness.js';
import { importCentroids, parseCentroidsCsv, providersLocatedOutside } from './postcodes.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const refusal = (text: string) => {
  try {
    parseCentroidsCsv(text);
  } catch (error) {
    if (error instanceof AppError) return error.invalidParams?.map((p) => `${p.name}: ${p.reason}`) ?? [];
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('the municipality of a postcode area', () => {
  it('reads an optional gemeentecode column, with or without CBS prefix, and refuses a code that is not one', () => {
    expect(
      parseCentroidsCsv('pc4;lat;lon;gemeentecode\n3991;52,03;5,17;GM0321\n3511;52,09;5,12;0344\n4141;51,9;5,1;\n'),
    ).toEqual([
      { postcode4: '3991', latitude: 52.03, longitude: 5.17, municipalityCode: '0321' },
      { postcode4: '3511', latitude: 52.09, longitude: 5.12, municipalityCode: '0344' },
      { postcode4: '4141', latitude: 51.9, longitude: 5.1, municipalityCode: null },
    ]);
    // Without the column nothing is said about municipalities (an import then keeps what is known).
    expect(parseCentroidsCsv('pc4,lat,lon\n3991,52.03,5.17\n')).toEqual([
      { postcode4: '3991', latitude: 52.03, longitude: 5.17 },
    ]);
    expect(refusal('pc4,lat,lon,gemeentecode\n3991,52.03,5.17,Houten\n3511,52.09,5.12,GM344\n')).toEqual([
      'body: 2 regels zijn niet goed; er is niets ingelezen',
      'regel 2: gemeentecode van 3991 moet een CBS-code van vier cijfers zijn (0344 of GM0344)',
      'regel 3: gemeentecode van 3511 moet een CBS-code van vier cijfers zijn (0344 of GM0344)',
    ]);
  });

  it('places providers outside a region only by locations it can place, and says when it can place none', async () => {
    const db = ctx.database.db;
    const { actor } = await buildAdmin(ctx);
    const location = (postcode: string) => ({ name: `Vestiging ${postcode}`, postcode, city: null });
    const outside = await buildProvider(ctx, { locations: [location('3511 AA')] });
    const both = await buildProvider(ctx, { locations: [location('3511 AB'), location('3991 AA')] });
    const unknown = await buildProvider(ctx, { locations: [location('4141 AA')] });
    await buildProvider(ctx, { locations: [location('3992 AA')] });
    const region = ['0321', '0356'];

    await importCentroids(db, actor, parseCentroidsCsv('pc4,lat,lon\n3991,52.03,5.17\n3511,52.09,5.12\n'));
    expect(await providersLocatedOutside(db, region)).toBeNull();

    await importCentroids(
      db,
      actor,
      parseCentroidsCsv('pc4,lat,lon,gemeentecode\n3991,52.03,5.17,0321\n3992,52.03,5.17,0321\n3511,52.09,5.12,0344\n'),
    );
    expect(await providersLocatedOutside(db, region)).toEqual([outside.agbCode]);
    expect([both.agbCode, unknown.agbCode].some((a) => a === outside.agbCode)).toBe(false);

    // A later file without the column moves the points and keeps the municipalities.
    await importCentroids(db, actor, parseCentroidsCsv('pc4,lat,lon\n3511,52.1,5.13\n'));
    expect(await providersLocatedOutside(db, region)).toEqual([outside.agbCode]);
    // Utrecht joins the region: nobody is outside any more.
    expect(await providersLocatedOutside(db, [...region, '0344'])).toEqual([]);
  });
});
