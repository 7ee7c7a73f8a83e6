import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { lekstroom } from '../../db/seed/demo-data.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { seedDemoExperience } from './demo.js';

/**
 * The demo's Ervaringwijzer: answers came through invitation batches, so every group has a response rate to read and
 * never more answers than invitations; the batches have no links; the same inputs give the same demo.
 */
let ctx: TestContext;
let manager: { token: string };
let regionId: string;
// The last complete year: the demo's answers run over the 36 months before this one.
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  [{ id: regionId }] = (await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select id from regions where code = ${lekstroom.code}`,
  )) as [{ id: string }];
  manager = await buildUser(ctx, 'contractmanager', undefined, regionId);
});
afterAll(() => ctx.close());

interface Figures {
  withheld: boolean;
  answers: number | null;
  invitations: number;
  responseRate: number | null;
}

describe('the demo Ervaringwijzer', () => {
  it('has no group (provider, product category, municipality, quarter) with more answers than invitations', async () => {
    const over = await queryRows<{ grp: string; answers: number; invitations: number }>(
      ctx.database.db,
      sql`with answered as (
          select provider_id, product_id, coalesce(municipality_id::text, '-') as m,
            to_char(submitted_month, 'YYYY-"K"Q') as q, count(*)::int as n
          from experience_responses where region_id = ${regionId}::uuid group by 1, 2, 3, 4),
        invited as (
          select provider_id, product_id, coalesce(municipality_id::text, '-') as m,
            to_char(created_at::date, 'YYYY-"K"Q') as q, sum(size)::int as n
          from experience_batches where region_id = ${regionId}::uuid group by 1, 2, 3, 4)
        select concat_ws(' ', a.provider_id, a.product_id, a.m, a.q) as grp, a.n as answers, coalesce(i.n, 0) as invitations
        from answered a left join invited i using (provider_id, product_id, m, q)
        where a.n > coalesce(i.n, 0)`,
    );
    expect(over).toEqual([]);
    // Each answer used one invitation in the month it came in, per provider and month.
    const unmatched = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from (
          select r.provider_id, r.submitted_month, count(*) as n from experience_responses r
          where r.region_id = ${regionId}::uuid group by 1, 2) a
        full join (
          select b.provider_id, t.used_month, count(*) as n from experience_tokens t
          join experience_batches b on b.id = t.batch_id
          where b.region_id = ${regionId}::uuid and t.used_month is not null group by 1, 2) u
          on u.provider_id = a.provider_id and u.used_month = a.submitted_month
        where a.n is distinct from u.n`,
    );
    expect(unmatched).toEqual([{ n: 0 }]);
  });

  it('reads as a realistic response rate on the results, for the region and every group shown', async () => {
    const res = await call(ctx, manager.token, 'GET', `/experience-results?region=${lekstroom.code}&year=${year}`);
    expect(res.status).toBe(200);
    const { region, byProvider, byProductCategory, byMunicipality, quarters } = res.body as {
      region: Figures;
      byProvider: Figures[];
      byProductCategory: Figures[];
      byMunicipality: (Figures & { label: string })[];
      quarters: { region: Figures }[];
    };
    expect(region.responseRate).toBeGreaterThanOrEqual(25);
    expect(region.responseRate).toBeLessThanOrEqual(50);
    const groups = [...byProvider, ...byProductCategory, ...byMunicipality, ...quarters.map((q) => q.region)];
    for (const g of groups.filter((x) => !x.withheld)) {
      expect(g.invitations).toBeGreaterThanOrEqual(g.answers!);
      expect(g.responseRate).not.toBeNull();
      expect(g.responseRate).toBeGreaterThan(0);
      expect(g.responseRate).toBeLessThanOrEqual(100);
    }
    // Every quarter and every municipality of the region has answers shown, and the batches by number are 'onbekend'.
    expect(quarters.every((q) => !q.region.withheld)).toBe(true);
    expect(byMunicipality.map((m) => m.label).sort()).toEqual(
      [...lekstroom.municipalities.map((m) => m.name), 'Gemeente onbekend'].sort(),
    );
    expect(byMunicipality.filter((m) => m.label !== 'Gemeente onbekend').every((m) => !m.withheld)).toBe(true);
  });

  it("lists the demo's batches without links, and refuses their download with a reason", async () => {
    const list = await call(ctx, manager.token, 'GET', `/invitation-batches?region=${lekstroom.code}&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.page.totalElements).toBeGreaterThan(100);
    expect(list.body.data).toHaveLength(100);
    expect(list.body.data.every((b: { links: boolean }) => b.links === false)).toBe(true);
    const links = await call(ctx, manager.token, 'GET', `/invitation-batches/${list.body.data[0].id}/links`);
    expect(links.status).toBe(409);
    expect(links.body.detail).toMatch(/demogegevens/);
  });

  it('is the same demo for the same inputs', async () => {
    const offers = await queryRows<{ providerId: string; productId: string }>(
      ctx.database.db,
      sql`select provider_id as "providerId", product_id as "productId" from experience_responses
        where region_id = ${regionId}::uuid group by 1, 2 order by min(submitted_month), 1, 2`,
    );
    expect(offers.length).toBeGreaterThan(10);
    const [{ last }] = (await queryRows<{ last: string }>(
      ctx.database.db,
      sql`select (max(submitted_month) + interval '1 month')::date::text as last from experience_responses
        where region_id = ${regionId}::uuid`,
    )) as [{ last: string }];
    const fingerprint = async (id: string, order: string[]) =>
      queryRows<{ f: string }>(
        ctx.database.db,
        sql`select string_agg(x, ',' order by x) as f from (
            select concat_ws('|', provider_id, product_id, submitted_month, effect_score, array_position(${sql.param(order)}::uuid[], municipality_id)) as x
            from experience_responses where region_id = ${id}::uuid
            union all
            select concat_ws('|', provider_id, product_id, created_at::date, size, array_position(${sql.param(order)}::uuid[], municipality_id),
              (select count(used_month) from experience_tokens t where t.batch_id = b.id))
            from experience_batches b where region_id = ${id}::uuid) y`,
      );
    // Two regions seeded with the same offers, months and inhabitants give the same answers and batches.
    const runs: string[] = [];
    for (const _ of [1, 2]) {
      const region = await buildRegion(ctx);
      const municipalities = region.municipalities.map((m, i) => ({ id: m.id, inhabitants: [2, 1][i]! }));
      const made = await seedDemoExperience(ctx.database.db, region.id, offers, municipalities, last);
      expect(made.invitations).toBeGreaterThan(made.responses);
      runs.push(
        (
          await fingerprint(
            region.id,
            municipalities.map((m) => m.id),
          )
        )[0]!.f,
      );
    }
    expect(runs[0]!.length).toBeGreaterThan(1000);
    expect(runs[1]).toBe(runs[0]);
  });
});
