import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { at, figures, kpi, P, rows, useEdgeWorld, world } from './testing/kpi-edge-world.js';

/** KPI edge cases of flow over hand-made iJw messages (kpi-edge-world.ts): periods, overlaps, moves, taakgericht care, waits, 18+. Endings: kpi-edge-endings.test.ts. */
useEdgeWorld();

describe('the hand-made messages', () => {
  it('are all accepted by the import, and build the trajectories', async () => {
    expect(
      world.imported.filter((r) => r.status !== 'accepted').map((r) => `${r.file}: ${JSON.stringify(r.reasons)}`),
    ).toEqual([]);
    expect(world.imported.length).toBeGreaterThan(150);
    const [n] = await queryRows<{ n: number }>(
      world.ctx.database.db,
      sql`select count(*)::int as n from ijw_trajectories where start_date is not null`,
    );
    expect(n!.n).toBe(120);
  });
});

describe('a trajectory across the period boundary (15 March – 10 April 2025)', () => {
  it('is in care in Q1 and in Q2, flows in in Q1 only and out in Q2 only', async () => {
    const a = at(P.boundary);
    expect((await kpi('youths_in_care', '2025Q1', a)).total.value).toBe(1);
    expect((await kpi('youths_in_care', '2025Q2', a)).total.value).toBe(1);
    expect((await kpi('inflow', '2025Q1', a)).total.value).toBe(1);
    expect((await kpi('inflow', '2025Q2', a)).total.value).toBe(0);
    expect((await kpi('outflow', '2025Q1', a)).total.value).toBe(0);
    expect((await kpi('outflow', '2025Q2', a)).total.value).toBe(1);
  });

  it('counts its first and last day (inclusive), and nothing after the end', async () => {
    const a = at(P.boundary);
    expect((await kpi('youths_in_care', '2025-03-15/2025-03-15', a)).total.value).toBe(1);
    // (No youth at all gives an empty total; that it should read 0 is tested under "a count over no youths".)
    expect((await kpi('youths_in_care', '2025-03-01/2025-03-14', a)).total).toMatchObject({
      youths: 0,
      value: expect.toBeOneOf([0, null]),
    });
    expect((await kpi('youths_in_care', '2025-04-10/2025-04-10', a)).total.value).toBe(1);
    expect((await kpi('youths_in_care', '2025-04-11/2025-06-30', a)).total).toMatchObject({
      youths: 0,
      value: expect.toBeOneOf([0, null]),
    });
    expect((await kpi('outflow', '2025-03', a)).total.value).toBe(0);
    expect((await kpi('inflow', '2025-04', a)).total.value).toBe(0);
    expect((await kpi('outflow', '2025-04', a)).total.value).toBe(1);
  });
});

describe('outflow when the next trajectory starts the day after the period', () => {
  it('is no outflow: the youth is in care on that day', async () => {
    // Story D: D1 ends 31 March and starts again on 1 April, D2 the same day, D4 three days later; D3 (31 January)
    // and D5 (14 February) leave with nothing after them in Q1.
    expect((await kpi('outflow', '2025Q1', at(P.reentry))).total.value).toBe(2);
    expect(rows(await kpi('outflow', '2025Q1', at(P.reentry, { groupBy: 'productCategory' })))).toEqual({ 45: 2 });
  });
});

describe('outflow when the last trajectory to start lies in a cell with nothing else in the period (story O)', () => {
  it('counts the youth in the total, grouped any way', async () => {
    const total = (await kpi('outflow', '2025')).total.value;
    for (const groupBy of ['municipality', 'provider', 'productCategory', 'lot'] as const) {
      expect((await kpi('outflow', '2025', { groupBy })).total.value, groupBy).toBe(total);
    }
    expect(rows(await kpi('outflow', '2025', at(P.long, { groupBy: 'provider' })))).toEqual({ [P.long]: 1 });
    // The provider of February 2023 is no row in 2025: it had nobody in care then.
    expect(Object.keys(rows(await kpi('outflow', '2025', { groupBy: 'provider' })))).not.toContain(P.short);
  });
});

