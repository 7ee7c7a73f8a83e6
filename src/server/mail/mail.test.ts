import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { mailOutbox } from '../db/schema/index.js';
import { JobRunner } from '../jobs/runner.js';
import { buildRegion } from '../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../testing/harness.js';
import { defaultDeliveryPolicy, deliverDueMail, describeFailure, mailDeliveryJob } from './delivery.js';
import { mailQueuedSince, queueMail, type MailToQueue } from './index.js';
import { closedPort, sinkPassword, sinkUser, startSmtpSink } from './testing/smtp-sink.js';

let ctx: TestContext;
let regionId: string;
let beheerder: string;
const from = 'Regio Test <noreply@regio-test.example.nl>';

beforeAll(async () => {
  ctx = await createTestContext();
  regionId = (await buildRegion(ctx)).id;
  beheerder = (await buildUser(ctx, 'beheerder', undefined, regionId)).token;
});
afterAll(async () => {
  await ctx?.close();
});

let serial = 0;
function reminder(overrides: Partial<MailToQueue> = {}): MailToQueue {
  serial += 1;
  return {
    regionId,
    to: `intake-${serial}@aanbieder.example.nl`,
    subject: `Bevestig uw wachttijden (${serial})`,
    text: `Beste aanbieder,\n\nUw gegevens in de Beschikbaarheidswijzer zijn 4 weken oud: bevestig ze, of werk ze bij.\n\nMet vriendelijke groet,\nRegio Test (${serial})`,
    kind: 'availability-reminder',
    reference: `entry-${serial}`,
    ...overrides,
  };
}

const row = async (id: string) => (await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;

/** Runs the delivery job as the server does: through the job runner, with the configuration it was given. */
async function runDeliveryJob(config: Partial<ReturnType<typeof loadConfig>>) {
  const runner = new JobRunner(ctx.database, [mailDeliveryJob], { config: loadConfig({}, config) });
  return runner.runNow(mailDeliveryJob.name);
}

describe('the outbox with a mail server (SMTP_URL)', () => {
  it('delivers a queued mail to the server with its recipient, subject and text, and marks it sent', async () => {
    const sink = await startSmtpSink();
    try {
      const mail = reminder();
      const queued = await ctx.database.db.transaction((tx) => queueMail(tx, mail));
      expect((await row(queued!.id)).status).toBe('queued');
      expect(await runDeliveryJob({ smtpUrl: sink.url, mailFrom: from })).toEqual({
        outcome: 'succeeded',
        error: null,
      });
      const [arrived] = await sink.waitFor(1);
      expect(arrived!.to).toMatchObject({ value: [{ address: mail.to }] });
      expect(arrived!.from?.value[0]?.address).toBe('noreply@regio-test.example.nl');
      expect(arrived!.subject).toBe(mail.subject);
      expect(arrived!.text?.trim()).toBe(mail.text);
      expect(arrived!.headers.get('auto-submitted')).toBe('auto-generated');
      const sent = await row(queued!.id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, nextAttemptAt: null });
      expect(sent.sentAt).toBeInstanceOf(Date);
      const shown = await call(ctx, beheerder, 'GET', `/mails/${queued!.id}`);
      expect(shown.body).toMatchObject({ status: 'sent', to: mail.to, subject: mail.subject, text: mail.text });
    } finally {
      await sink.close();
    }
  });

  it('keeps a mail the server cannot take, retries it later with a clear reason, and sends it once the server is up', async () => {
    const port = await closedPort();
    const url = `smtp://${sinkUser}:${sinkPassword}@127.0.0.1:${port}`;
    const mail = reminder();
    const queued = (await queueMail(ctx.database.db, mail))!;
    const first = await deliverDueMail(ctx.database.db, { smtpUrl: url, from });
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    const waiting = await row(queued.id);
    expect(waiting).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(waiting.lastError).toMatch(
      /^Poging 1 van 12: de mailserver is niet bereikbaar \(.*ECONNREFUSED.*\); wordt later opnieuw geprobeerd\.$/,
    );
    expect(waiting.lastError).not.toContain(sinkPassword);
    expect(waiting.lastError).not.toContain(mail.to);
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // Still in the outbox for the beheerder, with the reason; and not tried again before its time.
    const listed = await call(ctx, beheerder, 'GET', '/mails?status=retrying');
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: queued.id, status: 'retrying', attempts: 1, lastError: waiting.lastError }),
    ]);
    expect(await deliverDueMail(ctx.database.db, { smtpUrl: url, from })).toMatchObject({ sent: 0, failed: 0 });
    expect((await row(queued.id)).attempts).toBe(1);

    const sink = await startSmtpSink(port);
    try {
      const later = new Date(waiting.nextAttemptAt!.getTime() + 1000);
      expect(await deliverDueMail(ctx.database.db, { smtpUrl: url, from }, { now: later })).toMatchObject({
        sent: 1,
        failed: 0,
      });
      const [arrived] = await sink.waitFor(1);
      expect(arrived!.subject).toBe(mail.subject);
      expect(await row(queued.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    } finally {
      await sink.close();
    }
  });

  it('waits longer after each failure and marks the mail failed after the last try, keeping it', async () => {
    const url = `smtp://127.0.0.1:${await closedPort()}`;
    const policy = { ...defaultDeliveryPolicy, maxAttempts: 3 };
    const queued = (await queueMail(ctx.database.db, reminder()))!;
    const delays: number[] = [];
    let now = new Date();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverDueMail(ctx.database.db, { smtpUrl: url, from }, { now, policy });
      const r = await row(queued.id);
      expect(r.attempts).toBe(attempt);
      if (r.nextAttemptAt) {
        delays.push(r.nextAttemptAt.getTime() - now.getTime());
        now = new Date(r.nextAttemptAt.getTime() + 1);
      }
    }
    expect(delays).toEqual([60_000, 120_000]);
    const failed = await row(queued.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/^Poging 3 van 3: .*; laatste poging, niet meer opnieuw\.$/);

    // The beheerder puts it back in the queue once the server works.
    const sink = await startSmtpSink();
    try {
      const retried = await call(ctx, beheerder, 'POST', `/mails/${queued.id}/retries`);
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
      expect((await call(ctx, beheerder, 'POST', `/mails/${queued.id}/retries`)).status).toBe(409);
      await deliverDueMail(ctx.database.db, { smtpUrl: sink.url, from });
      expect(await sink.waitFor(1)).toHaveLength(1);
      expect((await row(queued.id)).status).toBe('sent');
    } finally {
      await sink.close();
    }
  });
});

