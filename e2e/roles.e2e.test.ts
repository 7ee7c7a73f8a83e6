import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../src/shared/domain.js';
import {
  collectPageErrors, demoPassword, demoUsers, launchBrowser, screenshot, signIn, startApp, type RunningApp,
} from './harness.js';

/** The main menu each role should see, in order. */
const expectedNav: Record<Role, string[]> = {
  beheerder: ['Overzicht', 'Aanbieders', 'Combinaties', 'Contracten', 'Producten', 'Budgetten', 'Regio', 'Berichten', 'Trajecten', 'Dashboard', 'Gebruikers', 'Audit-log'],
  contractmanager: ['Overzicht', 'Aanbieders', 'Combinaties', 'Contracten', 'Producten', 'Budgetten', 'Regio', 'Berichten', 'Trajecten', 'Dashboard'],
  beleid: ['Overzicht', 'Aanbieders', 'Combinaties', 'Contracten', 'Producten', 'Budgetten', 'Regio', 'Berichten', 'Dashboard'],
  verwijzer: ['Overzicht', 'Aanbieders', 'Combinaties', 'Contracten', 'Producten'],
  aanbieder: ['Overzicht', 'Aanbieders', 'Contracten', 'Producten', 'Trajecten', 'Dashboard'],
};

async function navLinks(page: Page, name = 'Hoofdmenu'): Promise<string[]> {
  const nav = page.getByRole('navigation', { name });
  await nav.waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
}

describe('signing in per role', () => {
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
    // The language choice lives in localStorage; every test starts in Dutch.
    await page.goto(`${app.baseUrl}/inloggen`);
    await page.evaluate(() => localStorage.clear());
  });

  for (const user of demoUsers) {
    it(`brings the ${user.role} to the overview with the right menu`, async () => {
      await signIn(page, app.baseUrl, user.email, demoPassword);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.title()).toBe('Overzicht | Zorglandschap');
      const header = page.getByRole('banner');
      expect(await header.innerText()).toContain(user.name);
      expect(await header.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
      expect(await navLinks(page)).toEqual(expectedNav[user.role]);
      await screenshot(page, `start-${user.role}`);
    });
  }

  it('sends an anonymous visitor to /inloggen and back to the page asked for', async () => {
    await page.goto(`${app.baseUrl}/contracten?q=LEK`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/inloggen');
    expect(url.searchParams.get('terug')).toBe('/contracten?q=LEK');
    await page.getByLabel('E-mailadres', { exact: true }).fill(demoUsers[1]!.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/contracten');
    expect(await page.getByLabel('Zoeken', { exact: true }).inputValue()).toBe('LEK');
  });

  it('shows the API message in an alert after a wrong password', async () => {
    await page.goto(`${app.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres', { exact: true }).fill(demoUsers[0]!.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    const api = await fetch(`${app.baseUrl}/api/v1/sessions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoUsers[0]!.email, password: 'fout-wachtwoord' }),
    });
    const problem = (await api.json()) as { detail: string };
    expect(api.status).toBe(401);
    expect((await alert.innerText()).trim()).toBe(problem.detail);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
  });

  it('signs out with "Uitloggen" and then guards the pages again', async () => {
    await signIn(page, app.baseUrl, demoUsers[0]!.email, demoPassword);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.goto(`${app.baseUrl}/aanbieders`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
  });

  it('switches to English and remembers the choice', async () => {
    await signIn(page, app.baseUrl, demoUsers[1]!.email, demoPassword);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    expect(await navLinks(page, 'Main menu')).toEqual(['Overview', 'Providers', 'Combinations', 'Contracts', 'Products', 'Budgets', 'Region', 'Messages', 'Trajectories', 'Dashboard']);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
  });

  it('offers a skip link to the main content as the first stop', async () => {
    await signIn(page, app.baseUrl, demoUsers[1]!.email, demoPassword);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect((await focused.innerText()).trim()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
  });

  it('raised no script errors in the browser', () => {
    expect(pageErrors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
