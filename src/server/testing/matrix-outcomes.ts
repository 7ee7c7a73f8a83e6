import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

/**
 * An allocation the world imported for `agb` in the side's municipalities (started, never ended), or, where it imported
 * none, a number nobody holds: either way not one this provider may register.
 */
async function allocationOf(ctx: TestContext, side: World['a'], agb: string) {
  const codes = side.region.municipalities.map((m) => m.cbsCode);
  const [row] = await queryRows<{ municipalityCode: string; allocationNumber: string }>(
    ctx.database.db,
    sql`select municipality_code as "municipalityCode", allocation_number as "allocationNumber" from ijw_trajectories
      where provider_agb = ${agb} and municipality_code = any(${sql.param(codes)}::text[]) and allocation_number is not null
      limit 1`,
  );
  return row ?? { municipalityCode: codes[0]!, allocationNumber: '999999999' };
}

const answers = { withoutHelp: 'ja', problemsReduced: 'ja', goalsMet: 'volledig' };
const region = (side: World['a']) => ({ region: side.region.code });

async function registration(ctx: TestContext, side: World['a'], agb: string): Promise<Probe> {
  return {
    path: '/goal-attainments',
    query: region(side),
    body: { ...(await allocationOf(ctx, side, agb)), ...answers },
  };
}

async function file(ctx: TestContext, side: World['a'], agb: string): Promise<Probe> {
  const a = await allocationOf(ctx, side, agb);
  const csv = `gemeente;toewijzingnummer;zonder_hulp_verder;problemen_verminderd;doelen_gerealiseerd\r\n${a.municipalityCode};${a.allocationNumber};ja;ja;volledig\r\n`;
  const form = new FormData();
  form.append('file', new File([csv], 'doelrealisatie.csv'));
  return { path: '/goal-attainments/import', query: region(side), form };
}

/**
 * How the permission matrix asks goal attainment's operations. Registering is the aanbieder's alone, for its own
 * allocations: the world's allocations are started but not ended, so even the own one is refused (400, "nog niet
 * beëindigd", which the API test covers from the other side); another provider's is refused the same way, and
 * region B answers 404. Reading and the threshold are the region's, the summary also the aanbieder's (its own).
 */
export const outcomesOperations: Record<string, OperationCase> = {
  'GET /goal-attainments': {
    permission: 'goalAttainment.register',
    kind: 'list',
    own: (w) => ({ path: '/goal-attainments', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/goal-attainments', query: region(w.b) }),
  },
  'POST /goal-attainments': {
    permission: 'goalAttainment.register',
    kind: 'create',
    own: (w, ctx) => registration(ctx, w.a, w.own.agbCode),
    otherProvider: (w, ctx) => registration(ctx, w.a, w.other.agbCode),
    otherRegion: (w, ctx) => registration(ctx, w.b, w.other.agbCode),
    otherRegionOfQ: true,
    ownStatus: 400,
  },
  'GET /goal-attainments/template': {
    permission: 'goalAttainment.register',
    kind: 'list',
    own: (w) => ({ path: '/goal-attainments/template', query: { ...region(w.a), format: 'csv' } }),
    otherRegion: (w) => ({ path: '/goal-attainments/template', query: { ...region(w.b), format: 'csv' } }),
  },
  'POST /goal-attainments/import': {
    permission: 'goalAttainment.register',
    kind: 'create',
    own: (w, ctx) => file(ctx, w.a, w.own.agbCode),
    otherProvider: (w, ctx) => file(ctx, w.a, w.other.agbCode),
    otherRegion: (w, ctx) => file(ctx, w.b, w.other.agbCode),
    otherRegionOfQ: true,
    ownStatus: 400,
  },
  'GET /goal-attainments/summary': {
    permission: 'goalAttainment.read',
    kind: 'list',
    own: (w) => ({ path: '/goal-attainments/summary', query: { ...region(w.a), period: '2025' } }),
    otherRegion: (w) => ({ path: '/goal-attainments/summary', query: { ...region(w.b), period: '2025' } }),
  },
  'GET /goal-attainments/settings': {
    permission: 'goalAttainment.read',
    kind: 'list',
    own: (w) => ({ path: '/goal-attainments/settings', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/goal-attainments/settings', query: region(w.b) }),
  },
  'PUT /goal-attainments/settings': {
    permission: 'goalAttainment.settings',
    kind: 'create',
    own: (w) => ({ path: '/goal-attainments/settings', query: region(w.a), body: { minCompletenessPercent: 70 } }),
    otherRegion: (w) => ({
      path: '/goal-attainments/settings',
      query: region(w.b),
      body: { minCompletenessPercent: 70 },
    }),
  },
};
