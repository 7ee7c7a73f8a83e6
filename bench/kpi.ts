/**
 * Benchmark of the dashboard API (GET /api/v1/kpis): a generated region imported through the real iJw pipeline into
 * PGlite, and a national-scale set on PostgreSQL made by copying that region's trajectories and declarations into
 * many synthetic municipalities. Each call is one KPI for one period and grouping, as the dashboard makes them; the
 * figure is the 95th percentile of the wall time of those in-process requests, measured cold (no caching exists).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { kpiIds, type KpiGroupBy } from '../src/shared/kpi.js';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.js';
import { createScratchDatabase } from '../src/server/db/scratch.js';
import { seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { users } from '../src/server/db/schema/index.js';
import { openSession } from '../src/server/modules/auth/index.js';
import { demoLandscape, generateIjw } from '../src/tools/ijw-generator/generate.js';
import { importSources } from '../src/server/modules/exchange/index.js';
import { refreshKpiFacts } from '../src/server/modules/monitoring/index.js';
import { secretsFromKey } from '../src/server/security/secrets.js';
import { readSources } from '../src/server/modules/exchange/index.js';
import { roundtripDifferences } from '../src/server/modules/exchange/testing/roundtrip.js';

export interface KpiBenchResult {
  kpi_p95_ms_region_pglite: number;
  kpi_p95_ms_national_postgres: number | null;
  markdown: string;
}

/** What the KPIs read, without the encrypted message bodies (the declarations only need their file's row to exist). */
const copied = [
  sql`select id, received_at, file_name, sha256, size_bytes, message_type, status from ijw_files where id in (select file_id from ijw_declarations)`,
  sql`select * from ijw_declarations`,
  sql`select * from ijw_declaration_lines`,
  sql`select * from ijw_trajectories`,
] as const;
const copiedTables = ['ijw_files', 'ijw_declarations', 'ijw_declaration_lines', 'ijw_trajectories'] as const;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 10) / 10;
}

/** Times the dashboard's calls: every KPI × the groupings it supports × a year and a quarter. */
async function timeDashboard(
  database: Database,
  periods: string[],
): Promise<{ samples: number[]; slowest: string; firstMs: number }> {
  const app = createApp({
    database,
    config: loadConfig({}, { databaseUrl: undefined }),
    secrets: secretsFromKey(randomBytes(32)),
  });
  const [user] = await database.db
    .insert(users)
    .values({ email: `bench-${randomBytes(4).toString('hex')}@bench.nl`, name: 'Bench', role: 'contractmanager' })
    .returning();
  const { token } = await openSession(database.db, user!.id);
  const samples: number[] = [];
  let slowest = { ms: 0, call: '' };
  const groupings: KpiGroupBy[] = ['region', 'municipality', 'provider', 'productCategory', 'lot', 'budgetLine'];
  // The background job fills the KPI facts from the imported rows before a running server's dashboard shows figures
  // (timed apart).
  const first = performance.now();
  await refreshKpiFacts(database.db);
  const firstMs = performance.now() - first;
  for (const period of periods) {
    for (const kpi of kpiIds) {
      for (const groupBy of groupings) {
        if (groupBy === 'budgetLine' && kpi !== 'spend' && kpi !== 'spend_forecast') continue;
        const path = `/api/v1/kpis?kpi=${kpi}&period=${period}&groupBy=${groupBy}`;
        const started = performance.now();
        const res = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
        await res.text();
        const ms = performance.now() - started;
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        samples.push(ms);
        if (ms > slowest.ms) slowest = { ms, call: `${kpi} ${period} ${groupBy}` };
      }
    }
  }
  return { samples, slowest: `${slowest.call} (${Math.round(slowest.ms)} ms)`, firstMs };
}