describe('a mail server that refuses a recipient', () => {
  it('fails a mail at once on a permanent refusal (550) and retries one on a temporary refusal (451)', async () => {
    const sink = await startSmtpSink(0, {
      refuse: (to) =>
        to.startsWith('bestaat-niet')
          ? { code: 550, message: 'Mailbox unavailable' }
          : to.startsWith('vol')
            ? { code: 451, message: 'Try again later' }
            : undefined,
    });
    try {
      const unknown = (await queueMail(ctx.database.db, reminder({ to: 'bestaat-niet@aanbieder.example.nl' })))!;
      const full = (await queueMail(ctx.database.db, reminder({ to: 'vol@aanbieder.example.nl' })))!;
      const fine = (await queueMail(ctx.database.db, reminder()))!;
      await deliverDueMail(ctx.database.db, { smtpUrl: sink.url, from });
      const refused = await row(unknown.id);
      expect(refused).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
      expect(refused.lastError).toMatch(
        /^Poging 1: de mailserver weigert de afzender of de ontvanger, blijvend \(.*550.*\); niet opnieuw/,
      );
      const later = await row(full.id);
      expect(later).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(later.lastError).toMatch(/^Poging 1 van 12: .*451.*; wordt later opnieuw geprobeerd\.$/);
      // The refusals do not hold back the mail the server takes.
      expect((await row(fine.id)).status).toBe('sent');
      expect(await sink.waitFor(1)).toHaveLength(1);
    } finally {
      await sink.close();
    }
  });
});

describe('the outbox without a mail server (the embedded default)', () => {
  it('keeps every mail as not sent, readable by the beheerder and by no other role', async () => {
    const mail = reminder();
    const queued = (await queueMail(ctx.database.db, mail))!;
    expect(await runDeliveryJob({})).toEqual({ outcome: 'succeeded', error: null });
    expect(await row(queued.id)).toMatchObject({ status: 'not-sent-no-smtp', attempts: 0, sentAt: null });

    const list = await call(ctx, beheerder, 'GET', '/mails?status=not-sent-no-smtp&pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.data).toContainEqual(
      expect.objectContaining({ id: queued.id, to: mail.to, subject: mail.subject, status: 'not-sent-no-smtp' }),
    );
    const one = await call(ctx, beheerder, 'GET', `/mails/${queued.id}`);
    expect(one.body).toMatchObject({ text: mail.text, kind: 'availability-reminder', reference: mail.reference });

    const manager = (await buildUser(ctx, 'contractmanager', undefined, regionId)).token;
    expect((await call(ctx, manager, 'GET', '/mails')).status).toBe(403);
    expect((await call(ctx, manager, 'GET', `/mails/${queued.id}`)).status).toBe(403);
  });

  it('lists newest first, filtered by status and paged', async () => {
    const region = (await buildRegion(ctx)).id;
    const own = (await buildUser(ctx, 'beheerder', undefined, region)).token;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await queueMail(ctx.database.db, reminder({ regionId: region })))!.id);
    const page1 = await call(ctx, own, 'GET', '/mails?pageSize=2');
    expect(page1.body.page).toMatchObject({ totalElements: 3, totalPages: 2 });
    const page2 = await call(ctx, own, 'GET', '/mails?pageSize=2&page=2');
    expect([...page1.body.data, ...page2.body.data].map((m: { id: string }) => m.id)).toEqual(ids.reverse());
    expect((await call(ctx, own, 'GET', '/mails?status=sent')).body.data).toEqual([]);
    expect((await call(ctx, own, 'GET', '/mails?status=verzonden')).status).toBe(400);
  });
});

