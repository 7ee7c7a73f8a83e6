import { describe, expect, it } from 'vitest';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
  followMenuLink,
  menuOutline,
} from './harness.js';

describe('region, combinations and provider filters', () => {
  const ctx = useAppInBrowser();

  it('lets a contract manager add a lot and a tier level and see them in the tables', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Regio');
    await settle(ctx.page, 'Regio Lekstroom');
    expect(await ctx.page.title()).toBe('Regio Lekstroom | Zorglandschap');

    const lots = ctx.page.getByRole('form', { name: 'Perceel toevoegen' });
    await lots.getByLabel('Code', { exact: true }).fill('AMB');
    await lots.getByLabel('Naam', { exact: true }).fill('Nog een ambulant');
    await lots.getByRole('button', { name: 'Toevoegen' }).click();
    expect(await ctx.page.locator('#perceel-code-error').innerText()).toBe('perceelcode AMB bestaat al in deze regio');
    expect(await lots.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await lots.getByLabel('Code', { exact: true }).fill('WON');
    await lots.getByLabel('Naam', { exact: true }).fill('Wonen');
    await lots.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'WON – Wonen is toegevoegd.' }).waitFor();
    // Code, name and status; an editor's rows end with their change and retire buttons.
    expect((await tableRows(ctx.page, 'Percelen')).map((r) => r.slice(0, 3))).toContainEqual([
      'WON',
      'Wonen',
      'In gebruik',
    ]);
    expect(await ctx.page.locator('#perceel-code-error').count()).toBe(0);
    expect(await lots.getByLabel('Code', { exact: true }).inputValue()).toBe('');
    expect(await ctx.page.evaluate(() => document.activeElement?.id)).toBe('perceel-code');

    const tiers = ctx.page.getByRole('form', { name: 'Niveau toevoegen' });
    await tiers.getByRole('group', { name: 'Indeling' }).getByLabel('Rol', { exact: true }).check();
    await tiers.getByLabel('Code', { exact: true }).fill('D');
    await tiers.getByLabel('Naam', { exact: true }).fill('D innovatieaanbieder');
    await tiers.getByLabel('Omschrijving', { exact: true }).fill('Pilots en nieuwe vormen van zorg');
    await tiers.getByLabel('Accountgesprekken per jaar', { exact: true }).fill('1');
    await tiers.getByLabel('Sluit uit', { exact: true }).selectOption('C');
    await tiers.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'D – D innovatieaanbieder is toegevoegd aan Rol.' }).waitFor();
    const added = (await tableRows(ctx.page, 'Rol')).find((r) => r[0] === 'D');
    expect(added?.slice(0, 5)).toEqual(['D', 'D innovatieaanbieder', 'Pilots en nieuwe vormen van zorg', '1', 'C']);

    // Change a level in place: the form opens under its table with focus, and focus returns to the row.
    await ctx.page.getByRole('button', { name: 'Bewerken B – B prestatieaanbieder' }).click();
    const edit = ctx.page.getByRole('form', { name: 'B – B prestatieaanbieder bewerken' });
    await edit.waitFor();
    expect(await ctx.page.evaluate(() => document.activeElement?.id)).toBe('niveau-wijzigen-name');
    await edit.getByLabel('Accountgesprekken per jaar', { exact: true }).fill('veel');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    expect(await ctx.page.locator('#niveau-wijzigen-accountMeetingsPerYear-error').innerText()).toBe(
      'moet een heel getal zijn',
    );
    await edit.getByLabel('Accountgesprekken per jaar', { exact: true }).fill('4');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'B – B prestatieaanbieder is opgeslagen.' }).waitFor();
    expect(await edit.count()).toBe(0);
    expect((await tableRows(ctx.page, 'Rol')).find((r) => r[0] === 'B')?.[3]).toBe('4');
    expect(await ctx.page.evaluate(() => document.activeElement?.textContent)).toContain('B – B prestatieaanbieder');
    await ctx.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(ctx.page, 'regio-toegevoegd');

    // The new lot is offered elsewhere at once, without a reload.
    await followMenuLink(ctx.page, 'Contracten');
    await settle(ctx.page, 'Contracten');
    expect(await ctx.page.getByLabel('Perceel', { exact: true }).locator('option').allInnerTexts()).toContain(
      'WON – Wonen',
    );
  });

  it('shows the field error for a CBS code that is not 4 digits, in the summary and under the field', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Regio Lekstroom');
    const form = ctx.page.getByRole('form', { name: 'Gemeente toevoegen' });
    await form.getByLabel('CBS-code', { exact: true }).fill('356');
    await form.getByLabel('Naam', { exact: true }).fill('Nieuwegein-Zuid');
    await form.getByRole('button', { name: 'Toevoegen' }).click();

    const summary = ctx.page
      .getByRole('alert')
      .filter({ has: ctx.page.getByRole('heading', { name: 'Er zijn fouten' }) });
    await summary.waitFor();
    expect((await summary.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual([
      'CBS-code: moet een CBS-gemeentecode van 4 cijfers zijn',
    ]);
    expect(await ctx.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const cbs = form.getByLabel('CBS-code', { exact: true });
    expect(await ctx.page.locator('#gemeente-cbsCode-error').innerText()).toBe(
      'moet een CBS-gemeentecode van 4 cijfers zijn',
    );
    expect(await cbs.getAttribute('aria-invalid')).toBe('true');
    expect(await cbs.getAttribute('aria-describedby')).toContain('gemeente-cbsCode-error');
    expect(await cbs.inputValue()).toBe('356');
    await summary.getByRole('link').click();
    expect(await ctx.page.evaluate(() => document.activeElement?.id)).toBe('gemeente-cbsCode');
    expect((await tableRows(ctx.page, 'Gemeenten')).map((r) => r.slice(0, 2))).not.toContainEqual([
      '356',
      'Nieuwegein-Zuid',
    ]);
    await screenshot(ctx.page, 'regio-cbs-fout');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it("lets a contract manager record a combination and find it in the list and on the lead provider's page", async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Combinaties');
    await settle(ctx.page, 'Combinaties');
    await ctx.page.getByLabel('Naam', { exact: true }).fill('Combinatie Crisis en Forensisch');
    const lead = ctx.page.getByLabel('Hoofdaannemer', { exact: true });
    await lead.locator('option', { hasText: 'Crisisdienst Lek en IJssel' }).waitFor({ state: 'attached' });
    await lead.selectOption({ label: 'Crisisdienst Lek en IJssel (99000044)' });
    const subs = ctx.page.getByRole('group', { name: 'Onderaannemers' });
    expect(await subs.getByLabel('Crisisdienst Lek en IJssel (99000044)').count()).toBe(0);
    await subs.getByLabel('Forensisch Jeugdteam Midden (99000088)').check();
    await subs.getByLabel('Praktijk Vaartse Rijn (99000033)').check();
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();

    await ctx.page.getByRole('status').filter({ hasText: 'Combinatie Crisis en Forensisch is toegevoegd.' }).waitFor();
    const row = (await tableRows(ctx.page, /combinaties$/)).find((r) => r[0] === 'Combinatie Crisis en Forensisch');
    expect(row?.[1]).toBe('Crisisdienst Lek en IJssel');
    expect(row?.[2]?.split('\n')).toEqual(['Forensisch Jeugdteam Midden', 'Praktijk Vaartse Rijn']);
    expect(await ctx.page.getByLabel('Naam', { exact: true }).inputValue()).toBe('');
    await screenshot(ctx.page, 'combinatie-toegevoegd');

    await ctx.page
      .getByRole('row', { name: /Combinatie Crisis en Forensisch/ })
      .getByRole('link', { name: 'Crisisdienst Lek en IJssel' })
      .click();
    await settle(ctx.page, 'Crisisdienst Lek en IJssel');
    expect(await tableRows(ctx.page, 'Combinaties van Crisisdienst Lek en IJssel')).toEqual([
      ['Combinatie Crisis en Forensisch', 'Hoofdaannemer', 'Crisisdienst Lek en IJssel'],
    ]);

    // A subcontractor's page lists it too, with its own role.
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders?q=Vaartse`);
    await ctx.page.getByRole('link', { name: 'Praktijk Vaartse Rijn' }).click();
    await settle(ctx.page, 'Praktijk Vaartse Rijn');
    expect(await tableRows(ctx.page, 'Combinaties van Praktijk Vaartse Rijn')).toEqual([
      ['Combinatie Crisis en Forensisch', 'Onderaannemer', 'Crisisdienst Lek en IJssel'],
    ]);

    // Later the combination stops: a last day needs a reason; it stays in the list with its end.
    await ctx.page.goto(`${ctx.app.baseUrl}/combinaties`);
    await ctx.page.getByRole('link', { name: 'Combinatie Crisis en Forensisch' }).click();
    await settle(ctx.page, 'Combinatie Crisis en Forensisch');
    await ctx.page.getByLabel('Laatste dag').fill('2026-12-31');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.locator('#combinatie-endReason-error').waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
    await ctx.page.getByLabel('Reden beëindiging').fill('De samenwerking stopt');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await settle(ctx.page, 'Combinaties');
    await ctx.page.getByText('De gegevens zijn opgeslagen.').waitFor();
    const ended = (await tableRows(ctx.page, /combinaties$/)).find((r) => r[0] === 'Combinatie Crisis en Forensisch');
    expect(ended?.[3]).toBe('31-12-2026: De samenwerking stopt');
  });

  it('shows a policy officer the region without add or edit forms', async () => {
    await signInAs(ctx, 'beleid');
    await followMenuLink(ctx.page, 'Regio');
    await settle(ctx.page, 'Regio Lekstroom');
    for (const heading of ['Gemeenten', 'Percelen', 'Begrotingsposten', 'Niveaus', 'Omvang en risico', 'Rol']) {
      await ctx.page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    expect(await tableRows(ctx.page, 'Gemeenten')).toContainEqual(['0356', 'Nieuwegein', 'In gebruik']);
    expect(await ctx.page.getByRole('form').count()).toBe(0);
    expect(await ctx.page.locator('main').getByRole('button').count()).toBe(0);
    expect(await ctx.page.locator('main input, main select, main textarea').count()).toBe(0);
    await screenshot(ctx.page, 'regio-beleid');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.goto(`${ctx.app.baseUrl}/combinaties`);
    await settle(ctx.page, 'Combinaties');
    expect(await ctx.page.getByRole('form').count()).toBe(0);
  });

  it('keeps /regio from roles that may not see it, and shows an aanbieder only its own combinations', async () => {
    await signInAs(ctx, 'verwijzer');
    expect(await menuOutline(ctx.page)).toEqual([
      'Overzicht',
      'Landschap: Aanbieders, Combinaties, Contracten, Producten',
      'Instrumenten: Beschikbaarheid zoeken, Wachttijden in de regio',
    ]);
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Geen toegang');
    await ctx.browser.clearCookies();
    // Jeugdhulp De Lekoever is a member of de Combinatie Gezinsvormen, not of the one the contract manager recorded.
    await signInAs(ctx, 'aanbieder');
    await followMenuLink(ctx.page, 'Combinaties');
    await settle(ctx.page, 'Combinaties');
    await ctx.page.getByRole('row', { name: /de Combinatie Gezinsvormen/ }).waitFor();
    const names = (await tableRows(ctx.page, /combinaties?$/)).map((r) => r[0]);
    expect(names).toEqual(['de Combinatie Gezinsvormen']);
    expect(await ctx.page.getByRole('form').count()).toBe(0);
  });

  it('has no serious accessibility violations on /regio and /combinaties, with every form open', async () => {
    await signInAs(ctx, 'beheerder');
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Regio Lekstroom');
    await ctx.page.getByRole('button', { name: /^Bewerken hoog/ }).click();
    await ctx.page.getByRole('form', { name: /bewerken$/ }).waitFor();
    // Two forms failing at once: each summary keeps its own heading id.
    await ctx.page.getByRole('form', { name: 'Niveau toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page
      .getByRole('form', { name: 'Begrotingspost toevoegen' })
      .getByRole('button', { name: 'Toevoegen' })
      .click();
    await ctx.page.locator('#post-code-error').waitFor();
    await ctx.page.locator('#niveau-scheme-error').waitFor();
    await ctx.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(ctx.page, 'a11y-regio');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.goto(`${ctx.app.baseUrl}/combinaties`);
    await settle(ctx.page, 'Combinaties');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.locator('#combinatie-name-error').waitFor();
    await screenshot(ctx.page, 'a11y-combinaties');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByRole('button', { name: 'English' }).click();
    await settle(ctx.page, 'Combinations');
    await ctx.page.getByRole('heading', { name: 'New combination' }).waitFor();
    await ctx.page.getByRole('button', { name: 'Nederlands' }).click();
    await settle(ctx.page, 'Combinaties');
  });

  it('filters the provider list by tier and by status', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders`);
    await settle(ctx.page, 'Aanbieders');
    const tier = ctx.page.getByLabel('Niveau', { exact: true });
    await tier.locator('option', { hasText: 'Omvang en risico: Hoog' }).waitFor({ state: 'attached' });
    await tier.selectOption({ label: 'Omvang en risico: Hoog' });
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await ctx.page.waitForURL((url) => url.searchParams.has('niveau'));
    await ctx.page.locator('table caption').filter({ hasText: 'gevonden' }).waitFor();
    const tierLevelId = new URL(ctx.page.url()).searchParams.get('niveau')!;
    const expected = await apiGet<{ data: Array<{ name: string; tiers: Array<{ id: string }> }> }>(
      ctx.app.baseUrl,
      `/providers?tierLevelId=${tierLevelId}`,
    );
    expect(expected.data.length).toBeGreaterThan(0);
    expect(expected.data.every((p) => p.tiers.some((t) => t.id === tierLevelId))).toBe(true);
    const rows = await tableRows(ctx.page, /aanbieders gevonden$/);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.data.map((p) => p.name).sort());
    expect(rows.every((r) => r[3]?.split(', ').includes('Hoog'))).toBe(true);
    await screenshot(ctx.page, 'aanbieders-niveau');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Niet actief' });
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await ctx.page.waitForURL((url) => url.searchParams.get('status') === 'niet-actief');
    await ctx.page.locator('table caption').filter({ hasText: '0 aanbieders gevonden' }).waitFor();
    await ctx.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Actief' });
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await ctx.page.waitForURL((url) => url.searchParams.get('status') === 'actief');
    await ctx.page
      .locator('table caption')
      .filter({ hasText: `${expected.data.length} aanbieders gevonden` })
      .waitFor();
    expect(await ctx.page.getByLabel('Niveau', { exact: true }).inputValue()).toBe(tierLevelId);
  });

  it('offers "Inloggen via uw organisatie" only when the server has OIDC, as a plain link back to the page asked for', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/inloggen?terug=${encodeURIComponent('/contracten?q=LEK')}`);
    await ctx.page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
    await ctx.page.waitForLoadState('networkidle');
    expect(await ctx.page.getByRole('link', { name: 'Inloggen via uw organisatie' }).count()).toBe(0);

    await ctx.page.route('**/api/v1/auth/methods', (route) => route.fulfill({ json: { password: true, oidc: true } }));
    try {
      await ctx.page.reload();
      const link = ctx.page.getByRole('link', { name: 'Inloggen via uw organisatie' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(
        `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent('/contracten?q=LEK')}`,
      );
      await screenshot(ctx.page, 'inloggen-oidc');
      await expectNoSeriousA11yViolations(ctx.page);
    } finally {
      await ctx.page.unroute('**/api/v1/auth/methods');
    }
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
