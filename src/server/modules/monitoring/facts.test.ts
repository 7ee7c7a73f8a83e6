import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { demoLandscape, generateIjw } from '../exchange/generator/generate.js';
import { importSources } from '../exchange/import.service.js';
import { readSources } from '../exchange/sources.js';
import { refreshKpiFacts } from './facts.service.js';
import { computeKpis, resolveRegion } from './kpi.service.js';

/**
 * The money facts follow the declaration lines incrementally, and reading them again never counts a line twice. The
 * trajectory facts keep each youth's next start current when a later import brings a new trajectory.
 */

let ctx: TestContext;
let dir: string;
let regionId: string;
/** Facts of trajectories that ended in 2024 with no later start as far as the 2024 files tell. */
let endedWithoutNext: number[] = [];
const importYear = (year: string) => importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, readSources([join(dir, year)]), () => {});
const spend = async (period: string) => (await computeKpis(ctx.database.db, { regionId, period, kpis: ['spend'], threshold: 1 })).data[0]!.total.value;
/** Σ of the region's lines with prestatie begin in the year, straight from ijw_declaration_lines, in euro. */
const declared = async (year: number) => Number((await queryRows<{ euros: string }>(ctx.database.db, sql`
  select (coalesce(sum(l.amount_cents), 0) / 100.0)::text as euros from ijw_declaration_lines l
  join municipalities m on m.cbs_code = l.municipality_code and m.region_id = ${regionId}::uuid
  where extract(year from l.period_start) = ${year}`))[0]!.euros);
