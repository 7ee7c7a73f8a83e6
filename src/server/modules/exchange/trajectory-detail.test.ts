import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { seedDemoRegionIfEmpty } from '../../db/seed/demo.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { seedDemoMessages } from './demo-messages.js';

let ctx: TestContext;
let manager: string;
/**
 * A trajectory with a request, an allocation, a start and declarations: the whole chain behind a disputed figure. It
 * started in 2025, when the demo's contracts (from their switch dates in 2023) ran.
 */
let chosen: { id: number; provider_agb: string; municipality_code: string; allocation_number: string };

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoRegionIfEmpty(ctx.database.db);
  await seedDemoMessages(ctx.database.db, ctx.secrets, 60, new Date('2026-11-22T12:00:00Z'));
  manager = (await buildUser(ctx, 'contractmanager')).token;
  const [found] = (await queryRows(
    ctx.database.db,
    sql`select t.id::int as id, t.provider_agb, t.municipality_code, t.allocation_number from ijw_trajectories t
      where t.request_date is not null and t.start_date >= '2025-01-01' and t.allocation_number is not null
        and exists (select 1 from ijw_declaration_lines l where l.municipality_code = t.municipality_code and l.allocation_number = t.allocation_number)
      order by t.id limit 1`,
  )) as Array<typeof chosen>;
  if (!found) throw new Error('the demo messages hold no trajectory with the whole chain');
  chosen = found;
}, 180_000);
afterAll(async () => {
  await ctx.close();
});

interface Detail {
  client: string;
  declaredCents: number;
  messages: Array<{
    messageType: string;
    kind: string;
    messageDate: string | null;
    fileId: string;
    hasRetour: boolean;
  }>;
  declarations: Array<{ month: string; amountCents: number }>;
  product: { code: string } | null;
  contract: { reference: string; startDate: string; endDate: string } | null;
  startDate: string;
}

