import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../tools/ijw-generator/generate.js';
import { importSources, type FileResult } from '../exchange/import.service.js';
import { readSources } from '../exchange/sources.js';
import { refreshKpiFacts } from './facts.service.js';
import { computeKpis, resolveRegion } from './kpi.service.js';

/**
 * The data date (the horizon of herhaald beroep's follow-up windows) on a generated region: one stop message dated
 * far after the rest of the data, valid by the rules (its dates lie before its Dagtekening, TR134), does not move it,
 * so 2025's herhaald beroep stays what it was.
 */

let ctx: TestContext;
let dir: string;
let regionId: string;

const files = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

async function importPaths(paths: string[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  await importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, readSources(paths), (r) =>
    results.push(r),
  );
  return results;
}

async function repeatCare2025() {
  const response = await computeKpis(ctx.database.db, {
    regionId,
    period: '2025',
    kpis: ['repeat_care_6m'],
    threshold: 1,
    disclosure: 'exact',
  });
  const total = response.data[0]!.total;
  return { value: total.value, denominator: total.denominator, dataDate: response.dataDate };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  regionId = (await resolveRegion(ctx.database.db)).id;
  dir = mkdtempSync(join(tmpdir(), 'zl-data-date-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 300, years: 2, startYear: 2024, seed: 31 });
  await importPaths([join(dir, '2024'), join(dir, '2025')]);
  await refreshKpiFacts(ctx.database.db);
}, 300_000);
afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the data date', () => {
  it('is not moved by a single stop message dated in the next year, nor is 2025 herhaald beroep', async () => {
    const before = await repeatCare2025();
    expect(before.dataDate! < '2026-01-15').toBe(true);
    expect(before.denominator).toBeGreaterThan(20);

    // A trajectory still running, whose allocation runs on into the autumn of 2026: its provider stops it then.
    const [open] = await queryRows<{ municipality: string; allocation: string; stop: string }>(
      ctx.database.db,
      sql`select t.municipality_code as municipality, t.allocation_number as allocation,
            least(t.allocation_end, '2026-09-30')::text as stop
          from ijw_trajectories t join municipalities m on m.cbs_code = t.municipality_code and m.region_id = ${regionId}::uuid
          where t.start_date is not null and t.end_date is null and t.allocation_number is not null
            and coalesce(t.allocation_end, 'infinity') >= '2026-09-01'
          order by t.id limit 1`,
    );
    expect(open).toBeDefined();
    const start = files(dir).find((f) => {
      if (!f.includes('JW305')) return false;
      const xml = readFileSync(f, 'utf8');
      return (
        xml.includes(`<jw305:ToewijzingNummer>${open!.allocation}</jw305:ToewijzingNummer>`) &&
        xml.includes(`<jw305:Ontvanger>${open!.municipality}</jw305:Ontvanger>`)
      );
    });
    expect(start).toBeDefined();
    // The same client and product key as its start, now a JW307 (berichtcode 440) with an end and a reason.
    const stop = readFileSync(start!, 'utf8')
      .replaceAll('jw305', 'jw307')
      .replaceAll('StartProduct', 'StopProduct')
      .replace(/<jw307:BerichtCode>\d+</, '<jw307:BerichtCode>440<')
      .replace(/<ijw:Identificatie>[^<]*</, '<ijw:Identificatie>OUTLIER1<')
      .replace(/<ijw:Dagtekening>[^<]*</, `<ijw:Dagtekening>${open!.stop}<`)
      .replace(
        /(<jw307:Begindatum>[^<]*<\/jw307:Begindatum>)/,
        `$1\n\t\t\t\t<jw307:RedenBeeindiging>31</jw307:RedenBeeindiging>\n\t\t\t\t<jw307:Einddatum>${open!.stop}</jw307:Einddatum>`,
      );
    const path = join(dir, 'JW307_outlier.xml');
    writeFileSync(path, stop);
    const [result] = await importPaths([path]);
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'accepted' });
    await refreshKpiFacts(ctx.database.db);
    const [ended] = await queryRows<{ end: string | null }>(
      ctx.database.db,
      sql`select end_date::text as end from ijw_trajectories where municipality_code = ${open!.municipality} and allocation_number = ${open!.allocation}`,
    );
    expect(ended?.end).toBe(open!.stop);

    expect(await repeatCare2025()).toEqual(before);
  }, 120_000);
});
