import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions } from '../../../../shared/kpi.js';
import { openDatabase, queryRows } from '../../../db/client.js';
import { providers } from '../../../db/schema/index.js';
import { seedDemoRegionIfEmpty } from '../../../db/seed/demo.js';
import { buildUser, createTestContext, type TestContext } from '../../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../../tools/ijw-generator/generate.js';
import { importSources } from '../../exchange/import.service.js';
import { readSources } from '../../exchange/sources.js';
import { createRegion } from '../../landscape/regions/regions.service.js';
import { refreshKpiFacts } from '../facts.service.js';
import { computeKpis, resolveRegion } from '../kpi.service.js';
import { inspectPdf, isPdf } from '../testing/pdf-check.js';
import { reportChartKpis } from './report-sections.js';

/** The quarterly report on a generated, imported region: through the API for each role, and through the CLI. */
let ctx: TestContext;
let dir: string;
let manager: string;
let ownAgb: string;
let ownName: string;
let otherAgb: string;
let aanbieder: string;

async function download(token: string | null, query: string) {
  const res = await ctx.app.request(`/api/v1/reports/quarterly?${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

/** ZL_REPORT_PICTURES=dir keeps each PDF and its page pictures, to look at the layout. */
function keep(name: string, pdf: Buffer) {
  const out = process.env.ZL_REPORT_PICTURES;
  if (!out) return;
  mkdirSync(join(out, name), { recursive: true });
  writeFileSync(join(out, name, `${name}.pdf`), pdf);
  const view = inspectPdf(pdf);
  view.pictures(join(out, name), 1, view.pages);
  view.dispose();
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-report-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 300, years: 2, startYear: 2024, seed: 5 });
  await importSources(
    { db: ctx.database.db, secrets: ctx.secrets, actor: null },
    readSources([join(dir, '2024'), join(dir, '2025')]),
    () => {},
  );
  await refreshKpiFacts(ctx.database.db);
  const busiest = await queryRows<{ agb: string }>(
    ctx.database.db,
    sql`
    select provider_agb as agb from ijw_trajectories where start_date <= '2025-09-30' and (end_date is null or end_date >= '2025-07-01')
    group by 1 order by count(distinct client_pseudonym) desc limit 2`,
  );
  [ownAgb, otherAgb] = [busiest[0]!.agb, busiest[1]!.agb];
  const [own] = await ctx.database.db.select().from(providers).where(eq(providers.agbCode, ownAgb));
  ownName = own!.name;
  manager = (await buildUser(ctx, 'contractmanager')).token;
  aanbieder = (await buildUser(ctx, 'aanbieder', own!.id)).token;
}, 180_000);
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /reports/quarterly', () => {
  it('gives a contractmanager the region report: every KPI, "< 10" for each withheld cell and never its value', async () => {
    const res = await download(manager, 'quarter=2025Q3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="kwartaalrapportage-lekstroom-2025Q3.pdf"',
    );
    expect(isPdf(res.bytes)).toBe(true);
    keep('regio', res.bytes);
    const view = inspectPdf(res.bytes);
    try {
      expect(view.pages).toBeGreaterThanOrEqual(3);
      expect(view.pageTexts[0]).toContain('Regio Lekstroom');
      expect(view.pageTexts[0]).toContain('3e kwartaal 2025');
      expect(view.info.Tagged).toBe('yes');
      // Written for a council: no source paths, no bare message codes, quarters as the screens name them.
      expect(view.text).not.toContain('docs/');
      expect(view.text).not.toMatch(/\bJW\d{3}\b|reden \d{2}|\d{4}Q[1-4]/);
      for (const kpi of kpiDefinitions) expect(view.text, kpi.name).toContain(kpi.name);

      // The same cells the report was made from; the generated region has small municipalities, so some are withheld.
      const region = await resolveRegion(ctx.database.db, 'lekstroom');
      const figures = await computeKpis(ctx.database.db, {
        regionId: region.id,
        period: '2025Q3',
        groupBy: 'municipality',
        kpis: [...reportChartKpis],
      });
      const withheld = figures.data.flatMap((r) =>
        r.rows.filter((c) => c.suppressed).map((c) => ({ kpi: r.kpi, label: c.label })),
      );
      expect(withheld.length, 'the fixture should withhold some cells').toBeGreaterThan(0);
      // Without protection (threshold 1) those cells have figures; on paper their current column says "< 10" and nothing else.
      const raw = await computeKpis(ctx.database.db, {
        regionId: region.id,
        period: '2025Q3',
        groupBy: 'municipality',
        kpis: [...reportChartKpis],
        threshold: 1,
        disclosure: 'exact',
      });
      // The per-municipality section: each KPI's heading, then its table.
      const all = view.text.split('\n');
      const lines = all.slice(all.findIndex((l) => l.trim().endsWith('Per gemeente')));
      for (const { kpi, label } of withheld) {
        const value = raw.data.find((r) => r.kpi.id === kpi.id)!.rows.find((c) => c.label === label)!.value;
        // The chart sections come in reportChartKpis order, each with its table: find this KPI's row for the label.
        const row = lines
          .slice(lines.findIndex((l) => l.trim() === kpi.name))
          .find((l) => new RegExp(`^\\s*${label}\\s`).test(l));
        const current = row?.replace(new RegExp(`^\\s*${label}\\s+`), '').split(/\s{2,}/)[0];
        expect(current, `${kpi.id} ${label}: ${value} withheld`).toBe(
          kpi.unit === 'youths' ? '< 10' : '< 10 jeugdigen',
        );
      }
    } finally {
      view.dispose();
    }
  });

  it("gives an aanbieder its own provider's report and refuses another provider's", async () => {
    const own = await download(aanbieder, 'quarter=2025Q3');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain(`kwartaalrapportage-lekstroom-${ownAgb}-2025Q3.pdf`);
    keep('aanbieder', own.bytes);
    const view = inspectPdf(own.bytes);
    expect(view.pageTexts[0]).toContain(ownName);
    expect(view.text).toContain('Per productcategorie');
    view.dispose();
    expect((await download(aanbieder, `quarter=2025Q3&provider=${ownAgb}`)).status).toBe(200);

    const other = await download(aanbieder, `quarter=2025Q3&provider=${otherAgb}`);
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a bad quarter with a Dutch problem+json 400, and refuses roles without access', async () => {
    const bad = await download(manager, 'quarter=2025Q5');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.json().invalidParams).toEqual([
      expect.objectContaining({ name: 'quarter', reason: expect.stringContaining('2025Q3') }),
    ]);
    expect((await download(manager, 'quarter=2025Q3&provider=123')).status).toBe(400);
    expect((await download(null, 'quarter=2025Q3')).status).toBe(401);
    expect((await download((await buildUser(ctx, 'verwijzer')).token, 'quarter=2025Q3')).status).toBe(403);
  });
});

describe('zorglandschap report quarterly', () => {
  it('writes the PDF and exits 0; a bad quarter exits 1 with a message', async () => {
    const repo = join(import.meta.dirname, '..', '..', '..', '..', '..');
    const work = mkdtempSync(join(tmpdir(), 'zl-report-cli-'));
    const env = {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: join(work, 'data'),
      ZL_SECRET_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
    };
    // Run in the scratch folder, where the default file name lands; tsx by its path, as the cwd has no node_modules.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', tsx, join(repo, 'src', 'cli', 'main.ts'), ...args], {
        env,
        cwd: work,
        encoding: 'utf8',
      });
    try {
      // A bare region made in-process: the CLI's demo seed hashes passwords and would take half a minute.
      const database = await openDatabase({ dataDir: env.DATA_DIR });
      await createRegion(database.db, null, {
        code: 'lekstroom',
        name: 'Regio Lekstroom',
        municipalities: [{ cbsCode: '0321', name: 'Houten' }],
      });
      await database.close();
      const ok = cli('report', 'quarterly', '--region', 'lekstroom', '--quarter', '2025Q3');
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      const file = join(work, 'kwartaalrapportage-lekstroom-2025Q3.pdf');
      expect(ok.stdout).toContain('kwartaalrapportage-lekstroom-2025Q3.pdf');
      expect(isPdf(readFileSync(file))).toBe(true);

      const bad = cli('report', 'quarterly', '--region', 'lekstroom', '--quarter', '2025Q5');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('--quarter: gebruik een kwartaal als 2025Q3');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