/** Copies the region's iJw rows from PGlite to PostgreSQL `copies` times, each copy in five synthetic municipalities. */
export async function buildNational(source: Database, target: Database, copies: number): Promise<number> {
  const [region] = await queryRows<{ id: string }>(target.db, sql`select id from regions limit 1`);
  const codes = (
    await queryRows<{ code: string }>(
      source.db,
      sql`select distinct municipality_code as code from ijw_trajectories order by 1`,
    )
  ).map((r) => r.code);
  // Synthetic municipalities 2000–…, five per copy; copy 0 keeps the real codes.
  const values = [];
  for (let k = 1; k < copies; k++)
    for (let i = 0; i < codes.length; i++)
      values.push(sql`(${region!.id}::uuid, ${String(2000 + k * codes.length + i)}, ${`Gemeente ${k}-${i}`})`);
  for (let i = 0; i < values.length; i += 1000)
    await target.db.execute(
      sql`insert into municipalities (region_id, cbs_code, name) values ${sql.join(values.slice(i, i + 1000), sql`, `)}`,
    );
  for (const [i, query] of copied.entries()) {
    const table = copiedTables[i]!;
    const rows = await queryRows(source.db, query);
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]!);
    for (let at = 0; at < rows.length; at += 500) {
      const chunk = rows.slice(at, at + 500).map(
        (r) =>
          sql`(${sql.join(
            columns.map(
              (c) => sql`${r[c] instanceof Uint8Array ? Buffer.from(r[c] as Uint8Array) : (r[c] as unknown)}`,
            ),
            sql`, `,
          )})`,
      );
      await target.db.execute(
        sql`insert into ${sql.identifier(table)} (${sql.join(
          columns.map((c) => sql.identifier(c)),
          sql`, `,
        )}) values ${sql.join(chunk, sql`, `)}`,
      );
    }
  }
  // The copied rows kept their ids: move the sequences past them before the copies take new ones.
  for (const table of ['ijw_trajectories', 'ijw_declaration_lines']) {
    await target.db.execute(
      sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.identifier(table)}))`,
    );
  }
  const codeMap = sql`(select code, ord - 1 as idx from unnest(${sql.param(codes)}::text[]) with ordinality as m(code, ord))`;
  await target.db.execute(sql`
    insert into ijw_trajectories (trajectory_key, municipality_code, provider_agb, client_pseudonym, birth_year, allocation_number, product_category,
      product_code, referrer_type, request_date, allocation_date, allocation_start, allocation_end, volume, unit, frequency, start_date, end_date,
      end_reason, updated_at)
    select t.trajectory_key || '#' || k, (2000 + k * ${codes.length} + m.idx)::text, t.provider_agb, t.client_pseudonym || '#' || k, t.birth_year,
      t.allocation_number, t.product_category, t.product_code, t.referrer_type, t.request_date, t.allocation_date, t.allocation_start, t.allocation_end,
      t.volume, t.unit, t.frequency, t.start_date, t.end_date, t.end_reason, t.updated_at
    from ijw_trajectories t join ${codeMap} m on m.code = t.municipality_code cross join generate_series(1, ${copies - 1}) k
    where t.trajectory_key not like '%#%'`);
  await target.db.execute(sql`
    insert into ijw_declarations (id, file_id, municipality_code, provider_agb, declaration_number, period_start, period_end, total_cents)
    select md5(d.id::text || k)::uuid, d.file_id, (2000 + k * ${codes.length} + m.idx)::text, d.provider_agb, d.declaration_number, d.period_start, d.period_end, d.total_cents
    from ijw_declarations d join ${codeMap} m on m.code = d.municipality_code cross join generate_series(1, ${copies - 1}) k`);
  await target.db.execute(sql`
    insert into ijw_declaration_lines (declaration_id, municipality_code, client_pseudonym, allocation_number, product_category, product_code,
      period_start, period_end, volume, unit, tariff_cents, amount_cents)
    select md5(l.declaration_id::text || k)::uuid, (2000 + k * ${codes.length} + m.idx)::text, l.client_pseudonym || '#' || k, l.allocation_number,
      l.product_category, l.product_code, l.period_start, l.period_end, l.volume, l.unit, l.tariff_cents, l.amount_cents
    from ijw_declaration_lines l join ${codeMap} m on m.code = l.municipality_code cross join generate_series(1, ${copies - 1}) k`);
  await target.db.execute(sql`analyze`);
  const [n] = await queryRows<{ n: number }>(target.db, sql`select count(*)::int as n from ijw_trajectories`);
  return Number(n!.n);
}

export async function runKpiBench(options: { quick: boolean }): Promise<KpiBenchResult> {
  const size = options.quick ? { youths: 4000, years: 5 } : { youths: 50_000, years: 5 };
  const nationalTarget = options.quick ? 250_000 : 2_500_000;
  const work = mkdtempSync(join(tmpdir(), 'zl-bench-kpi-'));
  const region = await openDatabase({ dataDir: 'memory' });
  try {
    await seedDemoRegionIfEmpty(region.db);
    const outDir = join(work, 'ijw');
    const manifest = await generateIjw({ outDir, ...demoLandscape(), ...size, startYear: 2021, seed: 5 });
    const years = readdirSync(outDir)
      .filter((d) => /^\d{4}$/.test(d))
      .map((d) => join(outDir, d));
    const secrets = secretsFromKey(randomBytes(32));
    const summary = await importSources({ db: region.db, secrets, actor: null }, readSources(years), () => {});
    // The full-size round trip (region-roundtrip.test.ts makes it on a small region in every npm test).
    const differences = await roundtripDifferences(region.db, manifest, summary);
    if (differences.length) throw new Error(`the import differs from the generator: ${differences.join('; ')}`);
    const [{ trajectories }] = (await queryRows<{ trajectories: number }>(
      region.db,
      sql`select count(*)::int as trajectories from ijw_trajectories`,
    )) as [{ trajectories: number }];
    const periods = ['2024', '2025Q2'];
    const regional = await timeDashboard(region, periods);
    console.log(
      `KPI region (PGlite): ${regional.samples.length} calls, p95 ${p95(regional.samples)} ms, slowest ${regional.slowest}`,
    );

    let national: { samples: number[]; slowest: string; firstMs: number; trajectories: number; server: string } | null =
      null;
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'zl_bench_kpi');
      const target = await openDatabase({ databaseUrl: scratch.url });
      try {
        await seedDemoRegionIfEmpty(target.db);
        const copies = Math.max(1, Math.round(nationalTarget / Number(trajectories)));
        const total = await buildNational(region, target, copies);
        const timed = await timeDashboard(target, periods);
        const [settings] = await queryRows<{ version: string; shared_buffers: string; work_mem: string }>(
          target.db,
          sql`
          select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem`,
        );
        const server = `PostgreSQL ${settings!.version}, shared_buffers ${settings!.shared_buffers}, work_mem ${settings!.work_mem}`;
        national = { ...timed, trajectories: total, server };
        console.log(
          `KPI national (PostgreSQL, ${total} trajectories): p95 ${p95(timed.samples)} ms, slowest ${timed.slowest}`,
        );
      } finally {
        await target.close();
        await scratch.drop();
      }
    }
    const result = {
      kpi_p95_ms_region_pglite: p95(regional.samples),
      kpi_p95_ms_national_postgres: national ? p95(national.samples) : null,
    };
    const markdown = `## Dashboard API (${options.quick ? 'quick' : 'full'} run, ${new Date().toISOString().slice(0, 10)})

