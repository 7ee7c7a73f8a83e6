import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../../db/seed/demo.js';
import { buildProvider } from '../../../testing/factories.js';
import { buildUser, type TestContext } from '../../../testing/harness.js';
import { importSources } from '../../exchange/import.service.js';
import type { ImportSource } from '../../exchange/sources.js';
import { refreshKpiFacts } from '../../monitoring/facts.service.js';
import { begeleidingLicht, houten, nieuwegein, Stories } from '../../monitoring/testing/care-stories.js';

export interface GoalWorld {
  regionId: string;
  own: { id: string; agb: string; token: string };
  other: { id: string; agb: string; token: string };
  contractmanager: string;
  beleid: string;
  /** Allocation keys per provider: ended in 2025Q2, and one still running. */
  ended: {
    own: Array<{ municipalityCode: string; allocationNumber: string }>;
    other: Array<{ municipalityCode: string; allocationNumber: string }>;
  };
  running: { own: { municipalityCode: string; allocationNumber: string } };
}

/**
 * The demo region's frame with two providers: the own one with twelve allocations that ended in 2025Q2 (each a
 * youth of its own) and one still running, the other with three ended ones. All care arrives as iJw messages through
 * the import, so the allocations are the exchange's own.
 */
export async function buildGoalWorld(ctx: TestContext): Promise<GoalWorld> {
  const db = ctx.database.db;
  await seedDemoRegionIfEmpty(db);
  const [region] = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from regions where code = 'lekstroom'`,
  );
  const own = await buildProvider(ctx, { agbCode: '71000001', name: 'Eigen Doelen BV' });
  const other = await buildProvider(ctx, { agbCode: '71000002', name: 'Andere Doelen BV' });
  const stories = new Stories();
  const care = (provider: string, i: number, end?: string) =>
    stories.care({
      youth: stories.youth(`2012-0${(i % 9) + 1}-15`, i % 2 ? houten : nieuwegein),
      provider,
      product: begeleidingLicht,
      begin: '2025-01-13',
      end,
      reason: '31',
      allocation: { start: '2025-01-06', end: '2025-12-31' },
    });
  for (let i = 0; i < 12; i++) care(own.agbCode, i, `2025-0${4 + (i % 3)}-1${i % 9}`);
  care(own.agbCode, 20);
  for (let i = 0; i < 3; i++) care(other.agbCode, 30 + i, '2025-05-20');
  const files = stories.files();
  async function* sources(): AsyncGenerator<ImportSource> {
    for (const f of files) yield f;
  }
  await importSources({ db, secrets: ctx.secrets, actor: null }, sources(), () => {});
  await refreshKpiFacts(db);
  const keys = await queryRows<{ agb: string; municipalityCode: string; allocationNumber: string; ended: boolean }>(
    db,
    sql`select provider_agb as agb, municipality_code as "municipalityCode", allocation_number as "allocationNumber",
      end_date is not null as ended from ijw_trajectories order by allocation_number`,
  );
  const pick = (agb: string, ended: boolean) =>
    keys
      .filter((k) => k.agb === agb && k.ended === ended)
      .map(({ municipalityCode, allocationNumber }) => ({ municipalityCode, allocationNumber }));
  const user = async (role: 'aanbieder' | 'contractmanager' | 'beleid', providerId?: string) =>
    (await buildUser(ctx, role, providerId, region!.id)).token;
  return {
    regionId: region!.id,
    own: { id: own.id, agb: own.agbCode, token: await user('aanbieder', own.id) },
    other: { id: other.id, agb: other.agbCode, token: await user('aanbieder', other.id) },
    contractmanager: await user('contractmanager'),
    beleid: await user('beleid'),
    ended: { own: pick(own.agbCode, true), other: pick(other.agbCode, true) },
    running: { own: pick(own.agbCode, false)[0]! },
  };
}

/** A goal-attainment file as CSV (semicolons, as Dutch spreadsheet programs write it). */
export function goalCsv(rows: string[][]): Uint8Array {
  const header = 'gemeente;toewijzingnummer;zonder_hulp_verder;problemen_verminderd;doelen_gerealiseerd';
  return new TextEncoder().encode([header, ...rows.map((r) => r.join(';'))].join('\r\n'));
}

/** Uploads a goal-attainment file as the holder of `token`. */
export async function uploadGoals(ctx: TestContext, token: string, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name));
  const res = await ctx.app.request('/api/v1/goal-attainments/import', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}
