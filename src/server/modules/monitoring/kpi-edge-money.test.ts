import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { at, declared, kpi, P, useEdgeWorld, world } from './testing/kpi-edge-world.js';

/** KPI edge cases of money over hand-made iJw messages (kpi-edge-world.ts): spend and the year-end forecast. */
useEdgeWorld();

describe('spend and the year-end forecast', () => {
  it('declares what the prestaties hold: G1 10 hours, G2 8, G3 5 a month at € 68,50', () => {
    expect([declared.g1, declared.g2, declared.g3]).toEqual([68_500, 54_800, 34_250]);
  });

  it('spend: the prestaties that began in the period', async () => {
    const result = await kpi('spend', '2025Q2', at(P.forecast));
    expect(result.total.value).toBe((3 * 68_500 + 3 * 54_800 + 2 * 34_250) / 100);
    expect(result.total.youths).toBe(3);
    expect(result.total.budget).toBeNull(); // a provider has no budget
  });

  it('projects the run rate of each allocation still running after the period to its allocation end', async () => {
    // 2025Q2: declared since 1 January: 6 × G1 + 6 × G2 + 5 × G3. Run rate over April–June (91 days): G1 runs to
    // 31 Dec (184 days left), G2 to its allocation end 30 Sep (92 days left), G3 ended 31 May (nothing projected).
    const expected = (6 * 68_500 + 6 * 54_800 + 5 * 34_250 + (3 * 68_500 * 184) / 91 + (3 * 54_800 * 92) / 91) / 100;
    const result = await kpi('spend_forecast', '2025Q2', at(P.forecast));
    expect(result.total.numerator).toBe((6 * 68_500 + 6 * 54_800 + 5 * 34_250) / 100);
    expect(result.total.value).toBeCloseTo(expected, 2);
  });

  it('carries the whole year budget beside the forecast, for the region', async () => {
    const forecast = await kpi('spend_forecast', '2025Q2');
    const spend = await kpi('spend', '2025');
    expect(forecast.total.budget).toBeGreaterThan(0);
    expect(forecast.total.budget).toBe(spend.total.budget);
  });

  it('for February takes the run rate over December–February, across the new year (docs/kpi.md)', async () => {
    // Declared since 1 January: 2 × G1, 2 × G2, 2 × G3. Run rate over Dec 2024 – Feb 2025 (90 days): G1 3 months,
    // G2 and G3 2 months; days left after 28 Feb: G1 and G3 to 31 Dec (306), G2 to 30 Sep (214).
    const expected =
      (2 * 68_500 +
        2 * 54_800 +
        2 * 34_250 +
        (3 * 68_500 * 306) / 90 +
        (2 * 54_800 * 214) / 90 +
        (2 * 34_250 * 306) / 90) /
      100;
    expect((await kpi('spend_forecast', '2025-02', at(P.forecast))).total.value).toBeCloseTo(expected, 2);
  });

  it('for a year whose prestaties are declared only up to June projects from the end of June (docs/kpi.md)', async () => {
    // The region's last prestaties are of June 2025. Seen from 31 December the year would show only what was declared;
    // the forecast is the one as known at 30 June, with the run rate and the trajectories running then.
    const year = await kpi('spend_forecast', '2025', at(P.forecast));
    const june = await kpi('spend_forecast', '2025Q2', at(P.forecast));
    expect(year.total.numerator).toBe((6 * 68_500 + 6 * 54_800 + 5 * 34_250) / 100);
    expect(year.total.value).toBe(june.total.value);
    expect(year.total.value).toBeGreaterThan(year.total.numerator!);
  });

  it('for a period ending mid-month divides by the days of the three calendar months (docs/kpi.md)', async () => {
    // L = 20 May 2025: the window is March–May (92 days), whose prestaties all began by 20 May; days left after L:
    // G1 and G3 to 31 Dec (225), G2 to 30 Sep (133).
    const expected =
      (5 * 68_500 +
        5 * 54_800 +
        5 * 34_250 +
        (3 * 68_500 * 225) / 92 +
        (3 * 54_800 * 133) / 92 +
        (3 * 34_250 * 225) / 92) /
      100;
    expect((await kpi('spend_forecast', '2025-01-01/2025-05-20', at(P.forecast))).total.value).toBe(
      Math.round(expected * 100) / 100,
    );
  });

  it('counts each prestatie once in the total even when two budget lines claim its productcategorie', async () => {
    // Nothing stops a region from putting a category in two lines. The total by budget line must still be the
    // region's spend: the category counts in the first line by code only.
    const db = world.ctx.database.db;
    await db.execute(
      sql`update budget_lines set product_categories = array_append(product_categories, '45') where region_id = ${world.lekstroom}::uuid and code = 'JZP'`,
    );
    try {
      const byRegion = await kpi('spend', '2025Q2');
      const byLine = await kpi('spend', '2025Q2', { groupBy: 'budgetLine' });
      expect(byLine.total.value).toBe(byRegion.total.value);
    } finally {
      await db.execute(
        sql`update budget_lines set product_categories = array_remove(product_categories, '45') where region_id = ${world.lekstroom}::uuid and code = 'JZP'`,
      );
    }
  });
});
