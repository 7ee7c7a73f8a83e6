/**
 * The quarterly report on the demo region (issue 15: "producing it stays under 3 s for a region"): a fresh PGlite
 * with the demo seeded as `serve` seeds it (2,500 youths; 600 with --quick), then the region's report of the last
 * complete quarter, once cold (answer cache empty) and three times warm, and one provider's report. Wall-clock
 * times of createQuarterlyReport: gathering the figures (KPIs, 8 quarters of trends, money per line, signals,
 * commentary and changes since issue) and rendering the tagged PDF.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/server/db/client.js';
import { scaleDemoBudgetsToCare, seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { seedDemoRealisations } from '../src/server/db/seed/demo-money.js';
import { seedDemoMessages } from '../src/server/modules/exchange/index.js';
import {
  createQuarterlyReport,
  kpiPeriods,
  refreshKpiFacts,
  resolveRegion,
} from '../src/server/modules/monitoring/index.js';
import { secretsFromKey } from '../src/server/security/secrets.js';

export interface ReportBenchResult {
  markdown: string;
  reportColdMs: number;
  reportWarmMs: number;
  providerReportMs: number;
  reportPages: number;
}

const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await run();
  return [value, Math.round(performance.now() - start)];
};

export async function runReportBench(options: { quick: boolean }): Promise<ReportBenchResult> {
  const youths = options.quick ? 600 : 2500;
  const dataDir = mkdtempSync(join(tmpdir(), 'zl-bench-report-'));
  const database = await openDatabase({ dataDir });
  try {
    const db = database.db;
    await seedDemoRegionIfEmpty(db);
    await seedDemoMessages(db, secretsFromKey(randomBytes(32)), youths);
    await scaleDemoBudgetsToCare(db);
    await seedDemoRealisations(db);
    await refreshKpiFacts(db);
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    const region = await resolveRegion(db, 'lekstroom');
    const quarter = (await kpiPeriods(db, region.id)).defaultPeriod;
    const [cold, coldMs] = await timed(() => createQuarterlyReport(db, { region: region.id, quarter }));
    const warm: number[] = [];
    for (let i = 0; i < 3; i++)
      warm.push((await timed(() => createQuarterlyReport(db, { region: region.id, quarter })))[1]);
    const [busiest] = await queryRows<{ agb: string }>(
      db,
      sql`select provider_agb as agb from ijw_trajectories group by 1 order by count(*) desc limit 1`,
    );
    const [, providerMs] = await timed(() =>
      createQuarterlyReport(db, { region: region.id, quarter, provider: busiest!.agb }),
    );
    const pages = Number(/\/Type \/Pages[^>]*\/Count (\d+)/.exec(cold.pdf.toString('latin1'))?.[1] ?? 0);
    const warmMs = Math.round(warm.reduce((a, b) => a + b, 0) / warm.length);
    const markdown = `## Quarterly report

The demo region Lekstroom seeded as \`serve\` does (${youths} youths, PGlite), the region's report of ${quarter} (${pages} pages, ${Math.round(cold.pdf.length / 1024)} KiB): goal under 3 s.

| report | time |
|---|---|
| region, first (answer cache empty) | ${coldMs} ms |
| region, again (mean of 3) | ${warmMs} ms |
| one provider (the busiest), first | ${providerMs} ms |

Load average (1, 5, 15 min) when the reports were made: ${load} (other work on this 2-core machine slows every
figure). The first report of a process also pays for loading and compiling the PDF code and parsing the fonts.
`;
    return { markdown, reportColdMs: coldMs, reportWarmMs: warmMs, providerReportMs: providerMs, reportPages: pages };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
