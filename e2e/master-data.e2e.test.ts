import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  signInAs,
  useAppInBrowser,
} from './harness.js';

/** Finds a provider's id through the API, signed in as the contract manager with a Bearer token. */
async function providerIdByName(baseUrl: string, name: string): Promise<string> {
  const body = await apiGet<{ data: Array<{ id: string; name: string }> }>(
    baseUrl,
    `/providers?q=${encodeURIComponent(name)}`,
  );
  const found = body.data.find((p) => p.name === name);
  if (!found) throw new Error(`no provider ${name}`);
  return found.id;
}

async function h1(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The error summary at the top of a form: its heading and the texts of its links. */
async function errorSummary(page: Page): Promise<{ heading: string; links: string[] }> {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Er zijn fouten' }) });
  await summary.waitFor();
  return {
    heading: (await summary.getByRole('heading').innerText()).trim(),
    links: (await summary.getByRole('link').allInnerTexts()).map((s) => s.trim()),
  };
}

/** Submits the list's search form and returns the names in the first column of the result table. */
/** Fills the fields of the contract form that every contract needs; the lot is the first one offered. */
async function fillContract(
  page: Page,
  c: { reference: string; provider: string; start: string; end: string; procedure: string; variant: string },
): Promise<void> {
  await page.getByLabel('Kenmerk', { exact: true }).fill(c.reference);
  await page.getByLabel('Aanbieder', { exact: true }).selectOption({ label: c.provider });
  await page.getByLabel('Perceel', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Startdatum', { exact: true }).fill(c.start);
  await page.getByLabel('Einddatum', { exact: true }).fill(c.end);
  await page.getByLabel('Procedure', { exact: true }).selectOption({ label: c.procedure });
  await page.getByLabel('Uitvoeringsvariant', { exact: true }).selectOption({ label: c.variant });
}

async function search(page: Page, text: string): Promise<string[]> {
  await page.getByLabel('Zoeken', { exact: true }).fill(text);
  // The list shows the previous results (aria-busy) until the answer to this search is in.
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/') && new URL(r.url()).searchParams.get('q') === text,
  );
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  await answered;
  await page.locator('table:not([aria-busy="true"]) caption').filter({ hasText: 'gevonden' }).waitFor();
  return (await page.locator('table tbody th[scope=row]').allInnerTexts()).map((s) => s.trim());
}

describe('providers and contracts', () => {
  const ctx = useAppInBrowser();

  it('lets a contract manager create a provider and a contract and find both by searching', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Aanbieders');
    await h1(ctx.page, 'Aanbieders');
    await ctx.page.getByRole('link', { name: 'Nieuwe aanbieder' }).click();
    await h1(ctx.page, 'Nieuwe aanbieder');
    await ctx.page.getByLabel('AGB-code', { exact: true }).fill('12345678');
    await ctx.page.getByLabel('KvK-nummer', { exact: true }).fill('87654321');
    await ctx.page.getByLabel('Naam', { exact: true }).fill('Jeugdzorg Het Testhuis');
    await ctx.page.getByRole('group', { name: 'Domeinen' }).getByLabel('J&O', { exact: true }).check();
    await ctx.page.getByLabel('Specialisaties', { exact: true }).fill('Gezinsbegeleiding\nOuderschapsondersteuning');
    await ctx.page.getByLabel('Website', { exact: true }).fill('https://testhuis.example.nl');
    await ctx.page.getByRole('group', { name: 'Omvang en risico' }).getByLabel('Basis').check();
    await ctx.page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await ctx.page.getByLabel('Naam van locatie 1', { exact: true }).fill('Hoofdvestiging');
    await ctx.page.getByLabel('Postcode van locatie 1', { exact: true }).fill('3431 AB');
    await ctx.page.getByLabel('Plaats van locatie 1', { exact: true }).fill('Nieuwegein');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();

    await h1(ctx.page, 'Jeugdzorg Het Testhuis');
    expect(ctx.page.url()).toMatch(/\/aanbieders\/[0-9a-f-]{36}$/);
    expect(await ctx.page.getByRole('status').filter({ hasText: 'opgeslagen' }).innerText()).toContain(
      'De gegevens zijn opgeslagen.',
    );
    const details = await ctx.page.locator('main dl').innerText();
    expect(details).toContain('12345678');
    expect(details).toContain('Ouderschapsondersteuning');
    expect(await ctx.page.getByRole('table', { name: 'Locaties' }).innerText()).toContain('3431 AB');

    await followMenuLink(ctx.page, 'Contracten');
    await h1(ctx.page, 'Contracten');
    await ctx.page.getByRole('link', { name: 'Nieuw contract' }).click();
    await h1(ctx.page, 'Nieuw contract');
    await fillContract(ctx.page, {
      reference: 'LEK-2026-901',
      provider: 'Jeugdzorg Het Testhuis (12345678)',
      start: '2026-01-01',
      end: '2028-12-31',
      procedure: 'Open house',
      variant: 'Inspanningsgericht',
    });
    await ctx.page.getByLabel('Budgetplafond (€)', { exact: true }).fill('250.000,50');
    await ctx.page.getByRole('button', { name: 'Verlenging toevoegen' }).click();
    await ctx.page.getByLabel('Nieuwe einddatum van verlenging 1', { exact: true }).fill('2029-12-31');
    await ctx.page.getByLabel('Besluitdatum van verlenging 1', { exact: true }).fill('2028-06-01');
    // A decision date takes the option up: only then does the extension move the contract's end.
    expect(await ctx.page.getByLabel('Status van de verlenging van verlenging 1', { exact: true }).inputValue()).toBe(
      'decided',
    );
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();

    await h1(ctx.page, 'Contract LEK-2026-901');
    const contract = await ctx.page.locator('main dl').innerText();
    expect(contract).toContain('Jeugdzorg Het Testhuis');
    expect(contract).toMatch(/€\s250\.000,50/);
    expect(contract).toContain('31 december 2029');
    await screenshot(ctx.page, 'contract-created');

    await followMenuLink(ctx.page, 'Aanbieders');
    await h1(ctx.page, 'Aanbieders');
    expect(await search(ctx.page, 'Testhuis')).toEqual(['Jeugdzorg Het Testhuis']);
    expect(await search(ctx.page, '12345678')).toEqual(['Jeugdzorg Het Testhuis']);

    await followMenuLink(ctx.page, 'Contracten');
    await h1(ctx.page, 'Contracten');
    expect(await search(ctx.page, 'LEK-2026-901')).toEqual(['LEK-2026-901']);
    expect(await search(ctx.page, 'Testhuis')).toEqual(['LEK-2026-901']);
    await screenshot(ctx.page, 'contracts-search');
  });

  it('shows field errors for an AGB code that is not 8 digits, and keeps what was typed', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders/nieuw`);
    await h1(ctx.page, 'Nieuwe aanbieder');
    await ctx.page.getByLabel('AGB-code', { exact: true }).fill('123');
    await ctx.page.getByLabel('Naam', { exact: true }).fill('Aanbieder Met Fout');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();

    const summary = await errorSummary(ctx.page);
    expect(summary.heading).toBe('Er zijn fouten');
    expect(summary.links).toContain('AGB-code: moet 8 cijfers zijn');
    const agb = ctx.page.getByLabel('AGB-code', { exact: true });
    expect(await ctx.page.locator('#agbCode-error').innerText()).toBe('moet 8 cijfers zijn');
    expect(await agb.getAttribute('aria-invalid')).toBe('true');
    expect(await agb.getAttribute('aria-describedby')).toContain('agbCode-error');
    expect(await agb.inputValue()).toBe('123');
    expect(await ctx.page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Aanbieder Met Fout');
    expect(new URL(ctx.page.url()).pathname).toBe('/aanbieders/nieuw');
    expect(await ctx.page.title()).toBe('Fout: Nieuwe aanbieder | Zorglandschap');

    await ctx.page.getByRole('link', { name: 'AGB-code: moet 8 cijfers zijn' }).click();
    expect(await ctx.page.evaluate(() => document.activeElement?.id)).toBe('agbCode');
    await screenshot(ctx.page, 'provider-form-errors');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('shows the server message under the AGB field when the code is already in use', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders/nieuw`);
    await h1(ctx.page, 'Nieuwe aanbieder');
    await ctx.page.getByLabel('AGB-code', { exact: true }).fill('99000011');
    await ctx.page.getByLabel('Naam', { exact: true }).fill('Dubbele Lekoever');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await errorSummary(ctx.page);
    expect(await ctx.page.locator('#agbCode-error').innerText()).toContain('al in gebruik door Jeugdhulp De Lekoever');
  });

  it('shows a field error when a contract ends before it starts', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/contracten/nieuw`);
    await h1(ctx.page, 'Nieuw contract');
    await fillContract(ctx.page, {
      reference: 'LEK-2026-902',
      provider: 'Praktijk Vaartse Rijn (99000033)',
      start: '2026-06-01',
      end: '2026-01-31',
      procedure: 'SAS 2',
      variant: 'Outputgericht',
    });
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();

    const summary = await errorSummary(ctx.page);
    expect(summary.links).toEqual(['Einddatum: einddatum ligt voor de startdatum']);
    const end = ctx.page.getByLabel('Einddatum', { exact: true });
    expect(await ctx.page.locator('#endDate-error').innerText()).toBe('einddatum ligt voor de startdatum');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await end.getAttribute('aria-describedby')).toContain('endDate-error');
    expect(await end.inputValue()).toBe('2026-01-31');
    expect(await ctx.page.getByLabel('Kenmerk', { exact: true }).inputValue()).toBe('LEK-2026-902');
    await screenshot(ctx.page, 'contract-form-errors');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('gives an aanbieder "Geen toegang" on another provider\'s edit page, as the API does', async () => {
    const otherId = await providerIdByName(ctx.app.baseUrl, 'Stichting Kromme Rijn Jeugd');
    await signInAs(ctx, 'aanbieder');
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders/${otherId}/bewerken`);
    await h1(ctx.page, 'Geen toegang');
    const api = await ctx.page.request.get(`${ctx.app.baseUrl}/api/v1/providers/${otherId}`);
    expect(api.status()).toBe(403);
    const problem = (await api.json()) as { detail: string };
    expect(await ctx.page.locator('main').innerText()).toContain(problem.detail);
    const patch = await ctx.page.request.patch(`${ctx.app.baseUrl}/api/v1/providers/${otherId}`, {
      data: { website: 'https://kaping.example.nl' },
    });
    expect(patch.status()).toBe(403);
    expect(await ctx.page.getByRole('textbox').count()).toBe(0);
    await screenshot(ctx.page, 'aanbieder-geen-toegang');
    await expectNoSeriousA11yViolations(ctx.page);

    // No link leads it there: its combination and the combination's contract name the partners without a link.
    const named = async (name: string) => ctx.page.getByRole('link', { name, exact: true }).count();
    await ctx.page.goto(`${ctx.app.baseUrl}/combinaties`);
    await ctx.page.getByRole('link', { name: 'Jeugdhulp De Lekoever', exact: true }).waitFor();
    expect([await named('Gezinshuis Het Anker'), await named('Stichting Kromme Rijn Jeugd')]).toEqual([0, 0]);
    expect(await ctx.page.locator('main').innerText()).toContain('Gezinshuis Het Anker');
    await ctx.page.goto(`${ctx.app.baseUrl}/contracten`);
    await ctx.page.getByRole('link', { name: 'LEK-2023-008' }).click();
    await h1(ctx.page, 'Contract LEK-2023-008');
    expect(await ctx.page.locator('main dl').innerText()).toMatch(/Aanbieder\s+Gezinshuis Het Anker/);
    expect(await named('Gezinshuis Het Anker')).toBe(0);
  });

  it('lets an aanbieder keep only its own self-service fields current', async () => {
    await signInAs(ctx, 'aanbieder');
    await ctx.page.getByRole('link', { name: 'Gegevens van uw organisatie' }).click();
    await h1(ctx.page, 'Jeugdhulp De Lekoever');
    await ctx.page.getByRole('link', { name: 'Bewerken' }).click();
    await h1(ctx.page, 'Jeugdhulp De Lekoever bewerken');
    expect(await ctx.page.getByLabel('AGB-code', { exact: true }).count()).toBe(0);
    expect(await ctx.page.getByLabel('Naam', { exact: true }).count()).toBe(0);
    await ctx.page.getByLabel('Website', { exact: true }).fill('https://lekoever.example.nl');
    const specialisations = ctx.page.getByLabel('Specialisaties', { exact: true });
    await specialisations.fill(`${await specialisations.inputValue()}\nSchematherapie`);
    await screenshot(ctx.page, 'aanbieder-self-service');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await h1(ctx.page, 'Jeugdhulp De Lekoever');
    const details = await ctx.page.locator('main dl').innerText();
    expect(details).toContain('https://lekoever.example.nl');
    expect(details).toContain('Schematherapie');
  });

  it('lets a contract manager record a product with tariffs per year, and withdraw it as a mistake', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/producten/nieuw`);
    await h1(ctx.page, 'Nieuw product');
    await ctx.page.getByLabel('Productcode', { exact: true }).fill('45T09');
    await ctx.page.getByLabel('Naam', { exact: true }).fill('Begeleiding proef');
    const category = ctx.page.getByLabel('Productcategorie', { exact: true });
    await category.locator('option[value="45"]').waitFor({ state: 'attached' });
    await category.selectOption('45');
    const unit = ctx.page.getByLabel('Eenheid', { exact: true });
    await unit.locator('option').nth(1).waitFor({ state: 'attached' });
    await unit.selectOption({ index: 1 });
    await ctx.page.getByLabel('Uitvoeringsvariant', { exact: true }).selectOption('inspanningsgericht');
    await ctx.page.getByLabel('Intensiteit', { exact: true }).selectOption('licht');
    await ctx.page.getByLabel('Reisuren per fte per jaar', { exact: true }).fill('60');
    await ctx.page.getByLabel('Geldig vanaf', { exact: true }).fill('2026-01-01');
    await ctx.page.getByRole('button', { name: 'Tarief toevoegen' }).click();
    await ctx.page.getByLabel('Jaar van tarief 1', { exact: true }).fill('2026');
    await ctx.page.getByLabel('Tarief (€) van tarief 1', { exact: true }).fill('81,25');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();

    await h1(ctx.page, '45T09 Begeleiding proef');
    const details = await ctx.page.locator('main dl').innerText();
    expect(details).toContain('45 – Jeugdhulp ambulant');
    expect(details).toContain('60');
    expect(await ctx.page.getByRole('table', { name: 'Tarieven' }).innerText()).toMatch(/2026\s+€\s81,25/);

    // Recorded by mistake: withdrawn with a reason (required), gone from the list, shown with "Ingetrokken tonen".
    await ctx.page.getByRole('button', { name: 'Intrekken', exact: true }).click();
    expect((await errorSummary(ctx.page)).links).toEqual([
      'Reden van intrekken: geef een reden waarom dit wordt ingetrokken',
    ]);
    await ctx.page.getByLabel('Reden van intrekken', { exact: true }).fill('Dubbel ingevoerd, bestaat al als 45A01');
    await ctx.page.getByRole('button', { name: 'Intrekken', exact: true }).click();
    const notice = ctx.page.getByRole('status').filter({ hasText: 'Ingetrokken op' });
    expect(await notice.innerText()).toContain('Reden: Dubbel ingevoerd, bestaat al als 45A01');
    expect(await ctx.page.getByRole('link', { name: 'Bewerken' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(ctx.page);
    await ctx.page.goto(`${ctx.app.baseUrl}/producten`);
    await h1(ctx.page, 'Producten');
    expect(await search(ctx.page, '45T09')).toEqual([]);
    await ctx.page.getByLabel('Ingetrokken tonen', { exact: true }).check();
    const shown = ctx.page.waitForResponse((r) => new URL(r.url()).searchParams.get('includeWithdrawn') === 'true');
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await shown;
    await ctx.page.locator('table:not([aria-busy="true"]) caption').filter({ hasText: '1 product gevonden' }).waitFor();
    expect((await ctx.page.locator('table tbody th[scope=row]').allInnerTexts()).map((t) => t.trim())).toEqual([
      '45T09 Ingetrokken',
    ]);
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('saves a changed contract and shows the new notes on its page', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/contracten?q=LEK-2023-003`);
    await ctx.page.getByRole('link', { name: 'LEK-2023-003' }).click();
    await h1(ctx.page, 'Contract LEK-2023-003');
    await ctx.page.getByRole('link', { name: 'Bewerken' }).click();
    await h1(ctx.page, 'Contract LEK-2023-003 bewerken');
    await ctx.page.getByLabel('Toelichting', { exact: true }).fill('Verlengd na evaluatie');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await h1(ctx.page, 'Contract LEK-2023-003');
    expect(await ctx.page.locator('main dl').innerText()).toContain('Verlengd na evaluatie');
  });

  it('lets a beheerder add a user bound to a provider', async () => {
    await signInAs(ctx, 'beheerder');
    await ctx.page.goto(`${ctx.app.baseUrl}/gebruikers`);
    await h1(ctx.page, 'Gebruikers');
    await ctx.page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await h1(ctx.page, 'Nieuwe gebruiker');
    expect(await ctx.page.getByLabel('Aanbieder', { exact: true }).count()).toBe(0);
    await ctx.page.getByLabel('E-mailadres', { exact: true }).fill('planner@vaartserijn.example.nl');
    await ctx.page.getByLabel('Naam', { exact: true }).fill('Pim Planner');
    await ctx.page.getByLabel('Rol', { exact: true }).selectOption('aanbieder');
    const provider = ctx.page.getByLabel('Aanbieder', { exact: true });
    await provider.locator('option', { hasText: 'Praktijk Vaartse Rijn' }).waitFor({ state: 'attached' });
    await provider.selectOption({ label: 'Praktijk Vaartse Rijn (99000033)' });
    await ctx.page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await errorSummary(ctx.page);
    expect(await ctx.page.locator('#password-error').innerText()).toContain('12 tekens');
    await ctx.page.getByLabel('Wachtwoord', { exact: true }).fill('een-lang-genoeg-wachtwoord');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await h1(ctx.page, 'Gebruikers');
    const row = ctx.page.getByRole('row', { name: /Pim Planner/ });
    expect(await row.innerText()).toContain('Praktijk Vaartse Rijn');

    // A leaver: deactivated, the account can no longer sign in; the list says so.
    await row.getByRole('button', { name: 'Deactiveren Pim Planner', exact: true }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'Pim Planner kan niet meer inloggen.' }).waitFor();
    await row.getByRole('button', { name: 'Activeren Pim Planner', exact: true }).waitFor();
    expect(await row.innerText()).toContain('Niet actief');
    const attempt = await fetch(`${ctx.app.baseUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'planner@vaartserijn.example.nl', password: 'een-lang-genoeg-wachtwoord' }),
    });
    // The right password of a deactivated account is told so (a wrong one still gets the usual 401).
    expect(attempt.status).toBe(403);
    expect(((await attempt.json()) as { detail: string }).detail).toContain('gedeactiveerd');
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
