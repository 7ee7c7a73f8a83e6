import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../db/schema/index.js';
import { buildRegion } from '../../../testing/factories.js';
import { call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { setup, upload, xlsx } from '../testing/bulk-kit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const header = [
  'Productcode',
  'Naam',
  'Perceel',
  'Categorie',
  'Eenheid',
  'Financiering',
  'Met verblijf',
  'Vorm van verblijf',
  'Intensiteit',
  'Reisuren per fte',
  'Geldig vanaf',
  'Geldig tot',
  'Tarief 2024',
  'Tarief 2025',
];
const product = (code: string, extra: Partial<Record<string, string | number | null>> = {}) => {
  const base: Record<string, string | number | null> = {
    Productcode: code,
    Naam: `Product ${code}`,
    Perceel: 'AMB',
    Categorie: '45',
    Eenheid: '04',
    Financiering: 'inspanningsgericht',
    'Met verblijf': 'nee',
    'Vorm van verblijf': null,
    Intensiteit: 'licht',
    'Reisuren per fte': null,
    'Geldig vanaf': '2024-01-01',
    'Geldig tot': '2025-12-31',
    'Tarief 2024': 70,
    'Tarief 2025': 72.5,
    ...extra,
  };
  return header.map((h) => base[h] ?? null);
};

describe('products import', () => {
  it('names each wrong cell by row and column and stores nothing, then previews and applies a corrected sheet', async () => {
    const { region, token } = await setup(ctx);
    const bad = await xlsx([
      header,
      product('P1'),
      product('P2', { Perceel: 'XXX', 'Tarief 2025': -3 }),
      product('P1', { Naam: 'Dubbel' }),
      product('P4', { 'Tarief 2025': null, 'Geldig vanaf': '31-2-2024' }),
      product('P5', { 'Tarief 2025': null }),
    ]);
    const refused = await upload(ctx, token, `/products/import?regionId=${region.id}&apply=true`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([
      { name: 'C3', code: 'invalid', reason: 'rij 3, Perceel: perceel "XXX" bestaat niet in de regio' },
      { name: 'N3', code: 'invalid', reason: 'rij 3, Tarief 2025: tarief mag niet negatief zijn' },
      { name: 'A4', code: 'invalid', reason: 'rij 4, Productcode: productcode P1 staat er twee keer in (ook rij 2)' },
      { name: 'K5', code: 'invalid', reason: 'rij 5, Geldig vanaf: "31-2-2024" is geen datum' },
      { name: 'N6', code: 'invalid', reason: 'rij 6, Tarief 2025: tarief ontbreekt; het product geldt in 2025' },
    ]);
    expect((await call(ctx, token, 'GET', `/products?regionId=${region.id}`)).body.data).toEqual([]);

    const good = await xlsx([
      header,
      product('P1'),
      product('P2', { 'Met verblijf': 'ja', 'Vorm van verblijf': 'pleegzorg' }),
    ]);
    const preview = await upload(ctx, token, `/products/import?regionId=${region.id}`, good);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      applied: false,
      rows: [
        { row: 2, key: 'P1', action: 'create' },
        { row: 3, key: 'P2', action: 'create' },
      ],
    });
    expect((await call(ctx, token, 'GET', `/products?regionId=${region.id}`)).body.data).toEqual([]);

    const applied = await upload(ctx, token, `/products/import?regionId=${region.id}&apply=true`, good);
    expect(applied.body.applied).toBe(true);
    const list = (await call(ctx, token, 'GET', `/products?regionId=${region.id}`)).body.data;
    expect(list.map((p: { productCode: string }) => p.productCode).sort()).toEqual(['P1', 'P2']);
    const p2 = list.find((p: { productCode: string }) => p.productCode === 'P2');
    expect(p2).toMatchObject({ withStay: true, stayForm: 'pleegzorg', lotName: 'Ambulant' });
    expect(p2.tariffs).toEqual([
      { year: 2024, tariff: 70 },
      { year: 2025, tariff: 72.5 },
    ]);
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'product'), eq(auditEvents.entityId, p2.id)));
    expect(events.map((e) => e.action)).toEqual(['create']);

    // The export comes back as an import that changes nothing; one changed tariff is an update of that column.
    const exported = await ctx.app.request(`/api/v1/products/export?regionId=${region.id}&format=xlsx`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const roundTrip = new Uint8Array(await exported.arrayBuffer());
    const again = await upload(ctx, token, `/products/import?regionId=${region.id}`, roundTrip);
    expect(again.body.rows.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'unchanged']);
    const changed = await upload(
      ctx,
      token,
      `/products/import?regionId=${region.id}`,
      await xlsx([header, product('P1', { 'Tarief 2025': 73 })]),
    );
    expect(changed.body.rows).toEqual([
      { row: 2, key: 'P1', name: 'Product P1', action: 'update', changes: ['Tarief 2025'] },
    ]);
  });

  it('refuses a sheet with a wrong column header, naming the column', async () => {
    const { region, token } = await setup(ctx);
    const wrong = [...header];
    wrong[1] = 'Omschrijving';
    const res = await upload(ctx, token, `/products/import?regionId=${region.id}`, await xlsx([wrong, product('P1')]));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'B1', code: 'header', reason: 'rij 1, kolom B: kolomkop moet "Naam" zijn, niet "Omschrijving"' },
    ]);
    const csv = await upload(
      ctx,
      token,
      `/products/import?regionId=${region.id}`,
      new Uint8Array(Buffer.from('a;b')),
      'p.csv',
    );
    expect(csv.body.invalidParams[0]).toMatchObject({ name: 'file', code: 'type' });
  });
});

