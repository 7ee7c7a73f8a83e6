import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lots, providers } from '../../db/schema/index.js';
import { buildContract } from '../../testing/factories.js';
import { at, kpi, P, useEdgeWorld, world } from './testing/kpi-edge-world.js';

/** Care outside contract over hand-made iJw messages (kpi-edge-world.ts) when a contract starts during the care. */
useEdgeWorld();

describe('a contract that starts between the end of the previous period and the end of this one', () => {
  it("leaves the previous period's share outside contract as that period's own answer", async () => {
    // Story B at its own provider: B1's care ends 30 May and 29 August 2025; B2's two trajectories from April 2025 run
    // on. Without a contract all of it is outside the region.
    const db = world.ctx.database.db;
    const before = await kpi('outside_region_share', '2025Q2', at(P.overlap));
    expect(before.total).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    // A contract from 15 August 2025: inside the third quarter, after the second one ended.
    const [provider] = await db.select({ id: providers.id }).from(providers).where(eq(providers.agbCode, P.overlap));
    // The lot of story B's products (45A01, 54B01): Ambulant.
    const [lot] = await db
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.regionId, world.lekstroom), eq(lots.code, 'AMB')));
    await buildContract(world.ctx, {
      regionId: world.lekstroom,
      providerId: provider!.id,
      lotId: lot!.id,
      startDate: '2025-08-15',
      endDate: '2026-12-31',
    });
    // Q2 on its own: B2's running care had no contract up to 30 June, B1's first trajectory none at all.
    const q2 = await kpi('outside_region_share', '2025Q2', at(P.overlap));
    expect(q2.total).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    // Q3: the care running into the contract is contracted now; Q2 beside it reads as Q2 itself.
    const q3 = await kpi('outside_region_share', '2025Q3', at(P.overlap));
    expect(q3.total.value).toBe(0);
    expect(q3.total.previous).toBe(q2.total.value);
  });
});

describe('a contract for another lot', () => {
  it('leaves the care outside contract: only a contract for the lot of its product counts', async () => {
    const db = world.ctx.database.db;
    const lotOf = async (code: string) =>
      (
        await db
          .select({ id: lots.id })
          .from(lots)
          .where(and(eq(lots.regionId, world.lekstroom), eq(lots.code, code)))
      )[0]!.id;
    const [provider] = await db.select({ id: providers.id }).from(providers).where(eq(providers.agbCode, P.lot));
    const contract = {
      regionId: world.lekstroom,
      providerId: provider!.id,
      startDate: '2024-01-01',
      endDate: '2026-12-31',
    };
    // Story M: ambulant care (lot AMB) at a provider contracted for crisis care (lot CRI) only.
    await buildContract(world.ctx, { ...contract, lotId: await lotOf('CRI') });
    expect((await kpi('outside_region_share', '2025Q1', at(P.lot))).total).toMatchObject({
      value: 100,
      numerator: 1,
      denominator: 1,
    });
    // A contract for the lot Ambulant as well: contracted.
    await buildContract(world.ctx, { ...contract, lotId: await lotOf('AMB') });
    expect((await kpi('outside_region_share', '2025Q1', at(P.lot))).total).toMatchObject({ value: 0, numerator: 0 });
  });
});
