import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { KpiFilters, KpiGroupBy, KpiId, KpiResult } from '../../../../shared/kpi.js';
import { queryRows } from '../../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../../db/seed/demo.js';
import { buildAdmin, buildProvider } from '../../../testing/factories.js';
import { createTestContext, type TestContext } from '../../../testing/harness.js';
import { importSources, type FileResult } from '../../exchange/import.service.js';
import type { ImportSource } from '../../exchange/sources.js';
import { createRegion } from '../../landscape/regions/regions.service.js';
import { refreshKpiFacts } from '../facts.service.js';
import { computeKpis } from '../kpi.service.js';
import { horizon, Stories } from './care-stories.js';
import { writeDefinitionStories } from './kpi-edge-definitions.js';
import { writeLateStories } from './kpi-edge-stories-late.js';
import { P, writeStories } from './kpi-edge-stories.js';

/**
 * The world of the hand-made KPI edge cases (kpi-edge-*.test.ts): stories of care, each isolated by its own provider
 * (a filter) or, where the data date matters, its own region.
 * All data arrive as real iJw 3.2 messages through importSources: the trajectories are written with the generator's
 * model and message renderers (JW315, JW301, JW305, JW307, JW323), numbered by its sequencer and imported like any
 * file, so the trajectory table is built by the import itself. Nothing is inserted into ijw_trajectories directly.
 */

/** The database with the stories imported, and the two regions' ids; set by useEdgeWorld's beforeAll. */
export const world = {
  ctx: undefined as unknown as TestContext,
  lekstroom: '',
  horizonRegion: '',
  imported: [] as FileResult[],
};

export { declared, P } from './kpi-edge-stories.js';

// ---------------------------------------------------------------------------------------------------------------

/** Registers the hooks that build the world for the test file that calls it: a database, the regions, the import. */
export function useEdgeWorld(): void {
  beforeAll(async () => {
    const ctx = (world.ctx = await createTestContext());
    const db = ctx.database.db;
    await seedDemoRegionIfEmpty(db);
    const { actor } = await buildAdmin(ctx);
    await createRegion(db, actor, {
      code: 'horizonregio',
      name: 'Horizonregio',
      municipalities: [{ cbsCode: horizon.cbsCode, name: horizon.name }],
      lots: [],
      budgetLines: [],
    });
    for (const agb of Object.values(P)) await buildProvider(ctx, { agbCode: agb, name: `Aanbieder ${agb}` });
    const regions = await queryRows<{ code: string; id: string }>(db, sql`select code, id::text as id from regions`);
    world.lekstroom = regions.find((r) => r.code === 'lekstroom')!.id;
    world.horizonRegion = regions.find((r) => r.code === 'horizonregio')!.id;

    const stories = new Stories();
    writeStories(stories);
    writeLateStories(stories);
    writeDefinitionStories(stories);
    const files = stories.files();
    async function* sources(): AsyncGenerator<ImportSource> {
      for (const f of files) yield f;
    }
    await importSources({ db, secrets: ctx.secrets, actor: null }, sources(), (r) => world.imported.push(r));
  }, 120_000);

  afterAll(async () => {
    await world.ctx?.close();
  });
}

export interface Ask {
  groupBy?: KpiGroupBy;
  filters?: KpiFilters;
  threshold?: number;
  region?: string;
}
export async function kpi(id: KpiId, period: string, ask: Ask = {}): Promise<KpiResult> {
  // What the background job does after an import or a change of master data, before the dashboard shows it.
  await refreshKpiFacts(world.ctx.database.db);
  const response = await computeKpis(world.ctx.database.db, {
    regionId: ask.region ?? world.lekstroom,
    period,
    kpis: [id],
    groupBy: ask.groupBy ?? 'region',
    filters: ask.filters,
    threshold: ask.threshold ?? 1,
    disclosure: 'exact',
  });
  return response.data[0]!;
}
export const at = (provider: string, ask: Omit<Ask, 'filters'> = {}): Ask => ({ ...ask, filters: { provider } });
export const figures = (r: KpiResult) => ({
  value: r.total.value,
  numerator: r.total.numerator,
  denominator: r.total.denominator,
  youths: r.total.youths,
});
export const rows = (r: KpiResult) => Object.fromEntries(r.rows.map((c) => [c.key, c.value]));
