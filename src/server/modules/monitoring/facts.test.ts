import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../tools/ijw-generator/generate.js';
import { importSources } from '../exchange/import.service.js';
import { readSources } from '../exchange/sources.js';
import { refreshKpiFacts } from './facts.service.js';
import { computeKpis, resolveRegion } from './kpi.service.js';

/** Facts n and f are of the same form of care: both youth help, or both jeugdreclassering/jeugdbescherming (47, 48). */
const sameFormText = `coalesce(n.product_category in ('47', '48'), false) = coalesce(f.product_category in ('47', '48'), false)`;
const sameForm = sql.raw(sameFormText);

/**
 * The money facts follow the declaration lines incrementally, and reading them again never counts a line twice. The
 * trajectory facts keep each youth's next start current when a later import brings a new trajectory.
 */

let ctx: TestContext;
let dir: string;
let regionId: string;
/** Facts of trajectories that ended in 2024 with no later start as far as the 2024 files tell. */
let endedWithoutNext: number[] = [];
const importYear = (year: string) =>
  importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, readSources([join(dir, year)]), () => {});
const spend = async (period: string) =>
  (await computeKpis(ctx.database.db, { regionId, period, kpis: ['spend'], threshold: 1, disclosure: 'exact' }))
    .data[0]!.total.value;
/** Σ of the region's lines with prestatie begin in the year, straight from ijw_declaration_lines, in euro. */
const declared = async (year: number) =>
  Number(
    (
      await queryRows<{ euros: string }>(
        ctx.database.db,
        sql`
  select (coalesce(sum(l.amount_cents), 0) / 100.0)::text as euros from ijw_declaration_lines l
  join municipalities m on m.cbs_code = l.municipality_code and m.region_id = ${regionId}::uuid
  where extract(year from l.period_start) = ${year}`,
      )
    )[0]!.euros,
  );
const counts = async () =>
  (
    await queryRows<{ facts: number; lines: number }>(
      ctx.database.db,
      sql`
  select (select count(*) from kpi_money_facts)::int as facts, (select count(*) from ijw_declaration_lines)::int as lines`,
    )
  )[0]!;

/**
 * The money facts' lines whose lot, budget line or trajectory differ from what the products, budget lines and
 * trajectories say now, and the monthly sums that differ from a sum of the facts (rows and every first_* element).
 */