describe('a product moved to another lot', () => {
  it('moves its youths in the figures per lot at the next read', async () => {
    const db = world.ctx.database.db;
    // Story D in Q3 2025: D1–D4 in care with 45A02 (their 45A01 care ended in Q1), lot AMB, as the only youths with
    // 45A02 then. Asked for the region (each youth's neighbours in its lot) and for the provider (grouped by youth).
    const byLot = async (id: 'youths_in_care' | 'inflow', ask = {}) =>
      rows(await kpi(id, '2025Q3', { ...ask, groupBy: 'lot' }));
    const before = await byLot('youths_in_care');
    expect(before.JIO).toBeUndefined();
    expect(await byLot('youths_in_care', at(P.reentry))).toEqual({ AMB: 4 });
    const lotOf = (code: string) =>
      sql`(select id from lots where region_id = ${world.lekstroom}::uuid and code = ${code})`;
    await db.execute(
      sql`update products set lot_id = ${lotOf('JIO')} where region_id = ${world.lekstroom}::uuid and product_code = '45A02'`,
    );
    try {
      const after = await byLot('youths_in_care');
      expect(after.JIO).toBe(4);
      expect(after.AMB).toBe(before.AMB! - 4);
      expect(await byLot('youths_in_care', at(P.reentry))).toEqual({ JIO: 4 });
      // D3 came back on 1 August with 45A02: new in lot JIO in Q3.
      expect((await byLot('inflow')).JIO).toBe(1);
    } finally {
      await db.execute(
        sql`update products set lot_id = ${lotOf('AMB')} where region_id = ${world.lekstroom}::uuid and product_code = '45A02'`,
      );
    }
    expect(await byLot('youths_in_care')).toEqual(before);
  });
});

describe('a youth who moves to another region (story L)', () => {
  it('is new in care in the region it moves to, though its care in the region it left runs on', async () => {
    const horizon = { region: world.horizonRegion };
    // Horizon in Q1 2025: the mover (from 6 January) and the youth of story I who starts on 28 February.
    expect((await kpi('youths_in_care', '2025Q1', horizon)).total.value).toBe(2);
    expect((await kpi('inflow', '2025Q1', horizon)).total.value).toBe(2);
    expect(rows(await kpi('youths_in_care', '2025Q1', { ...horizon, groupBy: 'provider' }))).toEqual({
      [P.horizon]: 1,
      [P.moved]: 1,
    });
    expect(rows(await kpi('inflow', '2025Q1', { ...horizon, groupBy: 'productCategory' }))).toEqual({ 45: 2 });
    // In Lekstroom the youth stays in care at the same provider: in care, not new, not gone.
    expect(figures(await kpi('youths_in_care', '2025Q1', at(P.moved)))).toMatchObject({ value: 1 });
    expect((await kpi('inflow', '2025Q1', at(P.moved))).total.value).toBe(0);
    expect((await kpi('outflow', '2025Q1', at(P.moved))).total.value).toBe(0);
  });

  it('counts the youth behind its spend in each region: 2 × 4 hours at € 68.50 in each', async () => {
    const horizon = { region: world.horizonRegion };
    expect(figures(await kpi('spend', '2025Q1', horizon))).toMatchObject({ value: 548, youths: 1 });
    for (const groupBy of ['municipality', 'provider', 'productCategory', 'lot'] as const) {
      const result = await kpi('spend', '2025Q1', { ...horizon, groupBy });
      expect(
        result.rows.map((r) => [r.value, r.youths]),
        groupBy,
      ).toEqual([[548, 1]]);
    }
    expect(figures(await kpi('spend', '2025Q1', at(P.moved)))).toMatchObject({ value: 548, youths: 1 });
  });
});