describe('the mail settings', () => {
  it('take SMTP_URL and MAIL_FROM from the environment, and refuse a URL that is no mail server or lacks a sender', () => {
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.nl:465', MAIL_FROM: 'Regio <noreply@regio.nl>' }),
    ).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.nl:465',
      mailFrom: 'Regio <noreply@regio.nl>',
    });
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.nl:25' })).toThrow(/MAIL_FROM is nodig naast SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.nl', MAIL_FROM: 'a@b.nl' })).toThrow(
      /SMTP_URL moet beginnen met smtp:\/\/ of smtps:\/\//,
    );
  });

  it('keep the user name and password of SMTP_URL out of the error a beheerder reads', () => {
    const error = Object.assign(new Error('Invalid login: 535 user geheim-gebruiker with p@ss%w0rd refused'), {
      code: 'EAUTH',
    });
    const text = describeFailure(error, 'smtp://geheim-gebruiker:p%40ss%25w0rd@mail.example.nl', 2, 12);
    expect(text).toMatch(/^Poging 2 van 12: de mailserver weigert de inloggegevens uit SMTP_URL \(/);
    expect(text).not.toContain('geheim-gebruiker');
    expect(text).not.toContain('ss%w0rd');
  });
});

describe('queueMail', () => {
  it('refuses an address that is not one, naming the field, and queues nothing', async () => {
    const before = (await ctx.database.db.select().from(mailOutbox)).length;
    await expect(queueMail(ctx.database.db, reminder({ to: 'geen adres' }))).rejects.toMatchObject({
      status: 400,
      message: 'to: geen geldig e-mailadres',
    });
    await expect(queueMail(ctx.database.db, reminder({ subject: 'Twee\nregels' }))).rejects.toThrow(/subject/);
    expect((await ctx.database.db.select().from(mailOutbox)).length).toBe(before);
  });

  it('queues with the caller’s transaction: a rollback leaves no mail', async () => {
    const mail = reminder();
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await queueMail(tx, mail);
        throw new Error('the change that caused the mail failed');
      }),
    ).rejects.toThrow('failed');
    expect(
      await mailQueuedSince(ctx.database.db, { kind: mail.kind, reference: mail.reference!, since: new Date(0) }),
    ).toBe(false);
  });

  it('tells a reminder job whether it mailed about a reference since a moment, and queues once when asked to', async () => {
    const mail = reminder();
    const before = new Date(Date.now() - 1000);
    expect(await mailQueuedSince(ctx.database.db, { kind: mail.kind, reference: mail.reference!, since: before })).toBe(
      false,
    );
    const first = await queueMail(ctx.database.db, { ...mail, unlessQueuedSince: new Date(0) });
    expect(first).toEqual({ id: expect.any(String) });
    expect(await queueMail(ctx.database.db, { ...mail, unlessQueuedSince: new Date(0) })).toBeNull();
    expect(await mailQueuedSince(ctx.database.db, { kind: mail.kind, reference: mail.reference!, since: before })).toBe(
      true,
    );
    expect(
      await mailQueuedSince(ctx.database.db, {
        kind: mail.kind,
        reference: mail.reference!,
        since: new Date(Date.now() + 60_000),
      }),
    ).toBe(false);
    expect(
      await mailQueuedSince(ctx.database.db, { kind: 'other-kind', reference: mail.reference!, since: before }),
    ).toBe(false);
    // Another reference is another occasion.
    expect(
      await queueMail(ctx.database.db, { ...mail, reference: `${mail.reference}-2`, unlessQueuedSince: new Date(0) }),
    ).not.toBeNull();
  });
});