async function moneyFactsWrong() {
  const [wrong] = await queryRows<{ lots: number; lines: number; trajectories: number; months: number }>(
    ctx.database.db,
    sql`
    with expected as (
      select date_trunc('month', f.period_start)::date as month, f.municipality_code, f.provider_agb, f.product_category,
        coalesce(f.product_code, '') as product_code, f.lot, f.budget_line, k, sum(f.amount_cents)::bigint as cents,
        ${sql.raw(
          [
            'previous_start',
            'previous_in_municipality',
            'previous_at_provider',
            'previous_in_category',
            'previous_in_lot',
            'previous_in_budget_line',
          ]
            .map(
              (c) =>
                `count(*) filter (where f.${c} is null or f.${c} < date_trunc('month', f.period_start) - make_interval(months => k))::int`,
            )
            .join(', '),
        )}
      from kpi_money_facts f cross join generate_series(0, 11) k
      group by 1, 2, 3, 4, 5, 6, 7, 8),
    stored as (
      select r.month, r.municipality_code, r.provider_agb, r.product_category, r.product_code, r.lot, r.budget_line, k, r.cents,
        r.first_in_region[k + 1], r.first_in_municipality[k + 1], r.first_at_provider[k + 1], r.first_in_category[k + 1],
        r.first_in_lot[k + 1], r.first_in_budget_line[k + 1]
      from kpi_money_months r cross join generate_series(0, 11) k)
    select
      (select count(*) from kpi_money_facts f join municipalities m on m.cbs_code = f.municipality_code
        where f.lot is distinct from (select l.code from products p join lots l on l.id = p.lot_id where p.region_id = m.region_id and p.product_code = f.product_code))::int as lots,
      (select count(*) from kpi_money_facts f join municipalities m on m.cbs_code = f.municipality_code
        where f.budget_line is distinct from (select min(b.code) from budget_lines b where b.region_id = m.region_id and f.product_category = any(b.product_categories)))::int as lines,
      (select count(*) from kpi_money_facts f left join ijw_trajectories t on t.trajectory_key = 'A|' || f.allocation and t.start_date is not null
        where (f.trajectory_start, f.trajectory_stop, f.allocation_end)
          is distinct from (t.start_date, case when t.end_date is null then t.allocation_end when t.allocation_end is null then t.end_date else least(t.end_date, t.allocation_end) end, t.allocation_end))::int as trajectories,
      ((select count(*) from (select * from expected except select * from stored) x) + (select count(*) from (select * from stored except select * from expected) y))::int as months`,
  );
  return wrong;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  regionId = (await resolveRegion(ctx.database.db)).id;
  dir = mkdtempSync(join(tmpdir(), 'zl-money-facts-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 200, years: 2, startYear: 2024, seed: 23 });
  await importYear('2024');
  await refreshKpiFacts(ctx.database.db);
  endedWithoutNext = (
    await queryRows<{ id: number }>(
      ctx.database.db,
      sql`
    select trajectory_id::int as id from kpi_trajectory_facts where end_date between '2024-01-01' and '2024-12-31' and next_start is null`,
    )
  ).map((r) => r.id);
}, 180_000);
afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kpi_money_facts', () => {
  it('follows an import: the import asks for the refresh job, and its lines count once that ran', async () => {
    expect(await spend('2024')).toBe(await declared(2024));
    expect(await spend('2025')).toBe(0);
    const before = await counts();
    expect(before.facts).toBe(before.lines);

    await importYear('2025');
    const [job] = await queryRows<{ requested: boolean }>(
      ctx.database.db,
      sql`select requested_at is not null as requested from background_jobs where name = 'kpi-refresh'`,
    );
    expect(job?.requested).toBe(true);
    expect(await spend('2025')).toBe(0);
    await refreshKpiFacts(ctx.database.db);
    expect(await spend('2025')).toBe(await declared(2025));
    expect(await declared(2025)).toBeGreaterThan(0);
    const after = await counts();
    expect(after.lines).toBeGreaterThan(before.lines);
    expect(after.facts).toBe(after.lines);
  }, 180_000);

  it("gives a trajectory ended in 2024 the start of the same youth's next trajectory when that arrives with the 2025 files", async () => {
    // Runs after the 2025 import above. The 2024 ending itself did not change; its youth did.
    const db = ctx.database.db;
    const [now] = await queryRows<{ found: number; wrong: number }>(
      db,
      sql`
      select
        (select count(*) from kpi_trajectory_facts where trajectory_id = any(${sql.param(endedWithoutNext)}::bigint[]) and next_start >= '2025-01-01')::int as found,
        (select count(*) from kpi_trajectory_facts f where f.next_start is distinct from
          (select min(n.start_date) from kpi_trajectory_facts n where n.youth = f.youth and n.start_date > f.end_date
            and ${sameForm}))::int as wrong`,
    );
    expect(now!.found).toBeGreaterThan(0);
    expect(now!.wrong).toBe(0);
  });

  it("keeps each fact's neighbours (that youth counts read) as a recomputation from scratch finds them, also for 2024 facts the 2025 files reach", async () => {
    // Runs after the 2025 import. Each value recomputed with a plain subquery over all of the youth's facts.
    const db = ctx.database.db;
    const before = (a: string, b: string) =>
      sql.raw(`(${b}.start_date, ${b}.trajectory_id) < (${a}.start_date, ${a}.trajectory_id)`);
    const [trajectories] = await queryRows<{ wrong: number; reached: number; shared: number }>(
      db,
      sql`
      select
        count(*) filter (where f.earlier_end is distinct from
            (select max(coalesce(n.end_date, 'infinity')) from kpi_trajectory_facts n where n.youth = f.youth and ${before('f', 'n')} and ${sameForm})
          or f.later_start is distinct from
            (select min(n.start_date) from kpi_trajectory_facts n where n.youth = f.youth and ${before('n', 'f')} and ${sameForm}))::int as wrong,
        count(*) filter (where f.start_date < '2025-01-01' and f.later_start >= '2025-01-01')::int as reached,
        count(*) filter (where f.earlier_end is not null)::int as shared
      from kpi_trajectory_facts f`,
    );
    expect(trajectories!.wrong).toBe(0);
    expect(trajectories!.reached).toBeGreaterThan(0);
    expect(trajectories!.shared).toBeGreaterThan(0);

    // A late line for a month before all of a youth's lines (a correction, say): the youth's first line gets a previous one.
    const [late] = await queryRows<{ youth: string }>(
      db,
      sql`
      insert into ijw_declaration_lines (declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code,
        period_start, period_end, volume, unit, tariff_cents, amount_cents)
      select declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code, '2023-12-01', '2023-12-31',
        volume, unit, tariff_cents, amount_cents
      from ijw_declaration_lines order by id desc limit 1
      returning hashtextextended(client_pseudonym, 0)::text as youth`,
    );
    await refreshKpiFacts(db);
    const [following] = await queryRows<{ n: number }>(
      db,
      sql`
      select count(*)::int as n from kpi_money_facts where youth = ${late!.youth}::bigint and previous_start = '2023-12-01'`,
    );
    expect(following!.n).toBe(1);

    const previous = (...same: string[]) =>
      sql.raw(`(select max(n.period_start) from kpi_money_facts n where n.youth = l.youth
      and (n.period_start, n.line_id) < (l.period_start, l.line_id) ${same.map((c) => `and n.${c} is not distinct from l.${c}`).join(' ')})`);
    const [lines] = await queryRows<{ wrong: number; lines: number; firsts: number }>(
      db,
      sql`
      select count(*)::int as lines, count(*) filter (where l.previous_start is null)::int as firsts,
        count(*) filter (where l.previous_start is distinct from ${previous()}
          or l.previous_in_municipality is distinct from ${previous('municipality_code')}
          or l.previous_at_provider is distinct from ${previous('provider_agb')}
          or l.previous_in_category is distinct from ${previous('product_category')}
          or l.previous_in_lot is distinct from ${previous('lot')}
          or l.previous_in_budget_line is distinct from ${previous('budget_line')}
          or l.previous_in_cell is distinct from ${previous('municipality_code', 'provider_agb', 'product_category', 'product_code')})::int as wrong
      from kpi_money_facts l`,
    );
    expect(lines!.wrong).toBe(0);
    // Most lines follow an earlier one of the same youth; each youth's first has none.
    expect(lines!.firsts).toBeGreaterThan(0);
    expect(lines!.firsts).toBeLessThan(lines!.lines / 2);
  });

  it("keeps each line's lot, budget line and trajectory, and the monthly sums, as the sources have them, also after a product, a budget line and a trajectory change", async () => {
    const db = ctx.database.db;
    expect(await moneyFactsWrong()).toEqual({ lots: 0, lines: 0, trajectories: 0, months: 0 });

    // A product of the region's lines moves to another lot; a budget line loses a category to another; a trajectory
    // with declared lines ends earlier.
    const [product] = await queryRows<{ code: string; lot: string }>(
      db,
      sql`
      select p.product_code as code, p.lot_id::text as lot from products p
      where p.region_id = ${regionId}::uuid and p.lot_id is not null and exists (select 1 from kpi_money_facts f where f.product_code = p.product_code)
      order by p.product_code limit 1`,
    );
    await db.execute(sql`update products set lot_id = (select id from lots where region_id = ${regionId}::uuid and id <> ${product!.lot}::uuid order by code limit 1)
      where region_id = ${regionId}::uuid and product_code = ${product!.code}`);
    const [line] = await queryRows<{ id: string; code: string; category: string }>(
      db,
      sql`
      select b.id::text, b.code, b.product_categories[1] as category from budget_lines b
      where b.region_id = ${regionId}::uuid and cardinality(b.product_categories) > 1 order by b.code limit 1`,
    );
    await db.execute(
      sql`update budget_lines set product_categories = array_remove(product_categories, ${line!.category}) where id = ${line!.id}::uuid`,
    );
    await db.execute(sql`update budget_lines set product_categories = product_categories || ${line!.category}::text
      where region_id = ${regionId}::uuid and id = (select id from budget_lines where region_id = ${regionId}::uuid and id <> ${line!.id}::uuid order by code desc limit 1)`);
    const [running] = await queryRows<{ allocation: string }>(
      db,
      sql`
      select f.allocation from kpi_money_facts f where f.trajectory_start < '2025-03-01' and coalesce(f.trajectory_stop, 'infinity') > '2025-04-30'
      order by f.line_id limit 1`,
    );
    await db.execute(
      sql`update ijw_trajectories set end_date = '2025-03-31', end_reason = '31', updated_at = now() where trajectory_key = ${`A|${running!.allocation}`}`,
    );
    expect(await refreshKpiFacts(db)).toEqual({ refreshed: true });

    const [moved] = await queryRows<{ lots: number; lines: number; stop: string }>(
      db,
      sql`
      select (select count(distinct f.lot) from kpi_money_facts f where f.product_code = ${product!.code})::int as lots,
        (select count(*) from kpi_money_facts f where f.product_category = ${line!.category} and f.budget_line = ${line!.code})::int as lines,
        (select min(f.trajectory_stop)::text from kpi_money_facts f where f.allocation = ${running!.allocation}) as stop`,
    );
    expect(moved).toEqual({ lots: 1, lines: 0, stop: '2025-03-31' });
    expect(await moneyFactsWrong()).toEqual({ lots: 0, lines: 0, trajectories: 0, months: 0 });
  });

  it("keeps each fact's stay, its neighbours of the same kind and its first day under contract as the products and contracts say, also after both change", async () => {
    const db = ctx.database.db;
    // Recomputed with plain subqueries: stay from the region's product (else categories 43/44), the latest end of the
    // youth's earlier facts of the same kind per cell, and the earliest day from the start that a contract of the
    // region covering the provider (holder or combination member, to its latest extension) for its product's lot reaches.
    const trajectoryFactsWrong = async () => {
      const earlier = (...same: string[]) =>
        sql.raw(`(select max(coalesce(n.end_date, 'infinity')) from kpi_trajectory_facts n
        join municipalities nm on nm.cbs_code = n.municipality_code
        where n.youth = f.youth and n.with_stay = f.with_stay and nm.region_id = m.region_id and (n.with_stay
          or coalesce(n.product_category in ('46', '47', '48'), false) = coalesce(f.product_category in ('46', '47', '48'), false))
          and ${sameFormText}
          and (n.start_date, n.trajectory_id) < (f.start_date, f.trajectory_id) ${same.map((c) => `and n.${c} is not distinct from f.${c}`).join(' ')})`);
      const [wrong] = await queryRows<{ stay: number; neighbours: number; contracted: number }>(
        db,
        sql`
        with contract_days as (
          select c.region_id, pr.agb_code, lo.code as lot, c.start_date,
            greatest(c.end_date, coalesce((select max(e.new_end_date) from contract_extensions e where e.contract_id = c.id), c.end_date)) as end_date
          from contracts c join lots lo on lo.id = c.lot_id join providers pr on pr.id = c.provider_id
            or pr.id in (select cm.provider_id from combination_members cm where cm.combination_id = c.combination_id))
        select
          count(*) filter (where f.with_stay is distinct from coalesce(
            (select p.with_stay from products p where p.region_id = m.region_id and p.product_code = f.product_code), f.product_category in ('43', '44'), false))::int as stay,
          count(*) filter (where f.earlier_end_same_stay_in_region is distinct from ${earlier()}
            or f.earlier_end_same_stay_in_municipality is distinct from ${earlier('municipality_code')}
            or f.earlier_end_same_stay_at_provider is distinct from ${earlier('provider_agb')}
            or f.earlier_end_same_stay_in_category is distinct from ${earlier('product_category')}
            or f.earlier_end_same_stay_in_lot is distinct from ${earlier('lot')})::int as neighbours,
          count(*) filter (where f.contracted_from is distinct from (select min(greatest(f.start_date, d.start_date)) from contract_days d
            where d.region_id = m.region_id and d.agb_code = f.provider_agb and d.end_date >= f.start_date
              and d.lot = (select l.code from products p join lots l on l.id = p.lot_id
                where p.region_id = m.region_id and p.product_code = f.product_code)))::int as contracted
        from kpi_trajectory_facts f join municipalities m on m.cbs_code = f.municipality_code`,
      );
      return wrong;
    };
    const tally = async () =>
      (
        await queryRows<{ stay: number; uncontracted: number; later: number }>(
          db,
          sql`
      select count(*) filter (where with_stay)::int as stay, count(*) filter (where contracted_from is null)::int as uncontracted,
        count(*) filter (where contracted_from > start_date)::int as later from kpi_trajectory_facts`,
        )
      )[0]!;
    expect(await trajectoryFactsWrong()).toEqual({ stay: 0, neighbours: 0, contracted: 0 });
    const before = await tally();
    expect(before.stay).toBeGreaterThan(0);

    // The region's most used product without stay gets stay.
    const [product] = await queryRows<{ code: string }>(
      db,
      sql`
      select f.product_code as code from kpi_trajectory_facts f join products p on p.region_id = ${regionId}::uuid and p.product_code = f.product_code
      where not p.with_stay group by 1 order by count(*) desc, 1 limit 1`,
    );
    await db.execute(
      sql`update products set with_stay = true where region_id = ${regionId}::uuid and product_code = ${product!.code}`,
    );
    // Every contract covering one provider with care started after June 2024 (held or through a combination) ends on 30 June 2024.
    const [provider] = await queryRows<{ id: string }>(
      db,
      sql`
      select pr.id::text from providers pr
      where exists (select 1 from kpi_trajectory_facts f where f.provider_agb = pr.agb_code and f.start_date > '2024-07-01' and f.contracted_from = f.start_date)
      order by pr.agb_code limit 1`,
    );
    const covering = sql`select c.id from contracts c where c.region_id = ${regionId}::uuid and (c.provider_id = ${provider!.id}::uuid
      or c.combination_id in (select cm.combination_id from combination_members cm where cm.provider_id = ${provider!.id}::uuid))`;
    await db.execute(sql`delete from contract_extensions where contract_id in (${covering})`);
    await db.execute(
      sql`update contracts set start_date = least(start_date, '2024-01-01'), end_date = '2024-06-30' where id in (${covering})`,
    );
    expect(await refreshKpiFacts(db)).toEqual({ refreshed: true });

    expect(await trajectoryFactsWrong()).toEqual({ stay: 0, neighbours: 0, contracted: 0 });
    const after = await tally();
    expect(after.stay).toBeGreaterThan(before.stay);
    expect(after.uncontracted + after.later).toBeGreaterThan(before.uncontracted + before.later);
    const [late] = await queryRows<{ all: number; contracted: number }>(
      db,
      sql`
      select count(*)::int as all, count(f.contracted_from)::int as contracted from kpi_trajectory_facts f join providers pr on pr.agb_code = f.provider_agb
      where pr.id = ${provider!.id}::uuid and f.start_date > '2024-07-01'`,
    );
    expect(late!.all).toBeGreaterThan(0);
    expect(late!.contracted).toBe(0);
  });

  it('costs nothing when nothing changed, and never doubles a line when read again', async () => {
    const db = ctx.database.db;
    const euros = [await spend('2024'), await spend('2025')];
    expect(await refreshKpiFacts(db)).toEqual({ refreshed: false });
    // As if the last refresh had seen nothing: every line is read again, and each is still one fact.
    await db.execute(sql`update kpi_refresh set lines_seen = 0, lines_gaps = null`);
    expect(await refreshKpiFacts(db)).toEqual({ refreshed: true });
    expect(await refreshKpiFacts(db)).toEqual({ refreshed: false });
    const { facts, lines } = await counts();
    expect(facts).toBe(lines);
    expect([await spend('2024'), await spend('2025')]).toEqual(euros);
  });

  // Two connections at once need a PostgreSQL server (PGlite has one connection, so nothing commits late there).
  it.skipIf(!process.env.DATABASE_URL)(
    'picks up a line that a long transaction commits after a refresh has seen higher ids',
    async () => {
      const db = ctx.database.db;
      const pool = (db as unknown as { $client: pg.Pool }).$client;
      // A copy of one of the region's 2025 lines with another amount, as plain SQL for both connections.
      const copyLine = (amount: number) => `
      insert into ijw_declaration_lines (declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code,
        period_start, period_end, volume, unit, tariff_cents, amount_cents)
      select declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code, period_start, period_end,
        volume, unit, tariff_cents, ${amount}
      from ijw_declaration_lines where municipality_code in (select cbs_code from municipalities where region_id = '${regionId}')
        and period_start between '2025-01-01' and '2025-12-31'
      order by id limit 1 returning id`;
      // What the background job does after an import, then the read.
      const refreshedSpend = async (period: string) => {
        await refreshKpiFacts(db);
        return spend(period);
      };
      const base = await refreshedSpend('2025');
      const late = await pool.connect();
      try {
        await late.query('begin');
        // Draws its id first, commits last.
        const early = await late.query<{ id: string }>(copyLine(12_345));
        const [quick] = await queryRows<{ id: string }>(db, sql.raw(copyLine(100)));
        expect(Number(quick!.id)).toBeGreaterThan(Number(early.rows[0]!.id));
        expect(await refreshedSpend('2025')).toBeCloseTo(base! + 1, 2);
        await late.query('commit');
      } finally {
        late.release();
      }
      expect(await refreshedSpend('2025')).toBeCloseTo(base! + 1 + 123.45, 2);
      expect(await spend('2025')).toBe(await declared(2025));
      const { facts, lines } = await counts();
      expect(facts).toBe(lines);
    },
  );
});
