import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { buildRegion } from '../../../testing/factories.js';
import { yearsNeedingTariff } from './products.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

function productInput(regionId: string, extra: Record<string, unknown> = {}) {
  return {
    regionId,
    productCategory: '45',
    productCode: '45A01',
    name: 'Begeleiding licht',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'licht',
    travelHoursPerFte: 60,
    validFrom: '2024-01-01',
    validTo: '2025-12-31',
    tariffs: [
      { year: 2024, tariff: 70 },
      { year: 2025, tariff: 72.45 },
    ],
    ...extra,
  };
}

describe('products API', () => {
  it('creates a product with tariffs per year and the official names of its codes', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await call(ctx, token, 'POST', '/products', productInput(region.id, { lotId: region.lots[0]!.id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      productCategoryName: 'Jeugdhulp ambulant',
      unitName: 'Uur',
      travelHoursPerFte: 60,
      lotName: 'Ambulant',
    });
    expect(res.body.tariffs).toEqual([
      { year: 2024, tariff: 70 },
      { year: 2025, tariff: 72.45 },
    ]);
    const { token: verwijzer } = await buildUser(ctx, 'verwijzer', undefined, region.id);
    const list = await call(ctx, verwijzer, 'GET', `/products?regionId=${region.id}&q=45A`);
    expect(list.body.data.map((p: { productCode: string }) => p.productCode)).toEqual(['45A01']);
  });

  it('refuses a product without a tariff for a year it is valid', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await call(
      ctx,
      token,
      'POST',
      '/products',
      productInput(region.id, { tariffs: [{ year: 2024, tariff: 70 }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({
      name: 'tariffs',
      code: 'tariff-missing',
      reason: 'tarief ontbreekt voor 2025',
    });
    expect((await call(ctx, token, 'GET', `/products?regionId=${region.id}`)).body.data).toHaveLength(0);
  });

  it('refuses an unknown productcategorie, an unknown unit and a code longer than 5 characters', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const res = await call(
      ctx,
      token,
      'POST',
      '/products',
      productInput(region.id, { productCategory: '99', unit: '05', productCode: '45A01X' }),
    );
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      res.body.invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]),
    );
    expect(byField.productCategory).toBe('onbekende productcategorie (codelijst JZ020)');
    expect(byField.unit).toBe('onbekende eenheid (codelijst WJ756)');
    expect(byField.productCode).toBe('productcode mag hoogstens 5 tekens zijn');
  });

  it('refuses a duplicate productcode in the same region but allows it in another', async () => {
    const region = await buildRegion(ctx);
    const other = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'beheerder');
    expect((await call(ctx, token, 'POST', '/products', productInput(region.id))).status).toBe(201);
    const dup = await call(ctx, token, 'POST', '/products', productInput(region.id, { name: 'Andere naam' }));
    expect(dup.status).toBe(409);
    expect(dup.body.invalidParams[0].name).toBe('productCode');
    expect((await call(ctx, token, 'POST', '/products', productInput(other.id))).status).toBe(201);
  });

  it('updates tariffs and checks them against the new validity', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const created = await call(ctx, token, 'POST', '/products', productInput(region.id));
    const longer = await call(ctx, token, 'PATCH', `/products/${created.body.id}`, { validTo: '2026-12-31' });
    expect(longer.status).toBe(400);
    expect(longer.body.invalidParams[0].reason).toBe('tarief ontbreekt voor 2026');
    const ok = await call(ctx, token, 'PATCH', `/products/${created.body.id}`, {
      validTo: '2026-12-31',
      tariffs: [
        { year: 2024, tariff: 70 },
        { year: 2025, tariff: 72.45 },
        { year: 2026, tariff: 75 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.tariffs.map((t: { year: number }) => t.year)).toEqual([2024, 2025, 2026]);
  });

  it('keeps the form of stay only for care with stay, as the transformation KPIs need', async () => {
    const region = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'contractmanager', undefined, region.id);
    const ambulant = await call(ctx, token, 'POST', '/products', productInput(region.id, { stayForm: 'pleegzorg' }));
    expect(ambulant.status).toBe(400);
    expect(ambulant.body.invalidParams[0]).toMatchObject({
      name: 'stayForm',
      reason: 'een vorm van verblijf hoort alleen bij zorg met verblijf',
    });
    const foster = await call(
      ctx,
      token,
      'POST',
      '/products',
      productInput(region.id, {
        productCategory: '44',
        productCode: '44P01',
        unit: '14',
        withStay: true,
        stayForm: 'pleegzorg',
      }),
    );
    expect(foster.status).toBe(201);
    expect(foster.body.stayForm).toBe('pleegzorg');
    const noStay = await call(ctx, token, 'PATCH', `/products/${foster.body.id}`, { withStay: false });
    expect(noStay.body).toMatchObject({ withStay: false, stayForm: null });
  });

  it('needs tariffs up to the current year for an open-ended product', () => {
    expect(yearsNeedingTariff('2024-03-01', null, new Date('2026-05-01'))).toEqual([2024, 2025, 2026]);
    expect(yearsNeedingTariff('2027-01-01', null, new Date('2026-05-01'))).toEqual([2027]);
    expect(yearsNeedingTariff('2024-03-01', '2024-12-31')).toEqual([2024]);
  });
});
