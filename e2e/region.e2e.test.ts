import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  collectPageErrors, demoEmail, demoPassword, expectNoSeriousA11yViolations, launchBrowser, screenshot, signIn, startApp,
  type RunningApp,
} from './harness.js';

/** Waits for the page's h1 and until no "Laden…" is left in the main landmark. */
async function settle(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Laden…'));
}

/** The rows of a table as arrays of trimmed cell texts (header cells included). */
async function tableRows(page: Page, name: string | RegExp): Promise<string[][]> {
  const rows = page.getByRole('table', { name, exact: typeof name === 'string' }).locator('tbody tr');
  const result: string[][] = [];
  for (const row of await rows.all()) result.push((await row.locator('th, td').allInnerTexts()).map((s) => s.trim()));
  return result;
}

/** Reads the API as the contract manager, with a Bearer token. */
async function apiGet<T>(baseUrl: string, path: string): Promise<T> {
  const session = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('contractmanager'), password: demoPassword }),
  });
  const { token } = (await session.json()) as { token: string };
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

describe('region, combinations and provider filters', () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = browser.pages()[0] ?? (await browser.newPage());
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  beforeEach(async () => {
    await browser.clearCookies();
  });

  it('lets a contract manager add a lot and a tier level and see them in the tables', async () => {
    await signIn(page, app.baseUrl, demoEmail('contractmanager'), demoPassword);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regio' }).click();
    await settle(page, 'Regio Lekstroom');
    expect(await page.title()).toBe('Regio Lekstroom | Zorglandschap');

    const lots = page.getByRole('form', { name: 'Perceel toevoegen' });
    await lots.getByLabel('Code', { exact: true }).fill('AMB');
    await lots.getByLabel('Naam', { exact: true }).fill('Nog een ambulant');
    await lots.getByRole('button', { name: 'Toevoegen' }).click();
    expect(await page.locator('#perceel-code-error').innerText()).toBe('perceelcode AMB bestaat al in deze regio');
    expect(await lots.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await lots.getByLabel('Code', { exact: true }).fill('WON');
    await lots.getByLabel('Naam', { exact: true }).fill('Wonen');
    await lots.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'WON – Wonen is toegevoegd.' }).waitFor();
    expect(await tableRows(page, 'Percelen')).toContainEqual(['WON', 'Wonen']);
    expect(await page.locator('#perceel-code-error').count()).toBe(0);
    expect(await lots.getByLabel('Code', { exact: true }).inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('perceel-code');

    const tiers = page.getByRole('form', { name: 'Niveau toevoegen' });
    await tiers.getByRole('group', { name: 'Indeling' }).getByLabel('Rol', { exact: true }).check();
    await tiers.getByLabel('Code', { exact: true }).fill('D');
    await tiers.getByLabel('Naam', { exact: true }).fill('D innovatieaanbieder');
    await tiers.getByLabel('Omschrijving', { exact: true }).fill('Pilots en nieuwe vormen van zorg');
    await tiers.getByLabel('Accountgesprekken per jaar', { exact: true }).fill('1');
    await tiers.getByLabel('Sluit uit', { exact: true }).selectOption('C');
    await tiers.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'D – D innovatieaanbieder is toegevoegd aan Rol.' }).waitFor();
    const added = (await tableRows(page, 'Rol')).find((r) => r[0] === 'D');
    expect(added?.slice(0, 5)).toEqual(['D', 'D innovatieaanbieder', 'Pilots en nieuwe vormen van zorg', '1', 'C']);

    // Change a level in place: the form opens under its table with focus, and focus returns to the row.
    await page.getByRole('button', { name: 'Bewerken B – B prestatieaanbieder' }).click();
    const edit = page.getByRole('form', { name: 'B – B prestatieaanbieder bewerken' });
    await edit.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('niveau-wijzigen-name');
    await edit.getByLabel('Accountgesprekken per jaar', { exact: true }).fill('veel');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.locator('#niveau-wijzigen-accountMeetingsPerYear-error').innerText()).toBe('moet een heel getal zijn');
    await edit.getByLabel('Accountgesprekken per jaar', { exact: true }).fill('4');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'B – B prestatieaanbieder is opgeslagen.' }).waitFor();
    expect(await edit.count()).toBe(0);
    expect((await tableRows(page, 'Rol')).find((r) => r[0] === 'B')?.[3]).toBe('4');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('B – B prestatieaanbieder');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'regio-toegevoegd');

    // The new lot is offered elsewhere at once, without a reload.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contracten' }).click();
    await settle(page, 'Contracten');
    expect(await page.getByLabel('Perceel', { exact: true }).locator('option').allInnerTexts()).toContain('WON – Wonen');
  });

  it('shows the field error for a CBS code that is not 4 digits, in the summary and under the field', async () => {
    await signIn(page, app.baseUrl, demoEmail('contractmanager'), demoPassword);
    await page.goto(`${app.baseUrl}/regio`);
    await settle(page, 'Regio Lekstroom');
    const form = page.getByRole('form', { name: 'Gemeente toevoegen' });
    await form.getByLabel('CBS-code', { exact: true }).fill('356');
    await form.getByLabel('Naam', { exact: true }).fill('Nieuwegein-Zuid');
    await form.getByRole('button', { name: 'Toevoegen' }).click();

    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Er zijn fouten' }) });
    await summary.waitFor();
    expect((await summary.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual(['CBS-code: moet een CBS-gemeentecode van 4 cijfers zijn']);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const cbs = form.getByLabel('CBS-code', { exact: true });
    expect(await page.locator('#gemeente-cbsCode-error').innerText()).toBe('moet een CBS-gemeentecode van 4 cijfers zijn');
    expect(await cbs.getAttribute('aria-invalid')).toBe('true');
    expect(await cbs.getAttribute('aria-describedby')).toContain('gemeente-cbsCode-error');
    expect(await cbs.inputValue()).toBe('356');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gemeente-cbsCode');
    expect(await tableRows(page, 'Gemeenten')).not.toContainEqual(['356', 'Nieuwegein-Zuid']);
    await screenshot(page, 'regio-cbs-fout');
    await expectNoSeriousA11yViolations(page);
  });

  it('lets a contract manager record a combination and find it in the list and on the lead provider\'s page', async () => {
    await signIn(page, app.baseUrl, demoEmail('contractmanager'), demoPassword);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Combinaties' }).click();
    await settle(page, 'Combinaties');
    await page.getByLabel('Naam', { exact: true }).fill('Combinatie Crisis en Forensisch');
    const lead = page.getByLabel('Hoofdaannemer', { exact: true });
    await lead.locator('option', { hasText: 'Crisisdienst Lek en IJssel' }).waitFor({ state: 'attached' });
    await lead.selectOption({ label: 'Crisisdienst Lek en IJssel (99000044)' });
    const subs = page.getByRole('group', { name: 'Onderaannemers' });
    expect(await subs.getByLabel('Crisisdienst Lek en IJssel (99000044)').count()).toBe(0);
    await subs.getByLabel('Forensisch Jeugdteam Midden (99000088)').check();
    await subs.getByLabel('Praktijk Vaartse Rijn (99000033)').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.getByRole('status').filter({ hasText: 'Combinatie Crisis en Forensisch is toegevoegd.' }).waitFor();
    const row = (await tableRows(page, /combinaties$/)).find((r) => r[0] === 'Combinatie Crisis en Forensisch');
    expect(row?.[1]).toBe('Crisisdienst Lek en IJssel');
    expect(row?.[2]?.split('\n')).toEqual(['Forensisch Jeugdteam Midden', 'Praktijk Vaartse Rijn']);
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'combinatie-toegevoegd');

    await page.getByRole('row', { name: /Combinatie Crisis en Forensisch/ }).getByRole('link', { name: 'Crisisdienst Lek en IJssel' }).click();
    await settle(page, 'Crisisdienst Lek en IJssel');
    expect(await tableRows(page, 'Combinaties van Crisisdienst Lek en IJssel')).toEqual([
      ['Combinatie Crisis en Forensisch', 'Hoofdaannemer', 'Crisisdienst Lek en IJssel'],
    ]);

    // A subcontractor's page lists it too, with its own role.
    await page.goto(`${app.baseUrl}/aanbieders?q=Vaartse`);
    await page.getByRole('link', { name: 'Praktijk Vaartse Rijn' }).click();
    await settle(page, 'Praktijk Vaartse Rijn');
    expect(await tableRows(page, 'Combinaties van Praktijk Vaartse Rijn')).toEqual([
      ['Combinatie Crisis en Forensisch', 'Onderaannemer', 'Crisisdienst Lek en IJssel'],
    ]);
  });

  it('shows a policy officer the region without add or edit forms', async () => {
    await signIn(page, app.baseUrl, demoEmail('beleid'), demoPassword);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regio' }).click();
    await settle(page, 'Regio Lekstroom');
    for (const heading of ['Gemeenten', 'Percelen', 'Begrotingsposten', 'Niveaus', 'Omvang en risico', 'Rol']) {
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    expect(await tableRows(page, 'Gemeenten')).toContainEqual(['0356', 'Nieuwegein']);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    expect(await page.locator('main input, main select, main textarea').count()).toBe(0);
    await screenshot(page, 'regio-beleid');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${app.baseUrl}/combinaties`);
    await settle(page, 'Combinaties');
    expect(await page.getByRole('form').count()).toBe(0);
  });

  it('keeps /regio and /combinaties from roles that may not see them', async () => {
    await signIn(page, app.baseUrl, demoEmail('verwijzer'), demoPassword);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Regio' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Combinaties' }).count()).toBe(1);
    await page.goto(`${app.baseUrl}/regio`);
    await settle(page, 'Geen toegang');
    await browser.clearCookies();
    await signIn(page, app.baseUrl, demoEmail('aanbieder'), demoPassword);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Combinaties' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/combinaties`);
    await settle(page, 'Geen toegang');
  });

  it('has no serious accessibility violations on /regio and /combinaties, with every form open', async () => {
    await signIn(page, app.baseUrl, demoEmail('beheerder'), demoPassword);
    await page.goto(`${app.baseUrl}/regio`);
    await settle(page, 'Regio Lekstroom');
    await page.getByRole('button', { name: /^Bewerken hoog/ }).click();
    await page.getByRole('form', { name: /bewerken$/ }).waitFor();
    // Two forms failing at once: each summary keeps its own heading id.
    await page.getByRole('form', { name: 'Niveau toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('form', { name: 'Begrotingspost toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
    await page.locator('#post-code-error').waitFor();
    await page.locator('#niveau-scheme-error').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'a11y-regio');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${app.baseUrl}/combinaties`);
    await settle(page, 'Combinaties');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('#combinatie-name-error').waitFor();
    await screenshot(page, 'a11y-combinaties');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await settle(page, 'Combinations');
    await page.getByRole('heading', { name: 'New combination' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await settle(page, 'Combinaties');
  });

  it('filters the provider list by tier and by status', async () => {
    await signIn(page, app.baseUrl, demoEmail('contractmanager'), demoPassword);
    await page.goto(`${app.baseUrl}/aanbieders`);
    await settle(page, 'Aanbieders');
    const tier = page.getByLabel('Niveau', { exact: true });
    await tier.locator('option', { hasText: 'Omvang en risico: Hoog' }).waitFor({ state: 'attached' });
    await tier.selectOption({ label: 'Omvang en risico: Hoog' });
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('niveau'));
    await page.locator('table caption').filter({ hasText: 'gevonden' }).waitFor();
    const tierLevelId = new URL(page.url()).searchParams.get('niveau')!;
    const expected = await apiGet<{ data: Array<{ name: string; tiers: Array<{ id: string }> }> }>(app.baseUrl, `/providers?tierLevelId=${tierLevelId}`);
    expect(expected.data.length).toBeGreaterThan(0);
    expect(expected.data.every((p) => p.tiers.some((t) => t.id === tierLevelId))).toBe(true);
    const rows = await tableRows(page, /aanbieders gevonden$/);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.data.map((p) => p.name).sort());
    expect(rows.every((r) => r[3]?.split(', ').includes('Hoog'))).toBe(true);
    await screenshot(page, 'aanbieders-niveau');
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Niet actief' });
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'niet-actief');
    await page.locator('table caption').filter({ hasText: '0 aanbieders gevonden' }).waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Actief' });
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'actief');
    await page.locator('table caption').filter({ hasText: `${expected.data.length} aanbieders gevonden` }).waitFor();
    expect(await page.getByLabel('Niveau', { exact: true }).inputValue()).toBe(tierLevelId);
  });

  it('offers "Inloggen via uw organisatie" only when the server has OIDC, as a plain link back to the page asked for', async () => {
    await page.goto(`${app.baseUrl}/inloggen?terug=${encodeURIComponent('/contracten?q=LEK')}`);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).count()).toBe(0);

    await page.route('**/api/v1/auth/methods', (route) => route.fulfill({ json: { password: true, oidc: true } }));
    try {
      await page.reload();
      const link = page.getByRole('link', { name: 'Inloggen via uw organisatie' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/api/v1/auth/oidc/login?returnTo=${encodeURIComponent('/contracten?q=LEK')}`);
      await screenshot(page, 'inloggen-oidc');
      await expectNoSeriousA11yViolations(page);
    } finally {
      await page.unroute('**/api/v1/auth/methods');
    }
  });

  it('raised no script errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
