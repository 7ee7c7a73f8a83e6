import { eq } from 'drizzle-orm';
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
    const [lot] = await db.select({ id: lots.id }).from(lots).where(eq(lots.regionId, world.lekstroom));
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
