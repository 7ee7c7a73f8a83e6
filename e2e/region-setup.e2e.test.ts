import { beforeAll, describe, expect, it } from 'vitest';
import { cbsExcerptPath } from '../src/server/modules/landscape/testing/cbs-excerpt.js';
import { createUser } from '../src/server/modules/auth/auth.service.js';
import {
  expectNoSeriousA11yViolations,
  followMenuLink,
  settle,
  signIn,
  tableRows,
  useAppInBrowser,
} from './harness.js';

const keeper = { email: 'beheer@rivierenland.example.nl', name: 'Bea Beheer', password: 'Rivierenland-start-2026' };

/**
 * An installation started without the demo: its first beheerder (no region yet: the installation's keeper) sets up a
 * region with its municipalities, lots, budget lines and tiers, and later renames and retires parts of it.
 */
describe('setting up a region from nothing', () => {
  const ctx = useAppInBrowser({ seedDemo: false });
  beforeAll(async () => {
    await createUser(ctx.app.db, { ...keeper, role: 'beheerder' });
  });

  it('creates a region with municipalities, lots, budget lines and tiers, then renames and retires', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, keeper.email, keeper.password);
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Regio');
    await ctx.page.getByText('Er is nog geen regio ingericht.').waitFor();

    await ctx.page.getByLabel('Code van de regio', { exact: true }).fill('rivierenland');
    // A half-filled form asks before the page is left; staying keeps what was typed.
    let question = '';
    ctx.page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await followMenuLink(ctx.page, 'Gebruikers');
    await expect.poll(() => question).toContain('niet zijn opgeslagen');
    expect(new URL(ctx.page.url()).pathname).toBe('/regio');
    expect(await ctx.page.getByLabel('Code van de regio', { exact: true }).inputValue()).toBe('rivierenland');

    await ctx.page.getByLabel('Naam van de regio', { exact: true }).fill('Jeugdhulp Rivierenland');
    await ctx.page.getByRole('button', { name: 'Regio aanmaken' }).click();
    await settle(ctx.page, 'Jeugdhulp Rivierenland');

    const add = async (section: string, fields: Record<string, string>) => {
      const form = ctx.page.getByRole('form', { name: section });
      for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await ctx.page
        .getByRole('status')
        .filter({ hasText: `– ${fields.Naam} is toegevoegd` })
        .waitFor();
    };
    await add('Gemeente toevoegen', { 'CBS-code': '0263', Naam: 'Maasdriel' });
    await add('Gemeente toevoegen', { 'CBS-code': '0281', Naam: 'Tiel' });
    await add('Perceel toevoegen', { Code: 'AMB', Naam: 'Ambulante jeugdhulp' });
    await add('Perceel toevoegen', { Code: 'VBL', Naam: 'Verblijf' });
    await add('Begrotingspost toevoegen', { Code: 'ZIN', Naam: 'Zorg in natura', Productcategorieën: '40, 45, 54' });
    expect(await tableRows(ctx.page, 'Gemeenten')).toEqual([
      ['0263', 'Maasdriel', 'In gebruik', expect.stringContaining('Wijzigen')],
      ['0281', 'Tiel', 'In gebruik', expect.stringContaining('Wijzigen')],
    ]);
    expect((await tableRows(ctx.page, 'Begrotingsposten'))[0]!.slice(0, 3)).toEqual([
      'ZIN',
      'Zorg in natura',
      '40, 45, 54',
    ]);
    // The default tiers are there to adjust.
    await ctx.page.getByText('A systeemaanbieder').first().waitFor();
    await expectNoSeriousA11yViolations(ctx.page);

    // Later: a lot is renamed and another retired; it stays listed, marked, and leaves the product form's choices.
    await ctx.page.getByRole('button', { name: 'Wijzigen AMB – Ambulante jeugdhulp' }).click();
    await ctx.page
      .getByRole('form', { name: 'AMB – Ambulante jeugdhulp wijzigen' })
      .getByLabel('Naam', { exact: true })
      .fill('Ambulant');
    await ctx.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'is gewijzigd' }).waitFor();
    await ctx.page.getByRole('button', { name: 'Opheffen VBL – Verblijf' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'is opgeheven' }).waitFor();
    expect(await tableRows(ctx.page, 'Percelen')).toEqual([
      ['AMB', 'Ambulant', 'In gebruik', expect.any(String)],
      ['VBL', 'Verblijf', 'Opgeheven', expect.stringContaining('Weer in gebruik nemen')],
    ]);
    await ctx.page.getByLabel('Naam van de regio', { exact: true }).fill('Jeugdhulp Rivierenland en Bommelerwaard');
    await ctx.page.getByRole('button', { name: 'Naam opslaan' }).click();
    await settle(ctx.page, 'Jeugdhulp Rivierenland en Bommelerwaard');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.goto(`${ctx.app.baseUrl}/producten/nieuw`);
    await settle(ctx.page);
    const lots = await ctx.page.getByLabel('Perceel', { exact: true }).locator('option').allInnerTexts();
    expect(lots.some((o) => o.includes('AMB – Ambulant'))).toBe(true);
    expect(lots.some((o) => o.includes('VBL'))).toBe(false);
  });

  it('lets a keeper of several regions add one and switch between them with the keyboard; a new visit follows', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, keeper.email, keeper.password);
    const made = await ctx.page.request.post(`${ctx.app.baseUrl}/api/v1/regions`, {
      data: {
        code: 'alblasserwaard',
        name: 'Jeugdhulp Alblasserwaard',
        municipalities: [{ cbsCode: '0482', name: 'Alblasserdam' }],
      },
    });
    expect(made.status()).toBe(201);
    // The first region by name until the keeper chooses; a shared service centre adds its next region here.
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Jeugdhulp Alblasserwaard');
    await ctx.page.getByLabel('Code van de nieuwe regio', { exact: true }).fill('drechtsteden');
    await ctx.page.getByLabel('Naam van de nieuwe regio', { exact: true }).fill('Jeugdhulp Drechtsteden');
    await ctx.page.getByRole('button', { name: 'Regio aanmaken' }).click();
    await settle(ctx.page, 'Jeugdhulp Drechtsteden');
    const form = ctx.page.getByRole('form', { name: 'Gemeente toevoegen' });
    await form.getByLabel('CBS-code', { exact: true }).fill('0505');
    await form.getByLabel('Naam', { exact: true }).fill('Dordrecht');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page.getByRole('status').filter({ hasText: '– Dordrecht is toegevoegd' }).waitFor();
    expect((await tableRows(ctx.page, 'Gemeenten')).map((row) => row[1])).toEqual(['Dordrecht']);

    const switcher = ctx.page.getByRole('form', { name: 'Regio wisselen' });
    const choice = switcher.getByLabel('Werken in regio', { exact: true });
    expect(await choice.locator('option:checked').innerText()).toBe('Jeugdhulp Drechtsteden');
    await expectNoSeriousA11yViolations(ctx.page);
    await choice.focus();
    await choice.selectOption({ label: 'Jeugdhulp Alblasserwaard' });
    await ctx.page.keyboard.press('Tab');
    await expect.poll(() => ctx.page.evaluate(() => document.activeElement?.textContent)).toBe('Wisselen');
    await ctx.page.keyboard.press('Enter');
    await settle(ctx.page, 'Jeugdhulp Alblasserwaard');
    expect(await tableRows(ctx.page, 'Gemeenten')).toEqual([
      ['0482', 'Alblasserdam', 'In gebruik', expect.stringContaining('Wijzigen')],
    ]);
    expect(await choice.locator('option:checked').innerText()).toBe('Jeugdhulp Alblasserwaard');

    // Signed out and in again (cookies gone): the choice is remembered for this user.
    await ctx.browser.clearCookies();
    await signIn(ctx.page, ctx.app.baseUrl, keeper.email, keeper.password);
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Jeugdhulp Alblasserwaard');
    // On a phone the switcher wraps in the header instead of widening the page.
    await ctx.page.setViewportSize({ width: 390, height: 844 });
    await ctx.page.getByRole('form', { name: 'Regio wisselen' }).waitFor();
    expect(await ctx.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await ctx.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('loads CBS’s list on /regio; a code not on it is refused until the keeper confirms it is new', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, keeper.email, keeper.password);
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Jeugdhulp Alblasserwaard');
    await ctx.page.getByText('Er is geen gemeentelijst van CBS ingelezen').waitFor();
    const excerpt = cbsExcerptPath;
    await ctx.page.getByLabel('Bestand (XLSX of CSV)', { exact: true }).setInputFiles(excerpt);
    await ctx.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await ctx.page.getByRole('status').filter({ hasText: '8 gemeenten van de CBS-lijst 2026 ingelezen.' }).waitFor();
    await ctx.page.getByText('Gemeentecodes worden gecontroleerd tegen de CBS-lijst 2026').waitFor();

    // A code on the list brings its official name.
    const form = ctx.page.getByRole('form', { name: 'Gemeente toevoegen' });
    await form.getByLabel('CBS-code', { exact: true }).fill('0356');
    expect(await form.getByLabel('Naam', { exact: true }).inputValue()).toBe('Nieuwegein');
    await ctx.page.getByText('Op de CBS-lijst 2026: Nieuwegein.').waitFor();
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page.getByRole('status').filter({ hasText: '0356 – Nieuwegein is toegevoegd' }).waitFor();

    // A new municipality after a merger, not on the list yet: refused, then added once the keeper confirms it.
    await form.getByLabel('CBS-code', { exact: true }).fill('1999');
    await form.getByLabel('Naam', { exact: true }).fill('Nieuwe Gemeente');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page.getByText('gemeentecode 1999 staat niet op de CBS-lijst van 2026').first().waitFor();
    const confirm = form.getByLabel('Deze gemeente staat nog niet op de CBS-lijst; toch toevoegen', { exact: true });
    expect(await confirm.isChecked()).toBe(false);
    await expectNoSeriousA11yViolations(ctx.page);
    await confirm.check();
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page.getByRole('status').filter({ hasText: '1999 – Nieuwe Gemeente is toegevoegd' }).waitFor();
    expect((await tableRows(ctx.page, 'Gemeenten')).map((row) => row.slice(0, 2).join(' ')).sort()).toEqual([
      '0356 Nieuwegein',
      '0482 Alblasserdam',
      '1999 Nieuwe Gemeente',
    ]);
    expect(await form.getByLabel('Deze gemeente staat nog niet op de CBS-lijst; toch toevoegen').count()).toBe(0);
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('follows a link or bookmark that names another of the keeper’s regions instead of refusing it', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, keeper.email, keeper.password);
    const me = await (await ctx.page.request.get(`${ctx.app.baseUrl}/api/v1/users/me`)).json();
    const drechtsteden = (me.regions as Array<{ id: string; code: string }>).find((r) => r.code === 'drechtsteden')!;
    const choice = ctx.page.getByRole('form', { name: 'Regio wisselen' }).getByLabel('Werken in regio');
    await ctx.page.goto(`${ctx.app.baseUrl}/regio`);
    await settle(ctx.page, 'Jeugdhulp Alblasserwaard');

    // A dashboard link with the region's id: the keeper now works in that region, the rest of the address stays.
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=2025&region=${drechtsteden.id}`);
    await expect.poll(() => new URL(ctx.page.url()).search).toBe('?periode=2025');
    await settle(ctx.page, 'Dashboard');
    expect(await choice.locator('option:checked').innerText()).toBe('Jeugdhulp Drechtsteden');
    const kpis = await ctx.page.request.get(`${ctx.app.baseUrl}/api/v1/kpis/export?format=csv&region=alblasserwaard`);
    expect(kpis.status()).not.toBe(404);

    // By code, on another page; a region the keeper does not have is dropped from the address.
    await ctx.page.goto(`${ctx.app.baseUrl}/regio?regio=rivierenland`);
    await settle(ctx.page, 'Jeugdhulp Rivierenland en Bommelerwaard');
    expect(new URL(ctx.page.url()).search).toBe('');
    await ctx.page.goto(`${ctx.app.baseUrl}/regio?regio=nergens`);
    await expect.poll(() => new URL(ctx.page.url()).search).toBe('');
    await settle(ctx.page, 'Jeugdhulp Rivierenland en Bommelerwaard');
  });
});
