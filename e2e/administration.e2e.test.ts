import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/server/config.js';
import { startSmtpSink, type SmtpSink } from '../src/server/mail/testing/smtp-sink.js';
import {
  demoEmail,
  demoPassword,
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signIn,
  signInAs,
  submitSignIn,
  tableRows,
  useAppInBrowser,
} from './harness.js';

const subject = 'Stel een nieuw wachtwoord in voor Zorglandschap';
const newPassword = 'fietsen langs de lek in mei';

/** Waits for the reset mail at the loopback SMTP server (the reminders job may have sent others first). */
async function resetMail(sink: SmtpSink): Promise<ParsedMail> {
  for (let tries = 0; tries < 600; tries++) {
    const mail = sink.received.find((m) => m.subject === subject);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the reset mail did not arrive within 60 s');
}

/** A Bearer token for an account, through the sign-in operation. */
async function tokenFor(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

async function editNotes(baseUrl: string, token: string, contractId: string, notes: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/contracts/${contractId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ notes }),
  });
  expect(res.status).toBe(200);
}

describe('administration with a mail server: a password reset, and the audit log filtered', () => {
  let sink: SmtpSink;
  const config: Partial<Config> = { mailFrom: 'Regio Lekstroom <noreply@lekstroom.example.nl>' };
  beforeAll(async () => {
    sink = await startSmtpSink();
    config.smtpUrl = sink.url;
  });
  afterAll(async () => {
    await sink?.close();
  });
  const ctx = useAppInBrowser({ config, clearCookies: false });
  const cm = demoEmail('contractmanager');

  let shown = '';

  it('lets the beheerder make a one-time link for a new password, shown once and mailed to the user', async () => {
    const { page } = ctx;
    await signInAs(ctx, 'beheerder');
    await followMenuLink(page, 'Gebruikers');
    await settle(page, 'Gebruikers');
    await page.getByRole('link', { name: 'Cas Contractmanager', exact: true }).click();
    await settle(page, 'Cas Contractmanager wijzigen');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Link maken voor een nieuw wachtwoord' }).click();
    await page.getByText(`De link is gemaakt en naar ${cm} gestuurd.`).waitFor();
    shown = await page.getByLabel('Link voor een nieuw wachtwoord').inputValue();
    expect(shown).toMatch(new RegExp(`^${ctx.app.baseUrl}/wachtwoord-instellen#[\\w-]{43}$`));
    await screenshot(page, 'gebruiker-resetlink');
    await expectNoSeriousA11yViolations(page);

    const mail = await resetMail(sink);
    expect(mail.to).toMatchObject({ value: [{ address: cm }] });
    expect(mail.text).toContain(shown);
    expect(mail.text).toContain('Bea Beheerder');
  });

  it('lets the link’s holder, signed out, set a new password there; a common one is refused first', async () => {
    const { page } = ctx;
    await ctx.browser.clearCookies();
    await page.goto(shown);
    await settle(page, 'Nieuw wachtwoord instellen');
    await page.getByText(`Voor Cas Contractmanager (${cm}).`, { exact: false }).waitFor();
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('welkom123456');
    await page.getByLabel('Nieuw wachtwoord herhalen').fill('welkom123456');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByText('is een veelgebruikt wachtwoord', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
    await page.getByLabel('Nieuw wachtwoord herhalen').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await settle(page, 'Uw wachtwoord is ingesteld');
    await expectNoSeriousA11yViolations(page);
  });

  it('lets the user sign in with the new password, not the old one; Mijn wachtwoord asks the current one; the used link explains itself', async () => {
    const { page } = ctx;
    await submitSignIn(page, ctx.app.baseUrl, cm, demoPassword);
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    await signIn(page, ctx.app.baseUrl, cm, newPassword);
    await settle(page);
    expect(await page.getByText('Cas Contractmanager', { exact: true }).count()).toBeGreaterThan(0);

    // Signed in, the header offers "Mijn wachtwoord"; a wrong current password is named, nothing changes.
    await page.getByRole('banner').getByRole('link', { name: 'Mijn wachtwoord' }).click();
    await settle(page, 'Mijn wachtwoord');
    await page.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nog een hele andere zin');
    await page.getByLabel('Nieuw wachtwoord herhalen').fill('nog een hele andere zin');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('het huidige wachtwoord klopt niet').first().waitFor();
    await expectNoSeriousA11yViolations(page);

    await ctx.browser.clearCookies();
    await page.goto(shown);
    await settle(page, 'Deze link werkt niet meer');
    await page.getByText('Deze link is al gebruikt of vervangen door een nieuwere.', { exact: false }).waitFor();
    await screenshot(page, 'resetlink-gebruikt');
    await expectNoSeriousA11yViolations(page);
  });

  it('filters the audit log to one person’s changes of one contract, with readable names and links', async () => {
    const { page } = ctx;
    const cmToken = await tokenFor(ctx.app.baseUrl, cm, newPassword);
    const headToken = await tokenFor(ctx.app.baseUrl, demoEmail('beheerder'), demoPassword);
    const list = await fetch(`${ctx.app.baseUrl}/api/v1/contracts?pageSize=2`, {
      headers: { Authorization: `Bearer ${cmToken}` },
    });
    const [first, second] = ((await list.json()) as { data: Array<{ id: string; reference: string }> }).data;
    await editNotes(ctx.app.baseUrl, cmToken, first!.id, 'Afspraak met de aanbieder vastgelegd');
    await editNotes(ctx.app.baseUrl, headToken, first!.id, 'Gecontroleerd door de beheerder');
    await editNotes(ctx.app.baseUrl, cmToken, first!.id, 'Verlenging besproken');
    await editNotes(ctx.app.baseUrl, cmToken, second!.id, 'Ander contract');

    await ctx.browser.clearCookies();
    await signInAs(ctx, 'beheerder');
    await followMenuLink(page, 'Audit-log');
    await settle(page, 'Audit-log');
    await screenshot(page, 'audit-log');
    await page.getByLabel('Persoon').selectOption({ label: `Cas Contractmanager (${cm})` });
    await page.getByLabel('Soort object').selectOption({ label: 'Contract' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('table', { name: '3 gebeurtenissen, nieuwste eerst' }).waitFor();
    await page
      .getByRole('link', { name: `Alleen dit object (${first!.reference})` })
      .first()
      .click();
    await page.getByRole('table', { name: '2 gebeurtenissen, nieuwste eerst' }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('entityId')).toBe(first!.id);
    expect(url.searchParams.get('userId')).toBeTruthy();
    const rows = await tableRows(page, '2 gebeurtenissen, nieuwste eerst');
    expect(rows.map((r) => r.slice(1, 4))).toEqual([
      [cm, 'Gewijzigd', `Contract: ${first!.reference}`],
      [cm, 'Gewijzigd', `Contract: ${first!.reference}`],
    ]);
    const objectLinks = page.getByRole('link', { name: first!.reference, exact: true });
    expect(await objectLinks.first().getAttribute('href')).toBe(`/contracten/${first!.id}`);
    const csv = page.getByRole('link', { name: 'CSV downloaden' });
    expect(await csv.getAttribute('href')).toContain(`entityId=${first!.id}`);
    await screenshot(page, 'audit-log-gefilterd');
    await expectNoSeriousA11yViolations(page);
  });
});