const counts = async () => (await queryRows<{ facts: number; lines: number }>(ctx.database.db, sql`
  select (select count(*) from kpi_money_facts)::int as facts, (select count(*) from ijw_declaration_lines)::int as lines`))[0]!;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  regionId = (await resolveRegion(ctx.database.db)).id;
  dir = mkdtempSync(join(tmpdir(), 'zl-money-facts-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 200, years: 2, startYear: 2024, seed: 23 });
  await importYear('2024');
  await refreshKpiFacts(ctx.database.db);
  endedWithoutNext = (await queryRows<{ id: number }>(ctx.database.db, sql`
    select trajectory_id::int as id from kpi_trajectory_facts where end_date between '2024-01-01' and '2024-12-31' and next_start is null`)).map((r) => r.id);
}, 180_000);
afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kpi_money_facts', () => {
  it('follows an import: lines imported after a refresh count at the next read', async () => {
    expect(await spend('2024')).toBe(await declared(2024));
    expect(await spend('2025')).toBe(0);
    const before = await counts();
    expect(before.facts).toBe(before.lines);

    await importYear('2025');
    expect(await spend('2025')).toBe(await declared(2025));
    expect(await declared(2025)).toBeGreaterThan(0);
    const after = await counts();
    expect(after.lines).toBeGreaterThan(before.lines);
    expect(after.facts).toBe(after.lines);
  }, 180_000);

  it('gives a trajectory ended in 2024 the start of the same youth\'s next trajectory when that arrives with the 2025 files', async () => {
    // Runs after the 2025 import above. The 2024 ending itself did not change; its youth did.
    const db = ctx.database.db;
    const [now] = await queryRows<{ found: number; wrong: number }>(db, sql`
      select
        (select count(*) from kpi_trajectory_facts where trajectory_id = any(${sql.param(endedWithoutNext)}::bigint[]) and next_start >= '2025-01-01')::int as found,
        (select count(*) from kpi_trajectory_facts f where f.next_start is distinct from
          (select min(n.start_date) from kpi_trajectory_facts n where n.youth = f.youth and n.start_date > f.end_date))::int as wrong`);
    expect(now!.found).toBeGreaterThan(0);
    expect(now!.wrong).toBe(0);
  });

  it('keeps each fact\'s neighbours (that youth counts read) as a recomputation from scratch finds them, also for 2024 facts the 2025 files reach', async () => {
    // Runs after the 2025 import. Each value recomputed with a plain subquery over all of the youth's facts.
    const db = ctx.database.db;
    const before = (a: string, b: string) => sql.raw(`(${b}.start_date, ${b}.trajectory_id) < (${a}.start_date, ${a}.trajectory_id)`);
    const [trajectories] = await queryRows<{ wrong: number; reached: number; shared: number }>(db, sql`
      select
        count(*) filter (where f.earlier_end is distinct from
            (select max(coalesce(n.end_date, 'infinity')) from kpi_trajectory_facts n where n.youth = f.youth and ${before('f', 'n')})
          or f.later_start is distinct from
            (select min(n.start_date) from kpi_trajectory_facts n where n.youth = f.youth and ${before('n', 'f')}))::int as wrong,
        count(*) filter (where f.start_date < '2025-01-01' and f.later_start >= '2025-01-01')::int as reached,
        count(*) filter (where f.earlier_end is not null)::int as shared
      from kpi_trajectory_facts f`);
    expect(trajectories!.wrong).toBe(0);
    expect(trajectories!.reached).toBeGreaterThan(0);
    expect(trajectories!.shared).toBeGreaterThan(0);

    // A late line for a month before all of a youth's lines (a correction, say): the youth's first line gets a previous one.
    const [late] = await queryRows<{ youth: string }>(db, sql`
      insert into ijw_declaration_lines (declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code,
        period_start, period_end, volume, unit, tariff_cents, amount_cents)
      select declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code, '2023-12-01', '2023-12-31',
        volume, unit, tariff_cents, amount_cents
      from ijw_declaration_lines order by id desc limit 1
      returning hashtextextended(client_pseudonym, 0)::text as youth`);
    await refreshKpiFacts(db);
    const [following] = await queryRows<{ n: number }>(db, sql`
      select count(*)::int as n from kpi_money_facts where youth = ${late!.youth}::bigint and previous_start = '2023-12-01'`);
    expect(following!.n).toBe(1);

    const previous = (...same: string[]) => sql.raw(`(select max(n.period_start) from kpi_money_facts n where n.youth = l.youth
      and (n.period_start, n.line_id) < (l.period_start, l.line_id) ${same.map((c) => `and n.${c} is not distinct from l.${c}`).join(' ')})`);
    const [lines] = await queryRows<{ wrong: number; lines: number; firsts: number }>(db, sql`
      select count(*)::int as lines, count(*) filter (where l.previous_start is null)::int as firsts,
        count(*) filter (where l.previous_start is distinct from ${previous()}
          or l.previous_in_municipality is distinct from ${previous('municipality_code')}
          or l.previous_at_provider is distinct from ${previous('provider_agb')}
          or l.previous_in_category is distinct from ${previous('product_category')}
          or l.previous_in_cell is distinct from ${previous('municipality_code', 'provider_agb', 'product_category', 'product_code')})::int as wrong
      from kpi_money_facts l`);
    expect(lines!.wrong).toBe(0);
    // Most lines follow an earlier one of the same youth; each youth's first has none.
    expect(lines!.firsts).toBeGreaterThan(0);
    expect(lines!.firsts).toBeLessThan(lines!.lines / 2);
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
  it.skipIf(!process.env.DATABASE_URL)('picks up a line that a long transaction commits after a refresh has seen higher ids', async () => {
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
    const base = await spend('2025');
    const late = await pool.connect();
    try {
      await late.query('begin');
      // Draws its id first, commits last.
      const early = await late.query<{ id: string }>(copyLine(12_345));
      const [quick] = await queryRows<{ id: string }>(db, sql.raw(copyLine(100)));
      expect(Number(quick!.id)).toBeGreaterThan(Number(early.rows[0]!.id));
      expect(await spend('2025')).toBeCloseTo(base! + 1, 2);
      await late.query('commit');
    } finally {
      late.release();
    }
    expect(await spend('2025')).toBeCloseTo(base! + 1 + 123.45, 2);
    expect(await spend('2025')).toBe(await declared(2025));
    const { facts, lines } = await counts();
    expect(facts).toBe(lines);
  });
});
