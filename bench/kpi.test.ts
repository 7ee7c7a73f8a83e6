import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.js';
import { seedDemoRegionIfEmpty } from '../src/server/db/seed/demo.js';
import { demoLandscape, generateIjw } from '../src/tools/ijw-generator/generate.js';
import { importSources } from '../src/server/modules/exchange/import.service.js';
import { secretsFromKey } from '../src/server/security/secrets.js';
import { readSources } from '../src/server/modules/exchange/sources.js';
import { computeKpis, resolveRegion } from '../src/server/modules/monitoring/kpi.service.js';
import { refreshKpiFacts } from '../src/server/modules/monitoring/facts.service.js';
import { buildNational } from './kpi.js';

/**
 * The dashboard benchmark's national set is the region copied into synthetic municipalities: each copy must hold the
 * region's trajectories, lines and youths once more, or the national figures measure something else (the copy broke
 * silently once, when a column it named left ijw_trajectories). On PGlite: the copy is plain SQL for either engine.
 */
let source: Database;
let target: Database;
let dir: string;

beforeAll(async () => {
  [source, target] = [await openDatabase({ dataDir: 'memory' }), await openDatabase({ dataDir: 'memory' })];
  await seedDemoRegionIfEmpty(source.db);
  await seedDemoRegionIfEmpty(target.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-bench-national-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 150, years: 1, startYear: 2024, seed: 3 });
  await importSources(
    { db: source.db, secrets: secretsFromKey(randomBytes(32)), actor: null },
    readSources([join(dir, '2024')]),
    () => {},
  );
}, 180_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('buildNational', () => {
  it('copies the region three times: three times its trajectories, lines, money and youths in care, in new municipalities', async () => {
    const total = await buildNational(source, target, 3);
    const tally = async (database: Database) =>
      (
        await queryRows<{ trajectories: number; lines: number; cents: string; municipalities: number }>(
          database.db,
          sql`
      select (select count(*) from ijw_trajectories)::int as trajectories, (select count(*) from ijw_declaration_lines)::int as lines,
        (select coalesce(sum(amount_cents), 0)::text from ijw_declaration_lines) as cents,
        (select count(distinct municipality_code) from ijw_trajectories)::int as municipalities`,
        )
      )[0]!;
    const [one, three] = [await tally(source), await tally(target)];
    expect(one.trajectories).toBeGreaterThan(0);
    expect(total).toBe(three.trajectories);
    expect(three).toEqual({
      trajectories: 3 * one.trajectories,
      lines: 3 * one.lines,
      cents: String(3n * BigInt(one.cents)),
      municipalities: 3 * one.municipalities,
    });
    await refreshKpiFacts(source.db);
    await refreshKpiFacts(target.db);
    const inCare = async (database: Database) =>
      (
        await computeKpis(database.db, {
          regionId: (await resolveRegion(database.db)).id,
          period: '2024',
          kpis: ['youths_in_care'],
          threshold: 1,
          disclosure: 'exact',
        })
      ).data[0]!.total.value;
    expect(await inCare(target)).toBe(3 * (await inCare(source))!);
  }, 180_000);
});
