import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, screenshot, settle, signInAs, useAppInBrowser } from './harness.js';

/** Opens a page, checks its h1 and title, saves a screenshot and runs axe. */
async function check(page: Page, url: string, heading: string, name: string): Promise<void> {
  await page.goto(url);
  expect(await settle(page, heading)).toBe(heading);
  expect(await page.title()).toBe(`${heading} | Zorglandschap`);
  await screenshot(page, `a11y-${name}`);
  await expectNoSeriousA11yViolations(page);
}

/** Follows the first link in the list's first column and returns the detail page's path. */
async function firstDetail(page: Page, listUrl: string): Promise<string> {
  await page.goto(listUrl);
  await settle(page);
  await page.locator('table tbody th[scope=row] a').first().click();
  await page.waitForURL((url) => /\/[0-9a-f-]{36}$/.test(url.pathname));
  return new URL(page.url()).pathname;
}

describe('accessibility of every page', () => {
  // Signed in once as the beheerder for the whole file; the last test switches users itself.
  const ctx = useAppInBrowser({ clearCookies: false });

  beforeAll(async () => {
    await signInAs(ctx, 'beheerder');
  });

  it('overview and lists', async () => {
    await check(ctx.page, `${ctx.app.baseUrl}/`, 'Overzicht', 'overzicht');
    await check(ctx.page, `${ctx.app.baseUrl}/aanbieders`, 'Aanbieders', 'aanbieders');
    await check(ctx.page, `${ctx.app.baseUrl}/aanbieders?domein=LVB`, 'Aanbieders', 'aanbieders-lvb');
    await check(ctx.page, `${ctx.app.baseUrl}/contracten`, 'Contracten', 'contracten');
    await check(ctx.page, `${ctx.app.baseUrl}/producten`, 'Producten', 'producten');
    expect(await ctx.page.getByRole('columnheader', { name: `Tarief ${new Date().getFullYear()}` }).count()).toBe(1);
  });

  it('provider detail and forms', async () => {
    const path = await firstDetail(ctx.page, `${ctx.app.baseUrl}/aanbieders`);
    const name = await settle(ctx.page);
    await check(ctx.page, `${ctx.app.baseUrl}${path}`, name, 'aanbieder-detail');
    await check(ctx.page, `${ctx.app.baseUrl}${path}/bewerken`, `${name} bewerken`, 'aanbieder-bewerken');
    await check(ctx.page, `${ctx.app.baseUrl}/aanbieders/nieuw`, 'Nieuwe aanbieder', 'aanbieder-nieuw');
  });

  it('contract detail and forms', async () => {
    const path = await firstDetail(ctx.page, `${ctx.app.baseUrl}/contracten`);
    const title = await settle(ctx.page);
    expect(title).toMatch(/^Contract /);
    await check(ctx.page, `${ctx.app.baseUrl}${path}`, title, 'contract-detail');
    await check(ctx.page, `${ctx.app.baseUrl}${path}/bewerken`, `${title} bewerken`, 'contract-bewerken');
    await ctx.page.getByRole('button', { name: 'Verlenging toevoegen' }).click();
    // Focus moves to the new row's date once it has rendered (after the click returns; on a loaded machine, later).
    await expect
      .poll(() => ctx.page.evaluate(() => document.activeElement?.id), { timeout: 5000 })
      .toMatch(/^extensions\.\d+\.newEndDate$/);
    await expectNoSeriousA11yViolations(ctx.page);
    await check(ctx.page, `${ctx.app.baseUrl}/contracten/nieuw`, 'Nieuw contract', 'contract-nieuw');
  });

  it('product detail and forms', async () => {
    const path = await firstDetail(ctx.page, `${ctx.app.baseUrl}/producten`);
    const title = await settle(ctx.page);
    await check(ctx.page, `${ctx.app.baseUrl}${path}`, title, 'product-detail');
    await ctx.page.getByRole('link', { name: 'Bewerken' }).click();
    await settle(ctx.page);
    await screenshot(ctx.page, 'a11y-product-bewerken');
    await expectNoSeriousA11yViolations(ctx.page);
    await check(ctx.page, `${ctx.app.baseUrl}/producten/nieuw`, 'Nieuw product', 'product-nieuw');
    const category = ctx.page.getByLabel('Productcategorie', { exact: true });
    await ctx.page.waitForFunction(
      () => ((document.getElementById('productCategory') as HTMLSelectElement | null)?.options.length ?? 0) > 1,
    );
    await category.selectOption('45');
    expect(await category.locator('option:checked').innerText()).toBe('45 – Jeugdhulp ambulant');
    await ctx.page.getByRole('button', { name: 'Tarief toevoegen' }).click();
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('budget matrix, with an amount changed in place', async () => {
    await check(ctx.page, `${ctx.app.baseUrl}/budgetten`, 'Budgetten', 'budgetten');
    const euros = (text: string) => Number(text.replace(/[^\d]/g, ''));
    const houtenTotal = ctx.page
      .getByRole('row', { name: /^Houten/ })
      .getByRole('cell')
      .last();
    const totalBefore = euros(await houtenTotal.innerText());
    const amountBefore = euros(
      await ctx.page.getByRole('button', { name: /wijzig budget Houten, Jeugdzorgplus/ }).innerText(),
    );
    const cell = ctx.page.getByRole('button', { name: /wijzig budget Houten, Jeugdzorgplus/ });
    await cell.click();
    const input = ctx.page.getByLabel('Bedrag in euro voor Houten, Jeugdzorgplus');
    expect(await ctx.page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'a11y-budget-bewerken');
    await input.fill('1.234.567');
    await input.press('Enter');
    await ctx.page.getByRole('button', { name: /^€\s1\.234\.567\s*, wijzig budget Houten, Jeugdzorgplus$/ }).waitFor();
    expect(euros(await houtenTotal.innerText())).toBe(totalBefore - amountBefore + 1234567);
    expect(await ctx.page.evaluate(() => document.activeElement?.textContent)).toMatch(/1\.234\.567/);

    // A year without budgets: every cell is empty, and filling one creates the budget.
    await ctx.page.getByLabel('Jaar', { exact: true }).selectOption('2015');
    await ctx.page.getByRole('table', { name: 'Budget 2015 per gemeente en begrotingspost' }).waitFor();
    // The caption changes with the year before the (empty) figures arrive: wait for the message, it must appear.
    await ctx.page.getByText('Voor 2015 zijn nog geen budgetten vastgelegd.').waitFor({ state: 'visible' });
    await ctx.page.getByRole('button', { name: /budget Lopik, Veilig Thuis invullen/ }).click();
    await ctx.page.getByLabel('Bedrag in euro voor Lopik, Veilig Thuis').fill('12500');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.getByRole('button', { name: /^€\s12\.500\s*, wijzig budget Lopik, Veilig Thuis$/ }).waitFor();
    expect(
      await ctx.page
        .getByRole('row', { name: /^Totaal/ })
        .getByRole('cell')
        .last()
        .innerText(),
    ).toMatch(/€\s12\.500/);
    expect(new URL(ctx.page.url()).searchParams.get('jaar')).toBe('2015');
  });

  it('users, audit log and missing pages (beheerder)', async () => {
    await check(ctx.page, `${ctx.app.baseUrl}/gebruikers`, 'Gebruikers', 'gebruikers');
    await check(ctx.page, `${ctx.app.baseUrl}/gebruikers/nieuw`, 'Nieuwe gebruiker', 'gebruiker-nieuw');
    await ctx.page.getByLabel('Rol', { exact: true }).selectOption('aanbieder');
    await ctx.page.getByLabel('Aanbieder', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
    // Opening the trajectories (client-level data) is logged as a read, which the log names.
    await ctx.page.goto(`${ctx.app.baseUrl}/trajecten`);
    await settle(ctx.page, 'Trajecten');
    await check(ctx.page, `${ctx.app.baseUrl}/audit`, 'Audit-log', 'audit');
    const read = ctx.page.getByRole('row').filter({ hasText: 'Ingezien' }).first();
    expect(await read.innerText()).toContain('Trajecten: zoekopdracht');
    const first = ctx.page.locator('details').first();
    await first.locator('summary').click();
    expect(await first.innerText()).toContain('Voor');
    await screenshot(ctx.page, 'a11y-audit-details');
    await expectNoSeriousA11yViolations(ctx.page);
    await check(ctx.page, `${ctx.app.baseUrl}/bestaat-niet`, 'Niet gevonden', 'niet-gevonden');
    await check(
      ctx.page,
      `${ctx.app.baseUrl}/aanbieders/00000000-0000-4000-8000-000000000000`,
      'Niet gevonden',
      'aanbieder-niet-gevonden',
    );
    await check(ctx.page, `${ctx.app.baseUrl}/contracten/geen-id`, 'Niet gevonden', 'contract-geen-id');
  });

  it('the same pages in English', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/`);
    await settle(ctx.page, 'Overzicht');
    await ctx.page.getByRole('button', { name: 'English' }).click();
    await check(ctx.page, `${ctx.app.baseUrl}/aanbieders`, 'Providers', 'en-aanbieders');
    await ctx.page.getByRole('button', { name: 'Nederlands' }).click();
    await settle(ctx.page, 'Aanbieders');
  });

  it('pages of an aanbieder and a policy officer, including "Geen toegang"', async () => {
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'aanbieder');
    await check(ctx.page, `${ctx.app.baseUrl}/aanbieders`, 'Aanbieders', 'aanbieder-lijst');
    expect(await ctx.page.locator('table tbody tr').count()).toBe(1);
    await check(ctx.page, `${ctx.app.baseUrl}/budgetten`, 'Geen toegang', 'aanbieder-budgetten');
    await check(ctx.page, `${ctx.app.baseUrl}/audit`, 'Geen toegang', 'aanbieder-audit');
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'beleid');
    await check(ctx.page, `${ctx.app.baseUrl}/budgetten`, 'Budgetten', 'beleid-budgetten');
    expect(await ctx.page.getByRole('button', { name: /wijzig budget/ }).count()).toBe(0);
    expect(await ctx.page.getByRole('link', { name: 'Nieuw contract' }).count()).toBe(0);
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