describe('tariff indexation', () => {
  it('previews and applies a lot’s tariffs for a new year, rounding exactly, and lists what it cannot index', async () => {
    const { region, token } = await setup(ctx);
    const [amb, gzv] = [region.lots[0]!, region.lots[1]!];
    const make = (
      code: string,
      lotId: string,
      tariffs: Array<{ year: number; tariff: number }>,
      validTo: string | null,
    ) =>
      call(ctx, token, 'POST', '/products', {
        regionId: region.id,
        lotId,
        productCategory: '45',
        productCode: code,
        name: `Product ${code}`,
        unit: '04',
        fundingVariant: 'inspanningsgericht',
        validFrom: '2025-01-01',
        validTo,
        tariffs,
      });
    expect(
      (
        await make(
          'A1',
          amb.id,
          [
            { year: 2025, tariff: 68.5 },
            { year: 2026, tariff: 74.2 },
          ],
          null,
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await make(
          'A2',
          amb.id,
          [
            { year: 2025, tariff: 1 },
            { year: 2026, tariff: 1.0 },
          ],
          null,
        )
      ).status,
    ).toBe(201);
    expect((await make('A3', amb.id, [{ year: 2025, tariff: 9 }], '2025-12-31')).status).toBe(201);
    expect(
      (
        await make(
          'G1',
          gzv.id,
          [
            { year: 2025, tariff: 10 },
            { year: 2026, tariff: 10 },
          ],
          null,
        )
      ).status,
    ).toBe(201);
    const input = {
      regionId: region.id,
      lotId: amb.id,
      fromYear: 2026,
      toYear: 2027,
      percent: 0.5,
      rounding: 'half-up',
    };
    const preview = await call(ctx, token, 'POST', '/tariff-indexation-previews', input);
    expect(preview.status).toBe(200);
    expect(
      preview.body.rows.map((r: Record<string, unknown>) => [r.productCode, r.fromTariff, r.tariff, r.action]),
    ).toEqual([
      ['A1', 74.2, 74.57, 'create'],
      ['A2', 1, 1.01, 'create'],
    ]);
    const unchanged = (await call(ctx, token, 'GET', `/products?regionId=${region.id}&q=A1`)).body.data[0];
    expect(unchanged.tariffs.map((t: { year: number }) => t.year)).toEqual([2025, 2026]);

    const down = await call(ctx, token, 'POST', '/tariff-indexation-previews', { ...input, rounding: 'down' });
    expect(down.body.rows.map((r: { tariff: number }) => r.tariff)).toEqual([74.57, 1]);

    const applied = await call(ctx, token, 'POST', '/tariff-indexations', input);
    expect(applied.status).toBe(201);
    expect(applied.body.created).toBe(2);
    const a1 = (await call(ctx, token, 'GET', `/products?regionId=${region.id}&q=A1`)).body.data[0];
    expect(a1.tariffs).toContainEqual({ year: 2027, tariff: 74.57 });
    const g1 = (await call(ctx, token, 'GET', `/products?regionId=${region.id}&q=G1`)).body.data[0];
    expect(g1.tariffs.map((t: { year: number }) => t.year)).toEqual([2025, 2026]);
    // Applying again keeps what is there.
    const twice = await call(ctx, token, 'POST', '/tariff-indexations', input);
    expect(twice.body.rows.map((r: { action: string }) => r.action)).toEqual(['keep', 'keep']);
    expect(twice.body.created).toBe(0);

    const missing = await call(ctx, token, 'GET', `/products/missing-tariffs?regionId=${region.id}&throughYear=2027`);
    expect(
      missing.body.data.map((m: { productCode: string; missingYears: number[] }) => [m.productCode, m.missingYears]),
    ).toEqual([['G1', [2027]]]);
  });

  it('refuses −100 % and a lot of another region', async () => {
    const { region, token } = await setup(ctx);
    const other = await buildRegion(ctx);
    const base = { regionId: region.id, fromYear: 2026, toYear: 2027, percent: -100 };
    const res = await call(ctx, token, 'POST', '/tariff-indexation-previews', base);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({
      name: 'percent',
      reason: 'een indexatie van −100 % of minder kan niet',
    });
    const lot = await call(ctx, token, 'POST', '/tariff-indexation-previews', {
      ...base,
      percent: 2,
      lotId: other.lots[0]!.id,
    });
    expect(lot.body.invalidParams[0]).toMatchObject({ name: 'lotId' });
  });
});
