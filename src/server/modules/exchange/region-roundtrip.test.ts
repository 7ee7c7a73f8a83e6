import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw, type GenerationManifest } from '../../../tools/ijw-generator/generate.js';
import { importSources } from './import.service.js';
import { readSources } from './sources.js';
import { roundtripDifferences } from './testing/roundtrip.js';

/**
 * A generated region over five years (every message type, care running across years, thousands of files in many
 * import batches) imports, and the trajectories per productcategorie and reden beëindiging are what the generator
 * wrote. Small enough for every `npm test`; the dashboard benchmark (`npm run bench -- --only=kpi`) makes the same
 * check at full size, 50,000 youths (about 220,000 files).
 */
const size = { youths: 1_000, years: 5, startYear: 2021 };

let ctx: TestContext;
let dir: string;
let manifest: GenerationManifest;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-region-'));
  manifest = await generateIjw({ outDir: dir, ...demoLandscape(), ...size, seed: 50_000 });
});

afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`a region of ${size.youths} youths over ${size.years} years`, () => {
  it('imports every file, and the trajectories per productcategorie and reden beëindiging match the generator', async () => {
    // The set holds what the comparison distinguishes: every productcategorie of the demo region started, and every
    // reason for ending the generator writes (31 to 39).
    expect(Object.keys(manifest.trajectories.startedByProductCategory).length).toBe(
      new Set(demoLandscape().providers.flatMap((p) => p.products.map((x) => x.productCategory))).size,
    );
    expect(Object.keys(manifest.trajectories.endedByReason).length).toBeGreaterThanOrEqual(9);
    expect(manifest.files.total).toBeGreaterThan(5_000);

    const years = Array.from({ length: size.years }, (_, i) => join(dir, String(size.startYear + i)));
    let firstRejection: string | undefined;
    const summary = await importSources(
      { db: ctx.database.db, secrets: ctx.secrets, actor: null },
      readSources(years),
      (r) => {
        if (r.status !== 'accepted') firstRejection ??= `${r.file}: ${r.status} ${JSON.stringify(r.reasons)}`;
      },
    );
    expect(firstRejection).toBeUndefined();
    expect(await roundtripDifferences(ctx.database.db, manifest, summary)).toEqual([]);
  });
});
