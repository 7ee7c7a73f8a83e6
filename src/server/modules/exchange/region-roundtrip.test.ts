import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw, type GenerationManifest } from './generator/generate.js';
import { importSources, type ImportSummary } from './import.service.js';
import { readSources } from './sources.js';
import { declaredCents } from './trajectories.js';

/**
 * The issue's done-when at full size: a region of 50,000 youths over five years (about 220,000 files and 500,000
 * client records) imports, and the trajectories per productcategorie and reden beëindiging are what the generator
 * wrote. Runs on PGlite and, with DATABASE_URL, on PostgreSQL: about three minutes each on two cores (generating the
 * files takes one), so it has its own time limits.
 */
const size = { youths: 50_000, years: 5, startYear: 2021 };
const minutes = 60_000;

let ctx: TestContext;
let dir: string;
let manifest: GenerationManifest;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-region-'));
  manifest = await generateIjw({ outDir: dir, ...demoLandscape(), ...size, seed: 50_000 });
}, 3 * minutes);

afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`a region of ${size.youths} youths over ${size.years} years`, () => {
  it(
    'imports every file, and the trajectories per productcategorie and reden beëindiging match the generator',
    async () => {
      const years = Array.from({ length: size.years }, (_, i) => join(dir, String(size.startYear + i)));
      let firstRejection: string | undefined;
      const summary: ImportSummary = await importSources(
        { db: ctx.database.db, secrets: ctx.secrets, actor: null },
        readSources(years),
        (r) => {
          if (r.status !== 'accepted') firstRejection ??= `${r.file}: ${r.status} ${JSON.stringify(r.reasons)}`;
        },
      );
      expect(firstRejection).toBeUndefined();
      expect(summary).toEqual({
        accepted: manifest.files.total,
        duplicate: 0,
        rejected: 0,
        records: manifest.records.total,
      });

      const byCategory = await queryRows<{ k: string; n: number }>(
        ctx.database.db,
        sql`
      select product_category as k, count(*)::int as n from ijw_trajectories where start_date is not null group by 1`,
      );
      expect(Object.fromEntries(byCategory.map((r) => [r.k, r.n]))).toEqual(
        manifest.trajectories.startedByProductCategory,
      );
      const byReason = await queryRows<{ k: string; n: number }>(
        ctx.database.db,
        sql`
      select end_reason as k, count(*)::int as n from ijw_trajectories where end_date is not null group by 1`,
      );
      expect(Object.fromEntries(byReason.map((r) => [r.k, r.n]))).toEqual(manifest.trajectories.endedByReason);
      const [totals] = await queryRows<{ started: number; ended: number; cents: string | number }>(
        ctx.database.db,
        sql`
      select count(*) filter (where start_date is not null)::int as started, count(*) filter (where end_date is not null)::int as ended,
        coalesce(sum(${declaredCents(sql`t`)}), 0)::bigint as cents from ijw_trajectories t`,
      );
      expect(totals!.started).toBe(manifest.trajectories.started);
      expect(totals!.ended).toBe(manifest.trajectories.ended);
      expect(Number(totals!.cents)).toBe(manifest.declarations.totalAmountCents);
    },
    6 * minutes,
  );
});
