import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** A browser's request: the session and the chosen region in cookies, as the web UI sends them. */
async function browse(token: string, path: string, region?: string, bearer = false) {
  const cookies = [bearer ? null : `zl_session=${token}`, region ? `zl_regio=${region}` : null].filter(Boolean);
  const headers: Record<string, string> = {};
  if (cookies.length) headers.Cookie = cookies.join('; ');
  if (bearer) headers.Authorization = `Bearer ${token}`;
  const res = await ctx.app.request(`/api/v1${path}`, { headers });
  return { status: res.status, body: await res.json() };
}

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe('region switch for a keeper of several regions', () => {
  it('scopes every list to the region the keeper chose, and offers the others to switch to', async () => {
    const a = await buildRegion(ctx);
    const b = await buildRegion(ctx);
    const inA = await buildContract(ctx, { regionId: a.id, lotId: a.lots[0]!.id });
    const inB = await buildContract(ctx, { regionId: b.id, lotId: b.lots[0]!.id });
    const { token } = await buildUser(ctx, 'beheerder');

    const me = await browse(token, '/users/me', b.id);
    expect(me.status).toBe(200);
    expect(ids(me.body.regions)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(me.body.currentRegionId).toBe(b.id);

    expect(ids((await browse(token, '/regions', b.id)).body.data)).toEqual([b.id]);
    const contractsB = ids((await browse(token, '/contracts?pageSize=100', b.id)).body.data);
    expect(contractsB).toContain(inB.id);
    expect(contractsB).not.toContain(inA.id);
    const contractsA = ids((await browse(token, '/contracts?pageSize=100', a.id)).body.data);
    expect(contractsA).toContain(inA.id);
    expect(contractsA).not.toContain(inB.id);
    expect((await browse(token, `/contracts/${inA.id}`, b.id)).status).toBe(404);

    // Budgets too: the keeper's Bearer client (whole scope) enters one per region; the session sees the chosen one's.
    const budgetOf = async (region: typeof a) => {
      const made = await call(ctx, token, 'POST', '/budgets', {
        municipalityId: region.municipalities[0]!.id,
        budgetLineId: region.budgetLines[0]!.id,
        year: 2026,
        amount: 1000,
      });
      expect(made.status).toBe(201);
      return made.body.id as string;
    };
    const [budgetA, budgetB] = [await budgetOf(a), await budgetOf(b)];
    const budgetsB = ids((await browse(token, '/budgets?year=2026', b.id)).body.data);
    expect(budgetsB).toContain(budgetB);
    expect(budgetsB).not.toContain(budgetA);

    const unchosen = await browse(token, '/regions');
    expect(ids(unchosen.body.data)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(unchosen.body.data.length).toBeGreaterThan(1);
  });

  it('lets a link that names one of the keeper’s regions show that region, whatever the keeper chose', async () => {
    const a = await buildRegion(ctx);
    const b = await buildRegion(ctx);
    const { token } = await buildUser(ctx, 'beheerder');
    // Working in B, the keeper follows a bookmarked link to A's figures: by code and by id.
    for (const named of [a.code, a.id]) {
      const periods = await browse(token, `/kpis/periods?region=${named}`, b.id);
      expect(periods.status, JSON.stringify(periods.body)).toBe(200);
      const kpis = await browse(token, `/kpis?kpi=youths_in_care&region=${named}`, b.id);
      expect(kpis.status, JSON.stringify(kpis.body)).toBe(200);
      expect(ids((await browse(token, `/regions?region=${named}`, b.id)).body.data)).toEqual([a.id]);
    }
    expect(ids((await browse(token, `/regions?regionId=${a.id}`, b.id)).body.data)).toEqual([a.id]);
    // Only for that request: without the parameter the chosen region stays.
    expect(ids((await browse(token, '/regions', b.id)).body.data)).toEqual([b.id]);

    // A region the actor does not have stays unknown, for a keeper and for an account tied to one region.
    const { token: cm } = await buildUser(ctx, 'contractmanager', undefined, b.id);
    expect((await browse(cm, `/kpis?kpi=youths_in_care&region=${a.code}`)).status).toBe(404);
    expect((await browse(token, '/kpis?kpi=youths_in_care&region=nergens', b.id)).status).toBe(404);
  });

  it('leaves a role tied to one region, and a Bearer client, where they are', async () => {
    const a = await buildRegion(ctx);
    const b = await buildRegion(ctx);
    const { token: cm } = await buildUser(ctx, 'contractmanager', undefined, a.id);
    const me = await browse(cm, '/users/me', b.id);
    expect(me.body.regions).toEqual([]);
    expect(me.body.currentRegionId).toBe(a.id);
    expect(ids((await browse(cm, '/regions', b.id)).body.data)).toEqual([a.id]);

    const { token: keeper } = await buildUser(ctx, 'beheerder');
    const viaBearer = await browse(keeper, '/regions', b.id, true);
    expect(ids(viaBearer.body.data)).toEqual(expect.arrayContaining([a.id, b.id]));
    const unknown = await browse(keeper, '/regions', '00000000-0000-4000-8000-000000000000');
    expect(ids(unknown.body.data)).toEqual(expect.arrayContaining([a.id, b.id]));
  });
});
