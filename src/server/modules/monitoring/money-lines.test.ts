import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildUser, call } from '../../testing/harness.js';
import { computeMoneyLines } from './money-lines.js';
import { listSignals } from './signals.service.js';
import { kpi, useEdgeWorld, world } from './testing/kpi-edge-world.js';

/**
 * Money per budget line (docs/kpi.md, "Money per budget line") over the hand-made messages of kpi-edge-world.ts in
 * the demo region: iJw spend lands on Zorg in natura only; Veilig Thuis gets a realisation from the ledger.
 */
useEdgeWorld();

const db = () => world.ctx.database.db;
const setBudget = (line: string, cbs: string | null, amount: number) =>
  db().execute(sql`
    update budgets b set amount = ${amount} from budget_lines bl, municipalities m
    where bl.id = b.budget_line_id and m.id = b.municipality_id and bl.code = ${line} and b.year = 2025
      and m.region_id = ${world.lekstroom}::uuid ${cbs ? sql`and m.cbs_code = ${cbs}` : sql``}`);

/** The figures as the engine computes them for a role with client-level access, with a threshold of 1 (few youths). */
const money = () =>
  computeMoneyLines(db(), { regionId: world.lekstroom, period: '2025Q2', disclosure: 'exact', threshold: 1 });

/** The same through the API, with the installation's threshold (10) and the role's disclosure. */
async function moneyOverApi(role: 'contractmanager' | 'beleid') {
  const { token } = await buildUser(world.ctx, role, undefined, world.lekstroom);
  const res = await call(world.ctx, token, 'GET', '/kpis/money?period=2025Q2');
  expect(res.status).toBe(200);
  return res.body as Awaited<ReturnType<typeof money>>;
}

/** The municipality with the most ZIN forecast in 2025Q2 (where the stories' care is declared). */
async function busiest() {
  const byMunicipality = await kpi('spend_forecast', '2025Q2', { groupBy: 'municipality' });
  const top = [...byMunicipality.rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]!;
  return { cbs: top.key, name: top.label, forecast: top.value! };
}

async function bookVeiligThuis(cbs: string, months: Array<[string, number]>) {
  const { token } = await buildUser(world.ctx, 'contractmanager', undefined, world.lekstroom);
  const [ids] = await queryRows<{ m: string; l: string }>(
    db(),
    sql`select m.id::text as m, bl.id::text as l from municipalities m join budget_lines bl on bl.region_id = m.region_id
      where m.cbs_code = ${cbs} and bl.code = 'VT' and m.region_id = ${world.lekstroom}::uuid`,
  );
  for (const [month, amount] of months) {
    const res = await call(world.ctx, token, 'PUT', '/budget-realisations', {
      municipalityId: ids!.m,
      budgetLineId: ids!.l,
      month,
      amount,
    });
    expect(res.status).toBe(200);
  }
}

