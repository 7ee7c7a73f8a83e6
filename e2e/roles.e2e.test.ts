import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/domain.js';
import { demoPassword, demoUsers, menuOutline, screenshot, signIn, submitSignIn, useAppInBrowser } from './harness.js';

/** The main menu each role should see, in order: a section with one entry for the role is that entry's link. */
const expectedMenu: Record<Role, string[]> = {
  beheerder: [
    'Overzicht',
    'Landschap: Aanbieders, Combinaties, Contracten, Producten, Budgetten, Realisatie, Regio',
    'Contracten en inkoop: Contractkalender, Indeling van aanbieders, Overleggen, Jaarplanner overleggen, Ontwikkelopgaven, Veelgestelde vragen',
    'Berichten: Berichten, Trajecten',
    'Sturing: Dashboard, Doelrealisatie',
    'Instrumenten: Beschikbaarheid zoeken, Beschikbaarheid, Wachttijden in de regio, Bijhouden van de beschikbaarheid, Instellingen beschikbaarheid, Ervaringwijzer: uitnodigingen, Ervaringwijzer: vragenlijsten, Ervaringwijzer: uitkomsten',
    'Beheer: Gebruikers, Audit-log, Achtergrondtaken, Postvak uit',
  ],
  contractmanager: [
    'Overzicht',
    'Landschap: Aanbieders, Combinaties, Contracten, Producten, Budgetten, Realisatie, Regio',
    'Contracten en inkoop: Contractkalender, Indeling van aanbieders, Overleggen, Jaarplanner overleggen, Ontwikkelopgaven, Veelgestelde vragen',
    'Berichten: Berichten, Trajecten',
    'Sturing: Dashboard, Doelrealisatie',
    'Instrumenten: Beschikbaarheid zoeken, Beschikbaarheid, Wachttijden in de regio, Bijhouden van de beschikbaarheid, Instellingen beschikbaarheid, Ervaringwijzer: uitnodigingen, Ervaringwijzer: vragenlijsten, Ervaringwijzer: uitkomsten, Ervaringwijzer: open antwoorden',
  ],
  beleid: [
    'Overzicht',
    'Landschap: Aanbieders, Combinaties, Contracten, Producten, Budgetten, Realisatie, Regio',
    'Contracten en inkoop: Contractkalender, Indeling van aanbieders, Overleggen, Jaarplanner overleggen, Ontwikkelopgaven, Veelgestelde vragen',
    'Berichten',
    'Sturing: Dashboard, Doelrealisatie',
    'Instrumenten: Beschikbaarheid zoeken, Beschikbaarheid, Wachttijden in de regio, Ervaringwijzer: vragenlijsten, Ervaringwijzer: uitkomsten',
  ],
  verwijzer: [
    'Overzicht',
    'Landschap: Aanbieders, Combinaties, Contracten, Producten',
    'Instrumenten: Beschikbaarheid zoeken, Wachttijden in de regio',
  ],
  aanbieder: [
    'Overzicht',
    'Landschap: Aanbieders, Combinaties, Contracten, Producten',
    'Contracten en inkoop: Overleggen, Ontwikkelopgaven, Veelgestelde vragen',
    'Trajecten',
    'Sturing: Dashboard, Doelrealisatie',
    'Instrumenten: Beschikbaarheid, Ervaringwijzer: uitnodigingen, Ervaringwijzer: vragenlijsten, Ervaringwijzer: uitkomsten',
  ],
};

describe('signing in per role', () => {
  const ctx = useAppInBrowser();

  beforeEach(async () => {
    // The language choice lives in localStorage; every test starts in Dutch.
    await ctx.page.goto(`${ctx.app.baseUrl}/inloggen`);
    await ctx.page.evaluate(() => localStorage.clear());
  });

  for (const user of demoUsers) {
    it(`brings the ${user.role} to the overview with the menu its permissions allow`, async () => {
      await signIn(ctx.page, ctx.app.baseUrl, user.email, demoPassword);
      await ctx.page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      expect(new URL(ctx.page.url()).pathname).toBe('/');
      expect(await ctx.page.title()).toBe('Overzicht | Zorglandschap');
      const header = ctx.page.getByRole('banner');
      expect(await header.innerText()).toContain(user.name);
      expect(await header.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
      expect(await menuOutline(ctx.page)).toEqual(expectedMenu[user.role]);
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
    await submitSignIn(ctx.page, ctx.app.baseUrl, demoUsers[0]!.email, 'fout-wachtwoord');
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
    expect(await menuOutline(ctx.page, 'Main menu')).toEqual([
      'Overview',
      'Landscape: Providers, Combinations, Contracts, Products, Budgets, Realisation, Region',
      'Contracts and procurement: Contract calendar, Provider tiers, Meetings, Meeting year planner, Development tasks, Frequently asked questions',
      'Messages: Messages, Trajectories',
      'Steering: Dashboard, Goal attainment',
      'Instruments: Search availability, Availability, Waits in the region, Keeping availability current, Availability settings, Ervaringwijzer: invitations, Ervaringwijzer: questionnaires, Ervaringwijzer: results, Ervaringwijzer: open answers',
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
