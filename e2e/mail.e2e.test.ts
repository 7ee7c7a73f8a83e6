import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/server/config.js';
import type { Db } from '../src/server/db/client.js';
import { mailOutbox, regions } from '../src/server/db/schema/index.js';
import { queueMail, type MailStatus } from '../src/server/mail/index.js';
import { startSmtpSink, type SmtpSink } from '../src/server/mail/testing/smtp-sink.js';
import {
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
  type AppInBrowser,
} from './harness.js';

const text =
  'Beste aanbieder,\n\nDe wachttijden van Jeugdhulp De Lekoever zijn 5 weken niet bevestigd. Bevestig ze of werk ze bij.\n\nRegio Lekstroom';

/** Queues a reminder through the outbox's public surface, as a module's job would, in the demo region. */
async function queueReminder(db: Db, subject: string): Promise<string> {
  const [region] = await db.select().from(regions);
  const mail = await queueMail(db, {
    regionId: region!.id,
    to: 'intake@lekoever.example.nl',
    subject,
    text,
    kind: 'availability-reminder',
    reference: `e2e-${subject}`,
  });
  return mail!.id;
}

/** Waits until the server's delivery job (asked for by queueMail) has dealt with the mail. */
async function settledStatus(db: Db, id: string): Promise<MailStatus> {
  for (let tries = 0; tries < 300; tries++) {
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    if (row && row.status !== 'queued') return row.status as MailStatus;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the delivery job did not take the mail within 30 s');
}

/** Opens Postvak uit through the menu and then the mail, checking both pages with axe; returns the list's rows. */
async function openOutbox(ctx: AppInBrowser, subject: string, name: string): Promise<string[][]> {
  await signInAs(ctx, 'beheerder');
  await followMenuLink(ctx.page, 'Postvak uit');
  await settle(ctx.page, 'Postvak uit');
  expect(await ctx.page.title()).toBe('Postvak uit | Zorglandschap');
  const rows = await tableRows(ctx.page, /e-mails?, nieuwste eerst$/);
  await screenshot(ctx.page, `postvak-uit-${name}`);
  await expectNoSeriousA11yViolations(ctx.page);
  await ctx.page.getByRole('link', { name: subject }).click();
  await settle(ctx.page, subject);
  expect(await ctx.page.getByRole('region', { name: 'Tekst' }).innerText()).toBe(text);
  await screenshot(ctx.page, `postvak-uit-${name}-detail`);
  await expectNoSeriousA11yViolations(ctx.page);
  return rows;
}

describe('the outbox on the embedded default (no mail server)', () => {
  const ctx = useAppInBrowser();

  it('shows the beheerder every mail that would have gone out, with its text, and can filter on status', async () => {
    const subject = 'Bevestig uw wachttijden';
    const id = await queueReminder(ctx.app.db, subject);
    expect(await settledStatus(ctx.app.db, id)).toBe('not-sent-no-smtp');
    const rows = await openOutbox(ctx, subject, 'zonder-mailserver');
    // The demo's stale availability entries made the reminders job write to their provider's account at start.
    expect(rows.filter((r) => r[2] !== subject)).toContainEqual([
      expect.any(String),
      'aanbieder@lekstroom.example.nl',
      'Beschikbaarheid van Jeugdhulp De Lekoever bijwerken',
      'availability-reminder',
      'Niet verzonden: geen mailserver ingesteld',
      '0',
      '—',
    ]);
    expect(rows.filter((r) => r[2] === subject)).toEqual([
      [
        expect.any(String),
        'intake@lekoever.example.nl',
        subject,
        'availability-reminder',
        'Niet verzonden: geen mailserver ingesteld',
        '0',
        '—',
      ],
    ]);
    expect(await ctx.page.getByText('Niet verzonden: geen mailserver ingesteld').count()).toBe(1); // the mail's page
    // At phone width the text and the list scroll in their own regions; the page itself does not widen.
    await ctx.page.setViewportSize({ width: 390, height: 844 });
    for (const path of [new URL(ctx.page.url()).pathname, '/beheer/postvak-uit']) {
      await ctx.page.goto(`${ctx.app.baseUrl}${path}`);
      await settle(ctx.page);
      expect(await ctx.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await ctx.page.setViewportSize({ width: 1280, height: 900 });
    await ctx.page.goBack();
    await settle(ctx.page, subject);
    // Sent again on request (after a mail server was configured, say); here it ends as not sent again.
    await ctx.page.getByRole('button', { name: 'Opnieuw verzenden' }).click();
    await ctx.page
      .getByRole('status')
      .filter({ hasText: 'De e-mail staat weer klaar om verzonden te worden.' })
      .waitFor();
    expect(await settledStatus(ctx.app.db, id)).toBe('not-sent-no-smtp');

    await ctx.page.goto(`${ctx.app.baseUrl}/beheer/postvak-uit`);
    await settle(ctx.page, 'Postvak uit');
    await ctx.page.getByLabel('Status').selectOption({ label: 'Verzonden' });
    await ctx.page.getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.getByText('Geen e-mails gevonden.').waitFor();
    expect(new URL(ctx.page.url()).searchParams.get('status')).toBe('sent');
  });

  it('is not there for the contract manager', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/beheer/postvak-uit`);
    await settle(ctx.page, 'Geen toegang');
  });
});

describe('the outbox with a mail server (SMTP_URL)', () => {
  let sink: SmtpSink;
  const config: Partial<Config> = { mailFrom: 'Regio Lekstroom <noreply@lekstroom.example.nl>' };
  // Registered before the app's hooks, so the server starts with the sink's address.
  beforeAll(async () => {
    sink = await startSmtpSink();
    config.smtpUrl = sink.url;
  });
  afterAll(async () => {
    await sink?.close();
  });
  const ctx = useAppInBrowser({ config });

  it('sends a queued mail through the server and shows it as sent', async () => {
    const subject = 'Uw wachttijden zijn verouderd';
    const id = await queueReminder(ctx.app.db, subject);
    // The reminders job wrote to the demo provider about its stale entries at start: that mail arrives too (and the
    // meeting reminders' mails, which this test does not read).
    const reminderSubject = 'Beschikbaarheid van Jeugdhulp De Lekoever bijwerken';
    await sink.waitUntil((mails) => [subject, reminderSubject].every((s) => mails.some((m) => m.subject === s)));
    const arrived = sink.received.find((m) => m.subject === subject);
    const reminder = sink.received.find((m) => m.subject === reminderSubject);
    expect(reminder?.to).toMatchObject({ value: [{ address: 'aanbieder@lekstroom.example.nl' }] });
    expect(reminder?.text).toContain('bevestigen vóór');
    expect(arrived!.text?.trim()).toBe(text);
    expect(arrived!.from?.value).toEqual([{ name: 'Regio Lekstroom', address: 'noreply@lekstroom.example.nl' }]);
    expect(await settledStatus(ctx.app.db, id)).toBe('sent');
    const rows = await openOutbox(ctx, subject, 'verzonden');
    expect(rows.filter((r) => r[2] === subject)).toEqual([
      [expect.any(String), 'intake@lekoever.example.nl', subject, 'availability-reminder', 'Verzonden', '1', '—'],
    ]);
  });
});
