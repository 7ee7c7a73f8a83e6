import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiResponse } from '../../../shared/kpi.js';
import { queryRows } from '../../db/client.js';
import { providers } from '../../db/schema/index.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildAdmin, buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { demoLandscape, generateIjw } from '../../../tools/ijw-generator/generate.js';
import { importSources, readSources } from '../exchange/index.js';
import { AnswerCache, answerCacheFor } from './answer-cache.js';
import { JobRunner } from '../../jobs/runner.js';
import { kpiRefreshJob } from './facts.job.js';

/**
 * The dashboard's answer cache (answer-cache.ts) over the real routes: a kept answer is the one a fresh computation
 * gives, each kind of change reaches the next answer, and an answer never crosses from one scope to another.
 */
let ctx: TestContext;
let dir: string;
let manager: string;
/** The refresh as the server's job runner runs it (it takes the request an import leaves), here when the test says. */
let jobs: JobRunner;
const refresh = async () => expect((await jobs.runNow(kpiRefreshJob.name)).outcome).toBe('succeeded');
const importYear = (year: string) =>
  importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, readSources([join(dir, year)]), () => {});
const get = async (token: string, path: string) => {
  const res = await call(ctx, token, 'GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as KpiResponse;
};
const cache = () => answerCacheFor(ctx.database.db);
/** The same request computed afresh: with nothing kept, the route computes it as it did before the cache. */
const fresh = async (token: string, path: string) => {
  cache().clear();
  return get(token, path);
};
const overview = '/kpis?kpi=youths_in_care,inflow,spend&period=2024Q3&groupBy=municipality';

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  dir = mkdtempSync(join(tmpdir(), 'zl-answer-cache-'));
  await generateIjw({ outDir: dir, ...demoLandscape(), youths: 400, years: 2, startYear: 2024, seed: 21 });
  await importYear('2024');
  jobs = new JobRunner(ctx.database, [kpiRefreshJob]);
  await refresh();
  manager = (await buildUser(ctx, 'contractmanager')).token;
}, 180_000);
afterAll(async () => {
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard answer cache', () => {
  it('serves a kept answer that is the same as a fresh computation', async () => {
    const first = await get(manager, overview);
    const { hits } = cache().counts;
    const again = await get(manager, overview);
    expect(cache().counts.hits).toBe(hits + 1);
    expect(again).toEqual(first);
    expect(again).toEqual(await fresh(manager, overview));
    expect(first.data.map((d) => d.kpi.id)).toEqual(['youths_in_care', 'inflow', 'spend']);
    // Another spelling of the same question shares the answer; another question does not.
    await get(manager, overview);
    const hitsBefore = cache().counts.hits;
    await get(manager, '/kpis?groupBy=municipality&period=2024Q3&kpi=youths_in_care,%20inflow,spend');
    expect(cache().counts.hits).toBe(hitsBefore + 1);
    const other = await get(manager, '/kpis?kpi=youths_in_care,inflow,spend&period=2024Q2&groupBy=municipality');
    expect(other.period.label).toBe('2024Q2');
  });

  it('follows an import, then the refresh of the facts: the next answer shows each', async () => {
    const query = '/kpis?kpi=youths_in_care&period=2025Q1';
    const before = await get(manager, query);
    expect(before.facts).toMatchObject({ state: 'ready', refreshing: false });
    await get(manager, query);
    await importYear('2025');
    // The import landed: the figures are those of the facts as they were, and say a refresh is due.
    const imported = await get(manager, query);
    expect(imported.facts.refreshing).toBe(true);
    expect(imported.data).toEqual(before.data);
    await refresh();
    const refreshed = await get(manager, query);
    expect(refreshed.data[0]!.total.value).toBeGreaterThan(before.data[0]!.total.value ?? 0);
    expect(Date.parse(refreshed.facts.asOf!)).toBeGreaterThan(Date.parse(before.facts.asOf!));
    expect(refreshed.data).toEqual((await fresh(manager, query)).data);
  }, 120_000);

  it('follows a change of master data and of targets', async () => {
    const query = '/kpis?kpi=youths_in_care&period=2024Q3&groupBy=provider';
    const before = await get(manager, query);
    const row = before.data[0]!.rows.find((r) => !r.suppressed)!;
    const [provider] = await ctx.database.db.select().from(providers).where(eq(providers.agbCode, row.key));
    const { token: admin } = await buildAdmin(ctx);
    const renamed = await call(ctx, admin, 'PATCH', `/providers/${provider!.id}`, { name: 'Hernoemde aanbieder' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const after = await get(manager, query);
    expect(after.data[0]!.rows.find((r) => r.key === row.key)!.label).toBe('Hernoemde aanbieder');

    const target = await call(ctx, manager, 'POST', '/kpi-targets', {
      kpi: 'youths_in_care',
      scopeType: 'region',
      scopeKey: null,
      comparator: 'atMost',
      value: 1,
    });
    expect(target.status, JSON.stringify(target.body)).toBe(201);
    const targeted = await get(manager, '/kpis?kpi=youths_in_care&period=2024Q3');
    expect(targeted.data[0]!.total.target).toMatchObject({ value: 1, comparator: 'atMost', met: false });
    expect(targeted).toEqual(await fresh(manager, '/kpis?kpi=youths_in_care&period=2024Q3'));
  });

  it('never serves one provider, or one region, the answer kept for another', async () => {
    const agbs = (
      await queryRows<{ agb: string; id: string }>(
        ctx.database.db,
        sql`select p.agb_code as agb, p.id from providers p
          where p.agb_code in (select provider_agb from ijw_trajectories) order by 1 limit 2`,
      )
    ).map((r) => r);
    const [a, b] = [await buildUser(ctx, 'aanbieder', agbs[0]!.id), await buildUser(ctx, 'aanbieder', agbs[1]!.id)];
    const query = '/kpis?kpi=youths_in_care,spend&period=2024&groupBy=municipality';
    const ofA = await get(a.token, query);
    const ofB = await get(b.token, query);
    expect(ofA.filters.provider).toBe(agbs[0]!.agb);
    expect(ofB.filters.provider).toBe(agbs[1]!.agb);
    expect(ofB.data).not.toEqual(ofA.data);
    expect(ofB).toEqual(await fresh(b.token, query));
    expect(await get(a.token, query)).toEqual(await fresh(a.token, query));

    const other = await buildRegion(ctx);
    const outside = await buildUser(ctx, 'beleid', undefined, other.id);
    const inRegion = await get(manager, query);
    const ofOther = await get(outside.token, query);
    expect(inRegion.data[0]!.total.value).toBeGreaterThan(0);
    expect(ofOther.data[0]!.total.value).toBe(0);
    expect(ofOther).toEqual(await fresh(outside.token, query));
    const periods = await call(ctx, outside.token, 'GET', '/kpis/periods');
    expect(periods.body).toMatchObject({ first: null, last: null });
    expect((await call(ctx, manager, 'GET', '/kpis/periods')).body.first).not.toBeNull();
  });
});

describe('AnswerCache', () => {
  it('keeps at most its bound in characters and entries, the least recently used going first', async () => {
    const bounded = new AnswerCache({ maxChars: 1000, maxEntries: 5 });
    const answer = (n: number) => async () => ({ n, padding: 'x'.repeat(90) });
    for (let n = 0; n < 5; n++) await bounded.get('v1', `k${n}`, answer(n));
    expect(bounded.size.entries).toBe(5);
    await bounded.get('v1', 'k0', answer(0)); // k0 used again: k1 is now the least recently used
    await bounded.get('v1', 'k5', answer(5));
    expect(bounded.size.entries).toBe(5);
    const misses = bounded.counts.misses;
    await bounded.get('v1', 'k0', answer(0));
    expect(bounded.counts.misses).toBe(misses);
    await bounded.get('v1', 'k1', answer(1));
    expect(bounded.counts.misses).toBe(misses + 1);
    // By size: twenty answers of about 100 characters never take more than 1,000.
    for (let n = 10; n < 30; n++) await bounded.get('v1', `k${n}`, answer(n));
    expect(bounded.size.chars).toBeLessThanOrEqual(1000);
    // A new data version drops everything kept under the old one.
    await bounded.get('v2', 'k0', answer(0));
    expect(bounded.size.entries).toBe(1);
  });

  it('computes once for concurrent requests of one answer, and keeps no failure', async () => {
    const bounded = new AnswerCache({ maxChars: 10_000, maxEntries: 10 });
    let computed = 0;
    const slow = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 20));
      return { computed };
    };
    const answers = await Promise.all([1, 2, 3].map(() => bounded.get('v1', 'same', slow)));
    expect(computed).toBe(1);
    expect(new Set(answers).size).toBe(1);
    await expect(bounded.get('v1', 'broken', () => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
    expect(await bounded.get('v1', 'broken', async () => ({ ok: true }))).toBe('{"ok":true}');
  });
});
