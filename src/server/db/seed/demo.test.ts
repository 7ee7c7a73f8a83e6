import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client.js';
import { auditEvents, budgets, contracts, municipalities, products, providers } from '../schema/index.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { demoPassword, demoUsers, seedDemoRegionIfEmpty } from './demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('demo region Lekstroom', () => {
  it('seeds the five municipalities, providers, contracts per segment, products, budgets and one user per role', async () => {
    const seeded = await seedDemoRegionIfEmpty(ctx.database.db);
    expect(seeded?.users.map((u) => u.role)).toEqual([
      'beheerder',
      'contractmanager',
      'beleid',
      'verwijzer',
      'aanbieder',
    ]);
    const db = ctx.database.db;
    const n = async (table: PgTable) => Number((await db.select({ n: count() }).from(table))[0]!.n);
    expect(await n(municipalities)).toBe(5);
    expect(await n(providers)).toBeGreaterThanOrEqual(8);
    expect(await n(products)).toBeGreaterThanOrEqual(10);
    // Five municipalities × five budget lines × four years (from three years back, as the demo messages).
    expect(await n(budgets)).toBe(5 * 5 * 4);
    expect(await n(auditEvents)).toBeGreaterThan(0);

    for (const user of demoUsers) {
      const res = await call(ctx, null, 'POST', '/sessions', { email: user.email, password: demoPassword });
      expect(res.status, user.email).toBe(201);
    }
    const cm = await call(ctx, null, 'POST', '/sessions', {
      email: 'contractmanager@lekstroom.example.nl',
      password: demoPassword,
    });
    const regions = await call(ctx, cm.body.token, 'GET', '/regions');
    expect(regions.body.data[0].municipalities.map((m: { name: string }) => m.name)).toEqual([
      'Houten',
      'IJsselstein',
      'Lopik',
      'Nieuwegein',
      'Vijfheerenlanden',
    ]);
    const lots = regions.body.data[0].lots.map((l: { code: string }) => l.code).sort();
    expect(lots).toEqual(['AMB', 'CRI', 'FOR', 'GZV', 'JIO']);
    const segmentsWithContracts = new Set(
      (await call(ctx, cm.body.token, 'GET', '/contracts?pageSize=100')).body.data.map(
        (c: { lotCode: string }) => c.lotCode,
      ),
    );
    expect([...segmentsWithContracts].sort()).toEqual(lots);
    const gezinsvormen = await call(ctx, cm.body.token, 'GET', '/products?productCategory=43');
    expect(gezinsvormen.body.data.map((p: { name: string }) => p.name)).toContain('Gezinsvorm Integraal');
    expect((await call(ctx, cm.body.token, 'GET', '/products?productCategory=44')).body.data[0].name).toBe(
      'Gezinsvorm Kort Verblijf',
    );

    // The Beschikbaarheidswijzer: a 9-year-old in Houten needing ambulant jeugd-GGZ with autism finds several
    // providers, shortest wait first; some entries are stale and one has a client stop running today.
    const ggz = (await call(ctx, cm.body.token, 'GET', '/products?productCategory=54')).body.data[0];
    const offers = (
      await call(
        ctx,
        cm.body.token,
        'GET',
        `/availability/offers?municipality=0321&productId=${ggz.id}&specialisation=autisme&age=9`,
      )
    ).body.data as Array<{
      provider: { name: string };
      intakeWaitWeeks: number;
      treatmentWaitWeeks: number;
      stale: boolean;
    }>;
    expect(new Set(offers.map((o) => o.provider.name)).size).toBeGreaterThan(1);
    const waits = offers.map((o) => o.intakeWaitWeeks + o.treatmentWaitWeeks);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(offers.some((o) => o.stale) && offers.some((o) => !o.stale)).toBe(true);
    const entries = (await call(ctx, cm.body.token, 'GET', '/availability/entries?pageSize=100')).body.data as Array<{
      takesNewClients: boolean;
      clientStop: unknown;
    }>;
    expect(entries.filter((e) => e.clientStop && !e.takesNewClients)).toHaveLength(1);

    // A year of meetings: held with final minutes, open actions, and what the year planner shows as overdue.
    const meetings = (await call(ctx, cm.body.token, 'GET', '/meetings')).body as Array<{
      id: string;
      status: string;
      minutesStatus: string;
      startsAt: string;
      endsAt: string;
      finalisedAt: string | null;
    }>;
    const final = meetings.filter((m) => m.status === 'held' && m.minutesStatus === 'final');
    expect(final.length).toBeGreaterThan(20);
    // Final minutes are dated days after their meeting, not on the day the demo was seeded.
    const daysAfter = final.map((m) => (Date.parse(m.finalisedAt!) - Date.parse(m.endsAt)) / (24 * 3600 * 1000));
    expect(daysAfter.filter((d) => d < 0 || d > 7)).toEqual([]);
    expect(daysAfter.filter((d) => d === 7).length).toBeGreaterThan(20);
    // The providers' people at a meeting have names, not a title and an AGB code.
    const detail = (await call(ctx, cm.body.token, 'GET', `/meetings/${final[0]!.id}`)).body as {
      invitees: Array<{ name: string; side: string }>;
    };
    const providerSide = detail.invitees.filter((i) => i.side === 'provider').map((i) => i.name);
    expect(providerSide.length).toBeGreaterThan(0);
    expect(providerSide.filter((n) => /\d|^Accountmanager/.test(n))).toEqual([]);
    const spread = meetings.map((m) => Date.parse(m.startsAt));
    expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(270 * 24 * 3600 * 1000);
    // Each starts on the whole or half hour, as meetings do, never at the second the seed ran.
    expect(meetings.filter((m) => Date.parse(m.startsAt) % (30 * 60 * 1000) !== 0).map((m) => m.startsAt)).toEqual([]);
    const open = (await call(ctx, cm.body.token, 'GET', '/meeting-actions?status=open')).body;
    expect(open.length).toBeGreaterThan(0);
    const aanbieder = await call(ctx, null, 'POST', '/sessions', {
      email: 'aanbieder@lekstroom.example.nl',
      password: demoPassword,
    });
    const own = (await call(ctx, aanbieder.body.token, 'GET', '/meetings')).body as Array<{ minutesStatus: string }>;
    expect(own.some((m) => m.minutesStatus === 'draft')).toBe(true);
    const recent = new Date(Date.now() - 21 * 24 * 3600 * 1000).getFullYear();
    const plan = (await call(ctx, cm.body.token, 'GET', `/meeting-planner?year=${recent}`)).body;
    expect(plan.providers.some((p: { overdue: number }) => p.overdue > 0)).toBe(true);

    // Development tasks: two per transformatietafel theme, with milestones and progress notes; De Lekoever sees its own.
    const tasks = (await call(ctx, cm.body.token, 'GET', '/development-tasks')).body as Array<{
      id: string;
      theme: string;
      milestones: unknown[];
      notes: unknown[];
    }>;
    const perTheme = new Map<string, number>();
    for (const t of tasks) perTheme.set(t.theme, (perTheme.get(t.theme) ?? 0) + 1);
    expect([...perTheme.values()]).toEqual([2, 2, 2, 2]);
    expect(tasks.every((t) => t.milestones.length > 0)).toBe(true);
    expect(tasks.filter((t) => t.notes.length > 0).length).toBeGreaterThan(5);
    const ownTasks = (await call(ctx, aanbieder.body.token, 'GET', '/development-tasks')).body as Array<{ id: string }>;
    expect(ownTasks.length).toBeGreaterThan(0);
    expect(ownTasks.length).toBeLessThan(tasks.length);

    const contractsBefore = await n(contracts);
    expect(await seedDemoRegionIfEmpty(ctx.database.db)).toBeNull();
    expect(await n(contracts)).toBe(contractsBefore);
  });

  it('keeps PGlite data in the data directory across a restart and does not seed twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zl-data-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      expect(await seedDemoRegionIfEmpty(first.db)).not.toBeNull();
      const before = Number((await first.db.select({ n: count() }).from(providers))[0]!.n);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      expect(await seedDemoRegionIfEmpty(second.db)).toBeNull();
      expect(Number((await second.db.select({ n: count() }).from(providers))[0]!.n)).toBe(before);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
