import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { seedDemoMessages } from './demo-messages.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('demo messages', () => {
  it('fill the demo region with trajectories through the normal import, every file accepted', async () => {
    await seedDemoRegionIfEmpty(ctx.database.db);
    const result = await seedDemoMessages(ctx.database.db, ctx.secrets, 150, new Date('2026-11-22T12:00:00Z'));
    expect(result.accepted).toBe(result.files);
    const [row] = await queryRows<{ n: number; providers: number; municipalities: number }>(
      ctx.database.db,
      sql`
      select count(*)::int as n, count(distinct provider_agb)::int as providers, count(distinct municipality_code)::int as municipalities
      from ijw_trajectories`,
    );
    expect(row!.n).toBeGreaterThan(100);
    expect(row!.providers).toBeGreaterThan(3);
    expect(row!.municipalities).toBe(5);
    // History up to the last complete month: nothing dated in November 2026 or later.
    const [range] = await queryRows<{ last: string }>(
      ctx.database.db,
      sql`
      select max(greatest(start_date, coalesce(end_date, start_date)))::text as last from ijw_trajectories`,
    );
    expect(range!.last >= '2026-09-01' && range!.last <= '2026-10-31').toBe(true);
  });
});