describe('a trajectory opened from Trajecten', () => {
  it('shows its messages in the order they were sent, each with its file and retour', async () => {
    const res = await call(ctx, manager, 'GET', `/trajectories/${chosen.id}`);
    expect(res.status).toBe(200);
    const detail = res.body as Detail;
    const types = detail.messages.map((m) => m.messageType);
    // The chain a contract manager follows: request, allocation, start, declarations.
    for (const type of ['JW315', 'JW301', 'JW305', 'JW323']) expect(types).toContain(type);
    expect(types.indexOf('JW315')).toBeLessThan(types.indexOf('JW301'));
    expect(types.indexOf('JW301')).toBeLessThan(types.indexOf('JW305'));
    const dates = detail.messages.map((m) => m.messageDate ?? '');
    expect(dates).toEqual([...dates].sort());
    // The list narrowed to one of those files holds this trajectory.
    const start = detail.messages.find((m) => m.messageType === 'JW305')!;
    const fromFile = await call(ctx, manager, 'GET', `/trajectories?fileId=${start.fileId}&pageSize=100`);
    expect((fromFile.body.data as Array<{ id: number }>).map((t) => t.id)).toContain(chosen.id);
    // Every message names an accepted file of the import history that has its retour.
    for (const m of detail.messages) {
      const file = await call(ctx, manager, 'GET', `/imports/${m.fileId}`);
      expect(file.status).toBe(200);
      expect(file.body.messageType).toBe(m.messageType);
      expect(m.hasRetour).toBe(true);
    }
  });

  it('sums its declarations per month to what the trajectory list says was declared', async () => {
    const detail = (await call(ctx, manager, 'GET', `/trajectories/${chosen.id}`)).body as Detail;
    const [lines] = await queryRows<{ cents: string; months: number }>(
      ctx.database.db,
      sql`select sum(amount_cents)::text as cents, count(distinct to_char(period_start, 'YYYY-MM'))::int as months
        from ijw_declaration_lines where municipality_code = ${chosen.municipality_code} and allocation_number = ${chosen.allocation_number}`,
    );
    expect(detail.declarations).toHaveLength(lines!.months);
    expect(detail.declarations.reduce((n, m) => n + m.amountCents, 0)).toBe(Number(lines!.cents));
    expect(detail.declaredCents).toBe(Number(lines!.cents));
    const months = detail.declarations.map((m) => m.month);
    expect(months).toEqual([...months].sort());
    const list = await call(ctx, manager, 'GET', `/trajectories?providerAgb=${chosen.provider_agb}&pageSize=100`);
    const listed = (list.body.data as Array<{ id: number; declaredCents: number; client: string }>).find(
      (t) => t.id === chosen.id,
    );
    expect(listed?.declaredCents).toBe(detail.declaredCents);
    expect(listed?.client).toBe(detail.client);
  });

  it('names the product and the contract the care ran under, running on its start', async () => {
    const detail = (await call(ctx, manager, 'GET', `/trajectories/${chosen.id}`)).body as Detail;
    expect(detail.product).not.toBeNull();
    expect(detail.contract).not.toBeNull();
    expect(detail.contract!.startDate <= detail.startDate).toBe(true);
    expect(detail.contract!.endDate >= detail.startDate).toBe(true);
  });

  it('is logged as access to client data, and shows the client only as a pseudonym', async () => {
    const res = await call(ctx, manager, 'GET', `/trajectories/${chosen.id}`);
    expect(res.body.client).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/\b\d{9}\b/);
    const [audit] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where entity = 'trajectories' and entity_id = ${String(chosen.id)} and action = 'read'`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });

  it("lets an aanbieder open its own trajectory and not another provider's", async () => {
    const [own, other] = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id from providers where agb_code = ${chosen.provider_agb}
        union all (select id from providers where agb_code <> ${chosen.provider_agb} order by agb_code limit 1)`,
    );
    const ownToken = (await buildUser(ctx, 'aanbieder', own!.id)).token;
    const otherToken = (await buildUser(ctx, 'aanbieder', other!.id)).token;
    expect((await call(ctx, ownToken, 'GET', `/trajectories/${chosen.id}`)).status).toBe(200);
    const refused = await call(ctx, otherToken, 'GET', `/trajectories/${chosen.id}`);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('refuses an id that is not a number, naming the id', async () => {
    const res = await call(ctx, manager, 'GET', '/trajectories/abc');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('id');
    expect((await call(ctx, manager, 'GET', '/trajectories/999999999')).status).toBe(404);
  });
});

describe('sorted lists', () => {
  it('sorts the trajectory search on the server, so the next page continues the order', async () => {
    const get = async (sort: string, page: number) =>
      (await call(ctx, manager, 'GET', `/trajectories?sort=${sort}&pageSize=20&page=${page}`)).body.data as Array<{
        id: number;
        requestDate: string | null;
      }>;
    const [first, second] = [await get('requestDate', 1), await get('requestDate', 2)];
    const ascending = [...first, ...second].map((t) => t.requestDate ?? '9999');
    expect(ascending).toEqual([...ascending].sort());
    const [lowest] = await queryRows<{ d: string }>(
      ctx.database.db,
      sql`select min(request_date)::text as d from ijw_trajectories`,
    );
    expect(first[0]!.requestDate).toBe(lowest!.d);
    const descending = (await get('-requestDate', 1)).map((t) => t.requestDate ?? '');
    expect(descending).toEqual([...descending].sort().reverse());
    // The same trajectory never shows on two pages of one order.
    expect(new Set([...first, ...second].map((t) => t.id)).size).toBe(40);
  });

  it('refuses a column the list cannot sort by, naming the parameter', async () => {
    const res = await call(ctx, manager, 'GET', '/trajectories?sort=bsn');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('sort');
    // Names sort in the database's collation: descending is ascending reversed.
    const names = async (sort: string) =>
      (
        (await call(ctx, manager, 'GET', `/providers?sort=${sort}&pageSize=100`)).body.data as Array<{ name: string }>
      ).map((p) => p.name);
    const ascending = await names('name');
    expect(ascending.length).toBeGreaterThan(3);
    expect(await names('-name')).toEqual([...ascending].reverse());
  });
});