describe('one youth with overlapping trajectories of the same product', () => {
  it('are two trajectories in the table', async () => {
    const [r] = await queryRows<{ n: number; youths: number }>(
      world.ctx.database.db,
      sql`
      select count(*)::int as n, count(distinct client_pseudonym)::int as youths from ijw_trajectories where provider_agb = ${P.overlap} and product_code = '45A01'`,
    );
    expect(r).toEqual({ n: 3, youths: 2 });
  });

  it('counts the youth once in the total and once per cell; rows may add up to more than the total', async () => {
    const a = at(P.overlap);
    expect((await kpi('youths_in_care', '2025Q2', a)).total.value).toBe(2);
    expect(rows(await kpi('youths_in_care', '2025Q2', at(P.overlap, { groupBy: 'productCategory' })))).toEqual({
      45: 2,
      54: 1,
    });
    expect(rows(await kpi('youths_in_care', '2025Q2', at(P.overlap, { groupBy: 'lot' })))).toEqual({ AMB: 2 });
    expect(rows(await kpi('youths_in_care', '2025Q2', at(P.overlap, { groupBy: 'municipality' })))).toEqual({
      '0356': 2,
    });
    // Q1: both of B1's trajectories start, one youth flows in.
    expect((await kpi('inflow', '2025Q1', a)).total.value).toBe(1);
    expect((await kpi('youths_in_care', '2025Q1', a)).total.value).toBe(1);
  });

  it('judges inflow and outflow per youth within the cell, not per trajectory', async () => {
    // Q2: B1's first trajectory ends 30 May but the second runs on (no outflow; it was in care on 31 March: no inflow);
    // B2 is new in both categories.
    expect((await kpi('inflow', '2025Q2', at(P.overlap))).total.value).toBe(1);
    expect(rows(await kpi('inflow', '2025Q2', at(P.overlap, { groupBy: 'productCategory' })))).toEqual({
      45: 1,
      54: 1,
    });
    expect((await kpi('outflow', '2025Q2', at(P.overlap))).total.value).toBe(0);
    // Q3: B1's second trajectory ends 29 August; B2 runs on.
    expect((await kpi('outflow', '2025Q3', at(P.overlap))).total.value).toBe(1);
  });

  it('counts endings per trajectory', async () => {
    expect(figures(await kpi('ended_per_plan', '2025Q2', at(P.overlap)))).toEqual({
      value: 100,
      numerator: 1,
      denominator: 1,
      youths: 1,
    });
  });
});

describe('taakgericht care (JW305/JW307 without JW301)', () => {
  it('builds trajectories without an allocation', async () => {
    const rowsInTable = await queryRows<{ key: string; allocation_number: string | null }>(
      world.ctx.database.db,
      sql`
      select trajectory_key as key, allocation_number from ijw_trajectories where provider_agb = ${P.taak} order by start_date`,
    );
    expect(rowsInTable).toHaveLength(2);
    expect(rowsInTable.every((r) => r.key.startsWith('T|') && r.allocation_number === null)).toBe(true);
  });

  it('counts in youths in care, inflow, outflow, drop-out, ended per plan, length of stay and the care mix', async () => {
    const a = at(P.taak);
    expect((await kpi('youths_in_care', '2025Q1', a)).total.value).toBe(2);
    expect((await kpi('inflow', '2025Q1', a)).total.value).toBe(2);
    expect((await kpi('outflow', '2025Q2', a)).total.value).toBe(2);
    expect(figures(await kpi('dropout', '2025Q2', a))).toEqual({ value: 50, numerator: 1, denominator: 2, youths: 2 });
    expect(figures(await kpi('ended_per_plan', '2025Q2', a))).toEqual({
      value: 50,
      numerator: 1,
      denominator: 2,
      youths: 2,
    });
    // 44T01 is unknown to the region: stay by productcategorie 44; 10 January – 9 May 2025 is 120 days, both counted.
    expect(figures(await kpi('length_of_stay', '2025Q2', a))).toEqual({
      value: 120,
      numerator: 120,
      denominator: 1,
      youths: 1,
    });
    expect(figures(await kpi('ambulant_stay_ratio', '2025Q1', a))).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
    expect(rows(await kpi('youths_in_care', '2025Q1', at(P.taak, { groupBy: 'lot' })))).toEqual({ '–': 2 });
  });

  it('has no wait (no request, no allocation date)', async () => {
    for (const id of ['request_wait_days', 'allocation_wait_days'] as const)
      expect(figures(await kpi(id, '2025Q1', at(P.taak)))).toEqual({
        value: null,
        numerator: null,
        denominator: 0,
        youths: 0,
      });
  });
});

