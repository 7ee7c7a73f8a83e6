import { sql } from 'drizzle-orm';
import { buildAdmin, buildContract, buildProvider, buildRegion } from '../../../testing/factories.js';
import { buildUser, type TestContext } from '../../../testing/harness.js';
import { createProduct } from '../../landscape/index.js';

/**
 * A region with two lots (Ambulant, Crisis), a current ambulant product (45A01), a crisis product (CRI) and a product
 * with stay; provider P holds running contracts for all three lots, provider Q only for Ambulant, provider R had one
 * that ended. Each provider has a location.
 */
export async function world(ctx: TestContext) {
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

/** A valid entry's body for a location and product, with `extra` fields over it. */
export const entry = (locationId: string, productId: string, extra: Record<string, unknown> = {}) => ({
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