describe('money per budget line and municipality', () => {
  it('gives each line its own source, and leaves a line without one out of the total, by name', async () => {
    const x = await busiest();
    await setBudget('ZIN', null, 10_000_000);
    const result = await money();
    const line = (code: string) => result.lines.find((l) => l.code === code)!;
    expect(line('ZIN').source).toBe('ijw');
    // The ZIN cell of the busiest municipality is the engine's forecast of ZIN there (the stories have no GI care).
    expect(line('ZIN').municipalities.find((m) => m.code === x.cbs)!.forecast).toBeCloseTo(x.forecast, 2);
    expect(line('JZP')).toMatchObject({ source: null, missing: 'noSource', spent: null });
    expect(line('LTA')).toMatchObject({ source: null, missing: 'noSource' });
    expect(result.total.covers).not.toContain('Jeugdzorgplus');
    expect(result.total.leavesOut).toEqual(
      expect.arrayContaining([
        { line: 'Jeugdzorgplus', reason: expect.stringContaining('geen bron') },
        { line: 'Landelijk transitiearrangement', reason: expect.stringContaining('geen bron') },
        { line: 'Veilig Thuis', reason: expect.stringContaining('geen bron') },
      ]),
    );
    // Like with like: the total's budget is that of the lines it covers, not of all lines.
    const covered = result.lines.filter((l) => result.total.covers.includes(l.name));
    expect(result.total.budget).toBe(covered.reduce((n, l) => n + l.budget!, 0));
    expect(result.total.met).toBe(true);
  });

  it('takes a ledger line from its realisation, for the municipalities that booked, and names the others', async () => {
    const x = await busiest();
    await bookVeiligThuis(x.cbs, [
      ['2025-01', 1000],
      ['2025-02', 1500],
      ['2025-03', 500],
      ['2025-08', 99_999], // after the period's end: not yet known on 30 June
    ]);
    const result = await money();
    const vt = result.lines.find((l) => l.code === 'VT')!;
    const cell = vt.municipalities.find((m) => m.code === x.cbs)!;
    expect(vt.source).toBe('ledger');
    // Booked January–March: 3,000 in three months, at that rate 12,000 in the year.
    expect(cell).toMatchObject({ spent: 3000, forecast: 12_000, missing: null });
    expect(vt).toMatchObject({ spent: 3000, forecast: 12_000, budget: cell.budget });
    expect(vt.leavesOut).toHaveLength(4);
    expect(vt.municipalities.filter((m) => m.missing === 'notBooked')).toHaveLength(4);
    expect(result.total.covers).toContain('Veilig Thuis');
  });

  it('says "niet gehaald" and signals the line when one line in one municipality is over, though the total is not', async () => {
    const x = await busiest();
    await setBudget('ZIN', null, 10_000_000);
    await setBudget('ZIN', x.cbs, 100);
    const result = await money();
    expect(result.total.forecast).toBeLessThan(result.total.budget);
    expect(result.total.met).toBe(false);
    expect(result.total.linesOver).toEqual([{ line: 'Zorg in natura', region: false, municipalities: [x.name] }]);

    // The dashboard's Prognose jaareinde (region) may not say "gehaald" either, nor the municipality's row.
    const region = await kpi('spend_forecast', '2025Q2');
    expect(region.total.value!).toBeLessThan(region.total.budget!);
    expect(region.total.target).toMatchObject({ met: false });
    const rows = await kpi('spend_forecast', '2025Q2', { groupBy: 'municipality' });
    expect(rows.rows.find((r) => r.key === x.cbs)!.target).toMatchObject({ met: false });

    const signals = await listSignals(db(), {
      regionId: world.lekstroom,
      period: '2025Q2',
      threshold: 1,
      disclosure: 'exact',
    });
    const lineSignals = signals.filter((s) => s.scopeType === 'budgetLine');
    expect(lineSignals).toEqual([
      expect.objectContaining({
        kpi: 'spend_forecast',
        key: `ZIN:${x.cbs}`,
        label: `Zorg in natura – ${x.name}`,
        target: { value: 100, comparator: 'atMost' },
      }),
    ]);
    await setBudget('ZIN', null, 10_000_000);
  });

  it('compares iJw spend only with the budgets of the lines iJw pays', async () => {
    await setBudget('ZIN', null, 1_000_000);
    await setBudget('GI', null, 50_000);
    await setBudget('JZP', null, 7_000_000);
    const spend = await kpi('spend', '2025');
    // Five municipalities: ZIN and GI (productcategorieën), not Jeugdzorgplus (none) nor Veilig Thuis (its ledger).
    expect(spend.total.budget).toBe(5 * 1_000_000 + 5 * 50_000);
  });

  it('over the API withholds cells of fewer youths than the threshold, and rounds what beleid reads', async () => {
    const x = await busiest();
    const exact = await moneyOverApi('contractmanager');
    const zin = exact.lines.find((l) => l.code === 'ZIN')!;
    expect(zin.municipalities.find((m) => m.code === x.cbs)).toMatchObject({ missing: 'withheld', forecast: null });
    const published = await moneyOverApi('beleid');
    expect(published.rounding).toEqual({ euro: 1000 });
    for (const line of published.lines)
      for (const m of [line, ...line.municipalities]) if (m.spent !== null) expect(m.spent % 1000).toBe(0);
  });

  it('over the API gives the new figures as soon as a realisation is entered (kept answers do not go stale)', async () => {
    const x = await busiest();
    const vt = async () => (await moneyOverApi('contractmanager')).lines.find((l) => l.code === 'VT')!;
    const before = await vt();
    await bookVeiligThuis(x.cbs, [['2025-04', 2500]]);
    const after = await vt();
    expect(after.spent).toBe(before.spent! + 2500);
  });
});
