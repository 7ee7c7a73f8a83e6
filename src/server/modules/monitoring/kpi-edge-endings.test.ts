import { describe, expect, it } from 'vitest';
import { at, figures, kpi, P, useEdgeWorld, world } from './testing/kpi-edge-world.js';
import { computeKpis } from './kpi.service.js';

/** KPI edge cases of endings over hand-made iJw messages (kpi-edge-world.ts): the reasons that count, story M and N, herhaald beroep. */
useEdgeWorld();

describe('an ending that counts after one that does not (story M)', () => {
  it('counts the youth behind the ending per plan, though a pause (20) ended earlier in the period', async () => {
    expect(figures(await kpi('ended_per_plan', '2025Q2', at(P.paused)))).toEqual({
      value: 100,
      numerator: 1,
      denominator: 1,
      youths: 1,
    });
    expect(figures(await kpi('dropout', '2025Q2', at(P.paused, { groupBy: 'productCategory' })))).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
      youths: 1,
    });
    const [row] = (await kpi('ended_per_plan', '2025Q2', at(P.paused, { groupBy: 'productCategory' }))).rows;
    expect(row).toMatchObject({ key: '45', value: 100, youths: 1 });
  });
});

describe('an ending to follow up after one that is not (story N)', () => {
  it('counts the youth behind herhaald beroep, though a move to another provider (38) ended earlier in the period', async () => {
    expect(figures(await kpi('repeat_care_6m', '2025Q2', at(P.followed)))).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
      youths: 1,
    });
    expect(figures(await kpi('repeat_care_6m', '2025Q2', at(P.followed, { groupBy: 'lot' })))).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
      youths: 1,
    });
    // Both endings count for uitval (38 is an ending), one youth behind them.
    expect(figures(await kpi('dropout', '2025Q2', at(P.followed)))).toEqual({
      value: 0,
      numerator: 0,
      denominator: 2,
      youths: 1,
    });
  });
});

describe('reasons for ending (JZ588)', () => {
  it('counts 39, uitstroom naar ander domein (turning 18), as ended per plan and not as drop-out', async () => {
    expect(figures(await kpi('ended_per_plan', '2025-04', at(P.reasons)))).toEqual({
      value: 100,
      numerator: 1,
      denominator: 1,
      youths: 1,
    });
    expect(figures(await kpi('dropout', '2025-04', at(P.reasons)))).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
      youths: 1,
    });
  });

  it('leaves 20 and 37 out of the endings, counts 38 in the denominator only', async () => {
    // Q2: 39 (per plan), 34 (early), 38 (other) count; 20 and 37 do not.
    expect(figures(await kpi('ended_per_plan', '2025Q2', at(P.reasons)))).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
      youths: 3,
    });
    expect(figures(await kpi('dropout', '2025Q2', at(P.reasons)))).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
      youths: 3,
    });
  });
});

describe('herhaald beroep (repeat care)', () => {
  it('counts a new start one day after the end, not one on the end day itself, and leaves 38 out', async () => {
    // Q1 endings: D1 (back 1 April: counts), D2 (new start on its end day 28 Feb: not in (end, end + 6 months]),
    // D3 (back after 6 months and a day), D5 (never back); D4 ended with 38 and is left out.
    expect(figures(await kpi('repeat_care_6m', '2025Q1', at(P.reentry)))).toEqual({
      value: 25,
      numerator: 1,
      denominator: 4,
      youths: 4,
    });
    expect(figures(await kpi('repeat_care_6m', '2025-03', at(P.reentry)))).toEqual({
      value: 100,
      numerator: 1,
      denominator: 1,
      youths: 1,
    });
  });

  it('uses the 12-month window for repeat_care_12m, and only endings whose window lies before the data date', async () => {
    // The data date is 28 February 2026, so of Q1 D3 (31 Jan), D5 (14 Feb) and D2 (28 Feb) have a whole year
    // observed, D1 (31 Mar) not; D3 came back on 1 August 2025, within its 12 months.
    expect(figures(await kpi('repeat_care_12m', '2025Q1', at(P.reentry)))).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
      youths: 3,
    });
  });

  it('takes an ending into account when end + 6 months (calendar months, clamped) falls exactly on the data date', async () => {
    // 31 August 2025 + 6 months = 28 February 2026 = the data date (docs/kpi.md: "whose end + 6 months ≤ the data
    // date"). Deriving a cut-off the other way round (data date − 6 months = 28 August) would drop 29–31 August.
    expect(figures(await kpi('repeat_care_6m', '2025-08', at(P.clamp)))).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
      youths: 1,
    });
  });

  it('judges "observed" by the data date of the region itself, not of another region', async () => {
    // docs/kpi.md, "Data date". Region Horizon has fewer than ten messages: its data date is its earliest message's
    // day, so its ending of 10 September 2024 (+ 6 months = 10 March 2025) is not observed yet, however far Lekstroom's
    // data reach.
    const dataDate = async (regionId: string) =>
      (await computeKpis(world.ctx.database.db, { regionId, period: '2025', kpis: ['repeat_care_6m'] })).dataDate;
    expect(await dataDate(world.horizonRegion)).toBe('2024-03-01');
    // Lekstroom's is 28 February 2026: ten messages are dated on it; one start message of 30 September 2026 is not enough.
    expect(await dataDate(world.lekstroom)).toBe('2026-02-28');
    const result = await kpi('repeat_care_6m', '2024-09', { region: world.horizonRegion });
    expect(figures(result)).toEqual({ value: null, numerator: 0, denominator: 0, youths: 0 });
  });
});
