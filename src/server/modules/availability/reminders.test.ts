import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../../shared/period.js';
import { loadConfig } from '../../config.js';
import { availabilityEntries, mailOutbox } from '../../db/schema/index.js';
import { JobRunner } from '../../jobs/runner.js';
import { mailDeliveryJob } from '../../mail/delivery.js';
import { startSmtpSink } from '../../mail/testing/smtp-sink.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { remindStaleEntries, reminderKind } from './reminders.job.js';
import { entry, world } from './testing/world.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const weeksAgo = (n: number) => new Date(Date.now() - n * 7 * 24 * 3600 * 1000);

describe('reminders for stale entries', () => {
  it('mails the provider’s accounts once a week about its stale entries, through a real SMTP server', async () => {
    const w = await world(ctx);
    const second = await buildUser(ctx, 'aanbieder', w.p.id, w.region.id);
    const stale = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id),
    );
    const fresh = await call(
      ctx,
      w.qUser.token,
      'POST',
      '/availability/entries',
      entry(w.q.locations[0]!.id, w.ggz.id),
    );
    expect(fresh.status).toBe(201);
    const confirmedAt = weeksAgo(5);
    await ctx.database.db
      .update(availabilityEntries)
      .set({ confirmedAt })
      .where(eq(availabilityEntries.id, stale.body.id));
    const due = dutchToday(new Date(confirmedAt.getTime() + 4 * 7 * 24 * 3600 * 1000));

    expect(await remindStaleEntries(ctx.database.db)).toBe(2);
    // The next run in the same week adds nothing.
    expect(await remindStaleEntries(ctx.database.db)).toBe(0);
    const queued = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(sql`${mailOutbox.kind} = ${reminderKind} and ${mailOutbox.regionId} = ${w.region.id}`);
    expect(queued.map((m) => m.recipient).sort()).toEqual([w.pUser.user.email, second.user.email].sort());

    const sink = await startSmtpSink();
    try {
      const runner = new JobRunner(ctx.database, [mailDeliveryJob], {
        config: loadConfig({}, { smtpUrl: sink.url, mailFrom: 'Regio <noreply@regio.example.nl>' }),
      });
      expect((await runner.runNow(mailDeliveryJob.name)).outcome).toBe('succeeded');
      const mails = await sink.waitFor(2);
      const toP = mails.find((m) => JSON.stringify(m.to).includes(w.pUser.user.email))!;
      expect(toP.subject).toBe('Beschikbaarheid van Kompas Jeugd bijwerken');
      expect(toP.text).toContain('45A01 Product 45A01');
      expect(toP.text).toContain(`Houten: bevestigen vóór ${due}`);
      expect(mails.some((m) => JSON.stringify(m.to).includes(w.qUser.user.email))).toBe(false);
    } finally {
      await sink.close();
    }
  });

  it('keeps the reminder in the outbox for the beheerder when no mail server is configured', async () => {
    const w = await world(ctx);
    const stale = await call(
      ctx,
      w.pUser.token,
      'POST',
      '/availability/entries',
      entry(w.p.locations[0]!.id, w.ggz.id),
    );
    await ctx.database.db
      .update(availabilityEntries)
      .set({ confirmedAt: weeksAgo(6) })
      .where(eq(availabilityEntries.id, stale.body.id));
    await remindStaleEntries(ctx.database.db);
    const runner = new JobRunner(ctx.database, [mailDeliveryJob], { config: loadConfig({}, {}) });
    await runner.runNow(mailDeliveryJob.name);
    const beheerder = await buildUser(ctx, 'beheerder', undefined, w.region.id);
    const outbox = await call(ctx, beheerder.token, 'GET', '/mails');
    const mine = outbox.body.data.filter((m: { to: string }) => m.to === w.pUser.user.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      status: 'not-sent-no-smtp',
      subject: 'Beschikbaarheid van Kompas Jeugd bijwerken',
    });
  });
});
