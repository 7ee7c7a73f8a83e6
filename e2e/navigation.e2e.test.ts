import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { roles, type Role } from '../src/shared/domain.js';
import { can } from '../src/shared/permissions.js';
import { features } from '../src/web/features/index.js';
import { demoEmail, demoPassword, expectNoSeriousA11yViolations, signIn, useAppInBrowser } from './harness.js';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

/** Waits for the page's h1 and until no "Laden…" is left in the main landmark. */
async function settle(page: Page): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Laden…'));
  return (await h1.innerText()).trim();
}

/** A JSON GET with the browser's session, as the page itself would make it. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as T;
  }, `/api/v1${path}`);
}

/** The first id of a list the role can read, for the pages under it; null when the list is empty. */
async function firstId(page: Page, listPath: string): Promise<string | null> {
  const list = await apiGet<
    { data: Array<{ id: string }> } | { entries: Array<{ id: string }> } | Array<{ id: string }>
  >(page, listPath);
  return (Array.isArray(list) ? list : 'data' in list ? list.data : list.entries)[0]?.id ?? null;
}

const idSources: Array<[RegExp, string]> = [
  [/^aanbieders\//, '/providers?pageSize=1'],
  [/^contracten\//, '/contracts?pageSize=1'],
  [/^producten\//, '/products?pageSize=1'],
  [/^berichten\/quarantaine\//, '/imports?status=rejected&pageSize=1'],
  [/^berichten\/bestanden\//, '/imports?pageSize=1'],
  [/^trajecten\//, '/trajectories?pageSize=1'],
  [/^beheer\/postvak-uit\//, '/mails?pageSize=1'],
  [/^gebruikers\//, '/users'],
  [/^beschikbaarheid\/aanbod\//, '/availability/entries?pageSize=1'],
  [/^overleggen\//, '/meetings'],
  [/^ontwikkelopgaven\//, '/development-tasks'],
  [/^combinaties\//, '/combinations'],
  [/^veelgestelde-vragen\//, '/faq'],
];

/** Every page of the feature list this role may open, with real ids for the detail pages. */
async function reachablePaths(page: Page, role: Role): Promise<string[]> {
  const paths = ['/'];
  for (const route of features.flatMap((f) => f.routes)) {
    if (!can({ role }, route.permission)) continue;
    let path = route.path.replace(':kpi', 'youths_in_care').replace(':audience', 'jongere');
    if (path.includes(':id')) {
      const source = idSources.find(([pattern]) => pattern.test(path));
      if (!source) throw new Error(`no id source for ${route.path}`);
      const id = await firstId(page, source[1]);
      if (!id) continue;
      path = path.replace(':id', id);
    }
    paths.push(`/${path}`);
  }
  return paths;
}

/** The start page's blocks by their headings. */
async function tileHeadings(page: Page): Promise<string[]> {
  await settle(page);
  const headings = page.locator('.start-tiles').getByRole('heading', { level: 2 });
  return (await headings.allInnerTexts()).map((s) => s.trim());
}

function tile(page: Page, heading: string | RegExp) {
  return page.getByRole('region', { name: heading, exact: true });
}

describe('navigation and start pages', () => {
  const ctx = useAppInBrowser();

  it('shows the beheerder one menu row at 1280 px with sections that open and close by keyboard', async () => {
    await ctx.page.setViewportSize(desktop);
    await signIn(ctx.page, ctx.app.baseUrl, demoEmail('beheerder'), demoPassword);
    await settle(ctx.page);
    const nav = ctx.page.getByRole('navigation', { name: 'Hoofdmenu' });
    const tops = await nav
      .locator(':scope > div > ul > li')
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).offsetTop));
    // Overzicht, Landschap, Contracten en inkoop, Berichten, Dashboard, Instrumenten, Beheer.
    expect(tops.length).toBe(7);
    expect(new Set(tops).size).toBe(1);

    const landscape = nav.getByRole('button', { name: 'Landschap' });
    expect(await landscape.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Budgetten' }).isVisible()).toBe(false);
    await landscape.focus();
    await ctx.page.keyboard.press('Enter');
    expect(await landscape.getAttribute('aria-expanded')).toBe('true');
    await ctx.page.keyboard.press('Tab');
    expect(await ctx.page.evaluate(() => document.activeElement?.textContent)).toBe('Aanbieders');
    await expectNoSeriousA11yViolations(ctx.page);
    await ctx.page.screenshot({ path: '/tmp/nav-beheerder-1280-menu-open.png' });
    await ctx.page.keyboard.press('Escape');
    expect(await landscape.getAttribute('aria-expanded')).toBe('false');
    expect(await ctx.page.evaluate(() => document.activeElement?.textContent)).toBe('Landschap');

    // Opening another section closes the first; following a link closes the menu and marks its section.
    await landscape.click();
    await nav.getByRole('button', { name: 'Beheer' }).click();
    expect(await landscape.getAttribute('aria-expanded')).toBe('false');
    await nav.getByRole('link', { name: 'Audit-log' }).click();
    await ctx.page.getByRole('heading', { level: 1, name: 'Audit-log' }).waitFor();
    expect(await nav.getByRole('button', { name: 'Beheer' }).getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('button', { name: 'Beheer' }).getAttribute('class')).toContain('current');
    await ctx.page.goto(`${ctx.app.baseUrl}/`);
    await settle(ctx.page);
    await ctx.page.screenshot({ path: '/tmp/nav-beheerder-1280.png', fullPage: true });
  });

  it('guards a page by its permission with "Geen toegang", before any request', async () => {
    await signIn(ctx.page, ctx.app.baseUrl, demoEmail('verwijzer'), demoPassword);
    const requests: string[] = [];
    ctx.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await ctx.page.goto(`${ctx.app.baseUrl}/berichten/quarantaine`);
    expect(await settle(ctx.page)).toBe('Geen toegang');
    expect(await ctx.page.getByText('Uw rol heeft geen toegang tot deze pagina.').isVisible()).toBe(true);
    expect(requests.filter((p) => p.startsWith('/api/v1/imports'))).toEqual([]);
  });

  it('shows the contract manager its work: signals, quarantine and the contract decisions due', async () => {
    await ctx.page.setViewportSize(desktop);
    await signIn(ctx.page, ctx.app.baseUrl, demoEmail('contractmanager'), demoPassword);
    await settle(ctx.page);
    // A contract whose end is half a year away with an extension to decide on within a month, and a rejected file.
    const created = await ctx.page.evaluate(async () => {
      const json = (url: string) => fetch(url).then((r) => r.json());
      const region = (await json('/api/v1/regions')).data[0];
      const provider = (await json('/api/v1/providers?pageSize=1')).data[0];
      const iso = (months: number) => {
        const d = new Date();
        d.setMonth(d.getMonth() + months);
        return d.toISOString().slice(0, 10);
      };
      const contract = await fetch('/api/v1/contracts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          regionId: region.id,
          reference: 'LEK-E2E-AFLOPEND',
          providerId: provider.id,
          lotId: region.lots[0].id,
          startDate: iso(-24),
          endDate: iso(6),
          procedure: 'open-house',
          fundingVariant: 'inspanningsgericht',
          extensions: [{ newEndDate: iso(30), decidedOn: null, decideBy: iso(1), note: 'Optie' }],
        }),
      });
      const form = new FormData();
      form.append('files', new File(['<geen-ijw/>'], 'kapot-bericht.xml', { type: 'application/xml' }));
      const upload = await fetch('/api/v1/imports', { method: 'POST', body: form });
      return { contract: contract.status, upload: upload.status, provider: provider.name as string };
    });
    expect(created.contract).toBe(201);
    expect(created.upload).toBeLessThan(300);

    await ctx.page.reload();
    const headings = await tileHeadings(ctx.page);
    expect(headings[0]).toBe('Besluiten en einddata van contracten');
    expect(headings[1]).toBe('Quarantaine');
    expect(headings[2]).toMatch(/^Signalen /);
    expect(headings.slice(3)).toEqual([
      'Kerncijfers',
      expect.stringMatching(/^Prognose jaareinde per begrotingspost /),
      'Beschikbaarheid zoeken',
      'Gemeten naast gemelde wachttijd',
    ]);

    // The tile counts the contract calendar's decisions due (within three months or overdue), by the calendar's rule:
    // the demo's three (contract-calendar.e2e.test.ts), LEK-2023-007's overdue one included though that contract
    // ends years later, and the one just made.
    const ending = tile(ctx.page, 'Besluiten en einddata van contracten');
    const calendarAnswer = await apiGet<{ decisionsDue: number }>(ctx.page, '/contract-calendar?horizon=12');
    expect(calendarAnswer.decisionsDue).toBe(4);
    expect(await ending.locator('.start-tile__number').innerText()).toBe(String(calendarAnswer.decisionsDue));
    expect(await ending.innerText()).toContain('besluiten over verlenging binnen 3 maanden of te laat');
    expect(await ending.innerText()).toMatch(/LEK-2023-007 – [^\n]+\nTe laat: besluit over verlenging tot/);
    expect(await ending.innerText()).toContain(`LEK-E2E-AFLOPEND – ${created.provider}`);
    const calendar = ending.getByRole('link', { name: 'Naar de contractkalender' });
    expect(await calendar.getAttribute('href')).toBe('/contractkalender');

    const rejected = await apiGet<{ page: { totalElements: number } }>(
      ctx.page,
      '/imports?status=rejected&quarantineState=open',
    );
    expect(rejected.page.totalElements).toBeGreaterThan(0);
    const quarantine = tile(ctx.page, 'Quarantaine');
    expect(await quarantine.locator('.start-tile__number').innerText()).toBe(String(rejected.page.totalElements));
    expect(await quarantine.getByRole('link', { name: 'kapot-bericht.xml' }).count()).toBe(1);

    const { defaultPeriod } = await apiGet<{ defaultPeriod: string }>(ctx.page, '/kpis/periods');
    const signals = await apiGet<{ data: unknown[] }>(ctx.page, `/kpis/signals?period=${defaultPeriod}`);
    const signalsTile = tile(ctx.page, /^Signalen /);
    expect(await signalsTile.locator('.start-tile__number').innerText()).toBe(String(signals.data.length));
    expect(await signalsTile.getByRole('link', { name: 'Alle signalen' }).count()).toBe(1);

    await expectNoSeriousA11yViolations(ctx.page);
    await ctx.page.screenshot({ path: '/tmp/nav-contractmanager-1280.png', fullPage: true });
    // Listed twice: its decision due and its end.
    await ending
      .getByRole('link', { name: /LEK-E2E-AFLOPEND/ })
      .first()
      .click();
    await ctx.page.getByRole('heading', { level: 1, name: 'Contract LEK-E2E-AFLOPEND' }).waitFor();
  });

  it('shows beleid the key figures, a verwijzer the availability search, an aanbieder its own provider', async () => {
    await ctx.page.setViewportSize(desktop);
    await signIn(ctx.page, ctx.app.baseUrl, demoEmail('beleid'), demoPassword);
    const policy = await tileHeadings(ctx.page);
    expect(policy).toEqual([
      'Signalen ' + policy[0]!.slice('Signalen '.length),
      'Kerncijfers',
      expect.stringMatching(/^Prognose jaareinde per begrotingspost /),
      'Beschikbaarheid zoeken',
    ]);
    const figures = tile(ctx.page, 'Kerncijfers');
    expect(await figures.locator('dt').allInnerTexts()).toEqual([
      'Jeugdigen in zorg',
      'Instroom',
      'Uitgaven',
      'Wachttijd vanaf aanvraag',
      'Wachttijd vanaf toewijzing',
    ]);
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.browser.clearCookies();
    await signIn(ctx.page, ctx.app.baseUrl, demoEmail('verwijzer'), demoPassword);
    expect(await tileHeadings(ctx.page)).toEqual(['Beschikbaarheid zoeken']);
    const search = tile(ctx.page, 'Beschikbaarheid zoeken');
    expect(await search.innerText()).toContain('Zoek welke gecontracteerde aanbieders plek hebben voor een jeugdige');
    expect(await search.getByRole('link').allInnerTexts()).toEqual(['Beschikbaarheid zoeken']);
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.browser.clearCookies();
    await signIn(ctx.page, ctx.app.baseUrl, demoEmail('aanbieder'), demoPassword);
    const me = await apiGet<{ providerId: string }>(ctx.page, '/users/me');
    const own = await apiGet<{ name: string }>(ctx.page, `/providers/${me.providerId}`);
    expect(await tileHeadings(ctx.page)).toEqual([
      'Uw organisatie',
      'Cijfers van uw organisatie',
      'Uw beschikbaarheid',
    ]);
    expect(await tile(ctx.page, 'Uw beschikbaarheid').innerText()).toMatch(/\d+\s+van \d+ regels verouderd/);
    const organisation = tile(ctx.page, 'Uw organisatie');
    expect(await organisation.innerText()).toContain(own.name);
    expect(await organisation.getByRole('link', { name: 'Gegevens van uw organisatie' }).getAttribute('href')).toBe(
      `/aanbieders/${me.providerId}`,
    );
    await expectNoSeriousA11yViolations(ctx.page);
  });

  for (const role of roles) {
    it(`fits every page the ${role} can reach into 390 px, with the menu behind a button`, async () => {
      await ctx.page.setViewportSize(phone);
      await signIn(ctx.page, ctx.app.baseUrl, demoEmail(role), demoPassword);
      await settle(ctx.page);
      const nav = ctx.page.getByRole('navigation', { name: 'Hoofdmenu' });
      const button = nav.getByRole('button', { name: 'Menu' });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.getByRole('link', { name: 'Overzicht' }).isVisible()).toBe(false);
      await button.click();
      expect(await nav.getByRole('link', { name: 'Overzicht' }).isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: 'Aanbieders', exact: true }).isVisible()).toBe(true);
      await expectNoSeriousA11yViolations(ctx.page);
      if (role === 'beheerder' || role === 'contractmanager') {
        await ctx.page.screenshot({ path: `/tmp/nav-${role}-390-menu.png`, fullPage: true });
      }
      await ctx.page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      const tooWide: string[] = [];
      for (const path of await reachablePaths(ctx.page, role)) {
        await ctx.page.goto(`${ctx.app.baseUrl}${path}`);
        await settle(ctx.page);
        const width = await ctx.page.evaluate(() => document.documentElement.scrollWidth);
        if (width > phone.width) tooWide.push(`${path}: ${width}px`);
        if (path === '/' && (role === 'beheerder' || role === 'contractmanager')) {
          await ctx.page.screenshot({ path: `/tmp/nav-${role}-390.png`, fullPage: true });
        }
      }
      expect(tooWide).toEqual([]);
    });
  }

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
