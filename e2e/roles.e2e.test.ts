import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '../src/shared/domain.js';
import { demoPassword, demoUsers, screenshot, signIn, useAppInBrowser } from './harness.js';

/** The main menu each role should see, in order. */
const expectedNav: Record<Role, string[]> = {
  beheerder: [
    'Overzicht',
    'Aanbieders',
    'Combinaties',
    'Contracten',
    'Producten',
    'Budgetten',
    'Regio',
    'Berichten',
    'Trajecten',
    'Dashboard',
    'Gebruikers',
    'Audit-log',
  ],
  contractmanager: [
    'Overzicht',
    'Aanbieders',
    'Combinaties',
    'Contracten',
    'Producten',
    'Budgetten',
    'Regio',
    'Berichten',
    'Trajecten',
    'Dashboard',
  ],
  beleid: [
    'Overzicht',
    'Aanbieders',
    'Combinaties',
    'Contracten',
    'Producten',
    'Budgetten',
    'Regio',
    'Berichten',
    'Dashboard',
  ],
  verwijzer: ['Overzicht', 'Aanbieders', 'Combinaties', 'Contracten', 'Producten'],
  aanbieder: ['Overzicht', 'Aanbieders', 'Combinaties', 'Contracten', 'Producten', 'Trajecten', 'Dashboard'],
};

/** The overview's "Verder" links each role should see; a verwijzer has none, and then no heading either. */
const expectedFurther: Record<Role, string[]> = {
  beheerder: [
    'Sturingsinformatie op het dashboard',
    'Budgetten per gemeente en post',
    'Nieuwe aanbieder',
    'Nieuw contract',
    'Gebruikers beheren',
    'Audit-log bekijken',
  ],
  contractmanager: [
    'Sturingsinformatie op het dashboard',
    'Budgetten per gemeente en post',
    'Nieuwe aanbieder',
    'Nieuw contract',
  ],
  beleid: ['Sturingsinformatie op het dashboard', 'Budgetten per gemeente en post'],
  verwijzer: [],
  aanbieder: ['Sturingsinformatie op het dashboard', 'Gegevens van uw organisatie'],
};

async function navLinks(page: Page, name = 'Hoofdmenu'): Promise<string[]> {
  const nav = page.getByRole('navigation', { name });
  await nav.waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
}

describe('signing in per role', () => {
  const ctx = useAppInBrowser();

  beforeEach(async () => {
    // The language choice lives in localStorage; every test starts in Dutch.
    await ctx.page.goto(`${ctx.app.baseUrl}/inloggen`);
    await ctx.page.evaluate(() => localStorage.clear());
  });

  for (const user of demoUsers) {
    it(`brings the ${user.role} to the overview with the right menu`, async () => {
      await signIn(ctx.page, ctx.app.baseUrl, user.email, demoPassword);
      await ctx.page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      expect(new URL(ctx.page.url()).pathname).toBe('/');
      expect(await ctx.page.title()).toBe('Overzicht | Zorglandschap');
      const header = ctx.page.getByRole('banner');
      expect(await header.innerText()).toContain(user.name);
      expect(await header.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
      expect(await navLinks(ctx.page)).toEqual(expectedNav[user.role]);
      const further = ctx.page.getByRole('heading', { level: 2, name: 'Verder' });
      expect(await further.count()).toBe(expectedFurther[user.role].length ? 1 : 0);
      if (expectedFurther[user.role].length) {
        const links = ctx.page.locator('h2:has-text("Verder") + ul').getByRole('link');
        expect((await links.allInnerTexts()).map((s) => s.trim())).toEqual(expectedFurther[user.role]);
      }
      await screenshot(ctx.page, `start-${user.role}`);
    });
  }

  it('sends an anonymous visitor to /inloggen and back to the page asked for', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/contracten?q=LEK`);
    await ctx.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    const url = new URL(ctx.page.url());
    expect(url.pathname).toBe('/inloggen');
    expect(url.searchParams.get('terug')).toBe('/contracten?q=LEK');
    await ctx.page.getByLabel('E-mailadres', { exact: true }).fill(demoUsers[1]!.email);
    await ctx.page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassword);
    await ctx.page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await ctx.page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
    expect(new URL(ctx.page.url()).pathname).toBe('/contracten');
    expect(await ctx.page.getByLabel('Zoeken', { exact: true }).inputValue()).toBe('LEK');
  });

  it('shows the API message in an alert after a wrong password', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/inloggen`);
    await ctx.page.getByLabel('E-mailadres', { exact: true }).fill(demoUsers[0]!.email);
    await ctx.page.getByLabel('Wachtwoord', { exact: true }).fill('fout-wachtwoord');
    await ctx.page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const alert = ctx.page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    const api = await fetch(`${ctx.app.baseUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoUsers[0]!.email, password: 'fout-wachtwoord' }),
    });
    const problem = (await api.json()) as { detail: string };
    expect(api.status).toBe(401);
    expect((await alert.innerText()).trim()).toBe(problem.detail);
    expect(new URL(ctx.page.url()).pathname).toBe('/inloggen');
  });

  it('signs out with "Uitloggen" and then guards the pages again', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, demoUsers[0]!.email, demoPassword);
    await ctx.page.getByRole('button', { name: 'Uitloggen' }).click();
    await ctx.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders`);
    await ctx.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(new URL(ctx.page.url()).pathname).toBe('/inloggen');
  });

  it('switches to English and remembers the choice', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, demoUsers[1]!.email, demoPassword);
    await ctx.page.getByRole('button', { name: 'English' }).click();
    await ctx.page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await ctx.page.locator('html').getAttribute('lang')).toBe('en');
    await ctx.page.reload();
    expect(await navLinks(ctx.page, 'Main menu')).toEqual([
      'Overview',
      'Providers',
      'Combinations',
      'Contracts',
      'Products',
      'Budgets',
      'Region',
      'Messages',
      'Trajectories',
      'Dashboard',
    ]);
    await ctx.page.getByRole('button', { name: 'Nederlands' }).click();
    await ctx.page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    expect(await ctx.page.locator('html').getAttribute('lang')).toBe('nl');
  });

  it('offers a skip link to the main content as the first stop', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, demoUsers[1]!.email, demoPassword);
    await ctx.page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await ctx.page.keyboard.press('Tab');
    const focused = ctx.page.locator(':focus');
    expect((await focused.innerText()).trim()).toBe('Naar de inhoud');
    await ctx.page.keyboard.press('Enter');
    expect(await ctx.page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