describe('two waits (story W)', () => {
  it('measures from the request only the care with a request: W1 (19 days) and W4 (80), never below 0', async () => {
    // Not W2, W5, W6 (allocated without a request) nor W3 (taakgericht). W4's youth counts, though its W5 (no request)
    // started earlier in the quarter: the youth's first start with a request is what counts.
    const expected = { value: 49.5, numerator: null, denominator: 2, youths: 2 };
    expect(figures(await kpi('request_wait_days', '2025Q1', at(P.wait)))).toEqual(expected);
    // The same counted per youth (two dimensions: no neighbour columns) instead of by each youth's first start.
    expect(figures(await kpi('request_wait_days', '2025Q1', at(P.wait, { groupBy: 'productCategory' })))).toEqual(
      expected,
    );
  });

  it('measures from the allocation all care with an allocation: W1 12, W2 0, W4 70, W5 30, W6 4 days', async () => {
    // Median of 0, 4, 12, 30, 70; three youths (W1 and W6, W4 and W5 share one). W3 (taakgericht) has no allocation.
    const expected = { value: 12, numerator: null, denominator: 5, youths: 3 };
    expect(figures(await kpi('allocation_wait_days', '2025Q1', at(P.wait)))).toEqual(expected);
    expect(figures(await kpi('allocation_wait_days', '2025Q1', at(P.wait, { groupBy: 'productCategory' })))).toEqual(
      expected,
    );
    expect(rows(await kpi('allocation_wait_days', '2025Q1', at(P.wait, { groupBy: 'productCategory' })))).toEqual({
      '45': 12,
      '54': 17,
    });
  });

  it('takes the allocation date as the JW301 Toewijzingsdatum, and the request date as the JW315 Dagtekening', async () => {
    const [w1] = await queryRows<{ request: string; allocation: string }>(
      world.ctx.database.db,
      sql`select request_date::text as request, allocation_date::text as allocation from ijw_trajectories
          where provider_agb = ${P.wait} and start_date = '2025-03-15'`,
    );
    expect(w1).toEqual({ request: '2025-02-24', allocation: '2025-03-03' });
  });
});

describe('18+ by age on the last day of the period (only birth year and month are kept)', () => {
  it('counts a youth who is 18 on the last day of the period, not one who turns 18 later that year', async () => {
    const [kept] = await queryRows<{ births: string }>(
      world.ctx.database.db,
      sql`
      select string_agg(birth_year || '-' || birth_month, ',' order by birth_year, birth_month) as births
      from ijw_trajectories where provider_agb = ${P.adult}`,
    );
    // No day of birth is kept.
    expect(kept!.births).toBe('2007-6,2007-7,2007-12,2008-1');
    // 30 June 2025: only the youth born on 30 June 2007 is 18.
    expect((await kpi('youths_18_plus', '2025Q2', at(P.adult))).total.value).toBe(1);
    expect((await kpi('youths_18_plus', '2025-07', at(P.adult))).total.value).toBe(2);
    expect((await kpi('youths_18_plus', '2025Q3', at(P.adult))).total).toMatchObject({ value: 2, previous: 1 });
    expect((await kpi('youths_18_plus', '2025', at(P.adult))).total.value).toBe(3);
    // An interval ending in 2026 counts the youth born on the first day of 2008 too.
    expect((await kpi('youths_18_plus', '2025-12-01/2026-01-31', at(P.adult))).total.value).toBe(4);
    expect((await kpi('youths_in_care', '2025', at(P.adult))).total.value).toBe(4);
  });
});

describe('a count over no youths', () => {
  it('is 0, not empty: "distinct youths with a trajectory in care" over nobody is zero', async () => {
    // Also when no trajectory of the scope touches the period at all: a provider without care in a quarter has 0.
    for (const id of ['youths_in_care', 'inflow', 'outflow', 'residential_youths', 'youths_18_plus'] as const) {
      const result = await kpi(id, '2024Q1', { filters: { provider: P.overlap } });
      expect(result.total, id).toMatchObject({ value: 0, youths: 0 });
    }
  });
});