Region: ${size.youths} youths over ${size.years} years generated and imported (${manifest.records.total} records, ${trajectories} trajectories) into PGlite.
National: ${national ? `${national.trajectories} trajectories on ${national.server}` : 'not measured (no DATABASE_URL) on PostgreSQL'} (the region copied into synthetic municipalities).
The first read fills the KPI facts from the imported rows (once after an import or a migration that empties them): ${(regional.firstMs / 1000).toFixed(1)} s for the region${national ? `, ${(national.firstMs / 1000).toFixed(1)} s nationally` : ''}; it is not among the timed calls.
Calls: every KPI × every grouping it supports × periods ${periods.join(' and ')} (${regional.samples.length} calls), in-process, no cache.

| measure | value | goal |
|---|---|---|
| p95 per call, region on PGlite | ${result.kpi_p95_ms_region_pglite} ms (slowest: ${regional.slowest}) | < 300 ms |
| p95 per call, national on PostgreSQL | ${national ? `${result.kpi_p95_ms_national_postgres} ms (slowest: ${national.slowest})` : '–'} | < 1000 ms |
`;
    return { ...result, markdown };
  } finally {
    await region.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runKpiBench({ quick: process.argv.includes('--quick') });
  console.log(result.markdown);
  const { markdown: _markdown, ...figures } = result;
  console.log(JSON.stringify(figures));
}
