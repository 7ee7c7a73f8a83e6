import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { queryRows } from '../src/server/db/client.js';
import { kpiDefinitions } from '../src/shared/kpi.js';
import { roundTo } from '../src/shared/kpi-disclosure.js';
import { parsePeriod } from '../src/web/features/monitoring/dashboard-state.js';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  type RunningApp,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  spillingContent,
  useAppInBrowser,
} from './harness.js';

/** Youths in the generated iJw data: enough for figures per municipality and provider, and small cells deeper down. */
const demoYouths = 1500;
const ownAgb = '99000011';
const ownName = 'Jeugdhulp De Lekoever';

/** The breadcrumb's steps as shown. */
async function drillPath(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('listitem').allInnerTexts()).map((s) =>
    s.replace('›', '').trim(),
  );
}

/** The first column (row headers) of the KPI table. */
async function rowLabels(page: Page): Promise<string[]> {
  return (await page.locator('.kpi-table tbody th').allInnerTexts()).map((s) => s.trim());
}

/**
 * Starts recording every KPI table the page shows (caption and row headers) each time the DOM changes, so a
 * table shown for a single frame is caught too; `recordedTables` reads them.
 */
async function recordTables(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{ caption: string; rows: string[] }> = [];
    (window as unknown as { zlTables: typeof seen }).zlTables = seen;
    const snapshot = () => {
      const table = document.querySelector('.kpi-table table');
      return (
        table && {
          caption: table.querySelector('caption')?.textContent?.trim() ?? '',
          rows: [...table.querySelectorAll('tbody th')].map((th) => th.textContent?.trim() ?? ''),
        }
      );
    };
    let last = JSON.stringify(snapshot());
    const observer = new MutationObserver(() => {
      const now = snapshot();
      if (JSON.stringify(now) === last) return;
      last = JSON.stringify(now);
      if (now) seen.push(now);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function recordedTables(page: Page): Promise<Array<{ caption: string; rows: string[] }>> {
  return page.evaluate(() => (window as unknown as { zlTables: Array<{ caption: string; rows: string[] }> }).zlTables);
}

/** The cell texts of the KPI table's row whose header starts with `label`. */
async function rowCells(page: Page, label: string): Promise<string[]> {
  const row = page.locator('.kpi-table tbody tr').filter({ has: page.locator('th', { hasText: label }) });
  return (await row.locator('th, td').allInnerTexts()).map((s) => s.trim());
}

/** Distinct youths in care during [from, to] per municipality × provider × productcategorie, straight from the trajectories. */
async function youthsPerCell(app: RunningApp, from: string, to: string) {
  return queryRows<{ m: string; p: string; c: string; n: number }>(
    app.db,
    sql`
    select municipality_code as m, provider_agb as p, product_category as c, count(distinct client_pseudonym)::int as n
    from ijw_trajectories
    where start_date is not null and start_date <= ${to} and (end_date is null or end_date >= ${from})
    group by 1, 2, 3`,
  );
}

async function distinctYouths(app: RunningApp, from: string, to: string, provider?: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.db,
    sql`
    select count(distinct client_pseudonym)::int as n from ijw_trajectories
    where start_date is not null and start_date <= ${to} and (end_date is null or end_date >= ${from})
      and coalesce(product_category not in ('47', '48'), true) -- youth help, as the KPI counts (docs/kpi.md)
      and (${provider ?? null}::text is null or provider_agb = ${provider ?? null})`,
  );
  return row!.n;
}

describe('dashboard: steering information with drill-down, suppression, exports, signals and targets', () => {
  const ctx = useAppInBrowser({ demoYouths });
  let period: { label: string; from: string; to: string; name: string };

  beforeAll(async () => {
    // Charts drawn at once (the dashboard honours reduced motion), so screenshots show them whole.
    await ctx.page.emulateMedia({ reducedMotion: 'reduce' });
    const periods = await apiGet<{ defaultPeriod: string }>(ctx.app.baseUrl, '/kpis/periods', 'beleid');
    const { from, to, year, part } = parsePeriod(periods.defaultPeriod)!;
    period = { label: periods.defaultPeriod, name: `${part}e kwartaal ${year}`, from, to };
  });

  it('shows a tile for every KPI, with the region total as the trajectories have it', async () => {
    await signInAs(ctx, 'beleid');
    await followMenuLink(ctx.page, 'Dashboard');
    await settle(ctx.page, 'Dashboard');
    await ctx.page.locator('.kpi-tile').first().waitFor();
    const headings = (await ctx.page.locator('.kpi-tile h2').allInnerTexts()).map((s) => s.trim());
    expect(headings).toEqual(kpiDefinitions.map((k) => k.name));
    expect(await ctx.page.getByLabel('Periode', { exact: true }).locator('option:checked').innerText()).toBe(
      period.name,
    );
    expect(await drillPath(ctx.page)).toEqual(['Regio']);
    const tile = (name: string) =>
      ctx.page.locator('.kpi-tile').filter({ has: ctx.page.getByRole('heading', { name, exact: true }) });
    const inCare = Number((await tile('Jeugdigen in zorg').locator('.kpi-tile__value').innerText()).replace(/\D/g, ''));
    // Beleid reads published figures: counts rounded to fives (docs/kpi.md), and calendar periods only.
    expect(inCare).toBe(roundTo(await distinctYouths(ctx.app, period.from, period.to), 5));
    expect(await ctx.page.getByText(/Aantallen zijn afgerond op vijftallen/).count()).toBe(1);
    const kinds = await ctx.page.getByLabel('Soort periode', { exact: true }).locator('option').allInnerTexts();
    expect(kinds.map((s) => s.trim())).toEqual(['Jaar', 'Kwartaal', 'Maand']);
    expect(await tile('Jeugdigen in zorg').innerText()).toMatch(/Vorige periode\s+\d+\s+[▲▼=]/);
    expect(await tile('Cliënttevredenheid').locator('.kpi-tile__value').innerText()).toMatch(/^\d{1,2}(,\d)?$/);
    expect(await tile('Prognose jaareinde').innerText()).toMatch(/Doel\s+≤/);
    // A long change ("▼ -7,2 procentpunt (slechter)") wraps inside its tile instead of running into the next one.
    expect(await spillingContent(ctx.page, '.kpi-tile')).toEqual([]);
    await ctx.page.getByText(/^Stand per \d{1,2}-\d{1,2}-\d{4}/).waitFor();
    const report = ctx.page.getByRole('link', { name: `Kwartaalrapportage ${period.name} (PDF)` });
    expect(await report.getAttribute('href')).toBe(`/api/v1/reports/quarterly?quarter=${period.label}`);
    await screenshot(ctx.page, 'dashboard-tegels');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByRole('button', { name: 'English' }).click();
    await ctx.page.getByRole('heading', { level: 2, name: 'Youths in care', exact: true }).waitFor();
    await ctx.page
      .getByText(`Figures for Q${period.label.slice(-1)} ${period.label.slice(0, 4)}, compared with`)
      .waitFor();
    await ctx.page.getByRole('button', { name: 'Nederlands' }).click();
    await ctx.page.getByRole('heading', { level: 2, name: 'Jeugdigen in zorg', exact: true }).waitFor();

    // The period picker: a year instead of a quarter.
    await ctx.page.getByLabel('Soort periode').selectOption('year');
    await ctx.page.getByRole('button', { name: 'Tonen' }).click();
    await ctx.page.waitForURL((url) => url.searchParams.get('periode') === period.label.slice(0, 4));
    await ctx.page
      .getByText(`Cijfers over ${period.label.slice(0, 4)}, vergeleken met ${Number(period.label.slice(0, 4)) - 1}.`)
      .waitFor();
  });

  it('shows a KPI with its chart and, beside it, the table, the exports and the definition', async () => {
    await signInAs(ctx, 'beleid');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=${period.label}`);
    await settle(ctx.page, 'Dashboard');
    await ctx.page.getByRole('link', { name: 'Uitval', exact: true }).click();
    await settle(ctx.page, 'Uitval');
    expect(new URL(ctx.page.url()).pathname).toBe('/dashboard/dropout');
    const chart = ctx.page.getByRole('img', { name: /^Staafdiagram: Uitval per gemeente/ });
    await chart.locator('svg').waitFor();
    expect(await chart.locator('svg path').count()).toBeGreaterThan(5);
    const table = ctx.page.getByRole('table', { name: `Uitval per gemeente, ${period.name}` });
    await table.waitFor();
    expect(await rowLabels(ctx.page)).toEqual(['Houten', 'IJsselstein', 'Lopik', 'Nieuwegein', 'Vijfheerenlanden']);
    expect((await table.locator('thead th').allInnerTexts()).map((s) => s.trim())).toEqual([
      'Gemeente',
      'Waarde',
      'Vorige periode',
      'Verschil',
      'Doel',
      'Jeugdigen',
    ]);
    expect(await table.locator('tfoot').innerText()).toMatch(/Totaal\s+[\d,]+ %/);
    expect(await ctx.page.getByRole('link', { name: 'CSV downloaden' }).getAttribute('href')).toBe(
      `/api/v1/kpis/export?format=csv&kpi=dropout&period=${period.label}&groupBy=municipality`,
    );
    await ctx.page.getByRole('heading', { name: 'Definitie' }).waitFor();
    expect(await ctx.page.locator('#definitie').innerText()).toContain('reden voortijdig (32, 33, 34, 35)');
    await screenshot(ctx.page, 'dashboard-kpi-uitval');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('drills down region → municipality → provider → productcategorie to a cell of fewer than 10 youths, shown as "< 10" and exported so', async () => {
    // A cell with 1–9 youths in the database, preferably 7; its municipality and provider have enough to be shown.
    const cells = await youthsPerCell(ctx.app, period.from, period.to);
    const small = cells
      .filter((c) => c.c && c.p && c.n >= 1 && c.n <= 9)
      .sort((a, b) => Math.abs(a.n - 7) - Math.abs(b.n - 7));
    const perProvider = (m: string, p: string) =>
      cells.filter((c) => c.m === m && c.p === p).reduce((s, c) => s + c.n, 0);
    const cell = small.find((c) => perProvider(c.m, c.p) >= 30) ?? small[0]!;
    expect(cell.n).toBeGreaterThanOrEqual(1);
    expect(cell.n).toBeLessThan(10);

    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard/youths_in_care?periode=${period.label}`);
    await settle(ctx.page, 'Jeugdigen in zorg');
    await ctx.page.getByRole('table', { name: `Jeugdigen in zorg per gemeente, ${period.name}` }).waitFor();
    const municipalities = await rowLabels(ctx.page);
    const [names] = await queryRows<{ municipality: string; provider: string }>(
      ctx.app.db,
      sql`
      select (select name from municipalities where cbs_code = ${cell.m}) as municipality, (select name from providers where agb_code = ${cell.p}) as provider`,
    );
    const municipalityName = names!.municipality;
    await ctx.page.locator('.kpi-table tbody th a', { hasText: municipalityName }).click();
    await ctx.page.getByRole('table', { name: `Jeugdigen in zorg per aanbieder, ${period.name}` }).waitFor();
    let url = new URL(ctx.page.url());
    expect([url.searchParams.get('gemeente'), url.searchParams.get('indeling')]).toEqual([cell.m, 'provider']);
    expect(await drillPath(ctx.page)).toEqual(['Regio', municipalityName]);
    const providers = await rowLabels(ctx.page);
    expect(providers).not.toEqual(municipalities);
    await screenshot(ctx.page, 'dashboard-drill-gemeente');

    const providerName = names!.provider;
    const providerLink = ctx.page.locator('.kpi-table tbody th a', { hasText: providerName });
    await providerLink.click();
    await ctx.page.getByRole('table', { name: `Jeugdigen in zorg per productcategorie, ${period.name}` }).waitFor();
    url = new URL(ctx.page.url());
    expect([
      url.searchParams.get('gemeente'),
      url.searchParams.get('aanbieder'),
      url.searchParams.get('indeling'),
    ]).toEqual([cell.m, cell.p, 'productCategory']);
    expect(await drillPath(ctx.page)).toEqual(['Regio', municipalityName, providerName]);

    // The small cell: value and youths withheld in the table, "< 10" in the CSV too.
    const categoryLabel = (await rowLabels(ctx.page)).find((l) => l.startsWith(cell.c))!;
    const cells_ = await rowCells(ctx.page, categoryLabel);
    expect(cells_[1]).toBe('< 10');
    expect(cells_[cells_.length - 1]).toBe('< 10');
    await ctx.page.getByText('"< 10": minder dan 10 jeugdigen.').waitFor();
    await screenshot(ctx.page, 'dashboard-drill-aanbieder-onderdrukt');
    await expectNoSeriousA11yViolations(ctx.page);

    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('link', { name: 'CSV downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const line = csv.split(/\r?\n/).find((l) => l.startsWith(`Jeugdigen in zorg;${categoryLabel};`));
    expect(line).toBeDefined();
    expect(line!.split(';')[2]).toBe('< 10');
    const xlsx = await ctx.page.request.get(
      `${ctx.app.baseUrl}${await ctx.page.getByRole('link', { name: 'Excel (XLSX) downloaden' }).getAttribute('href')}`,
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // The dashboard at this level offers the provider's quarterly report.
    await ctx.page.getByRole('link', { name: 'Terug naar het dashboard' }).click();
    await settle(ctx.page, 'Dashboard');
    expect(await drillPath(ctx.page)).toEqual(['Regio', municipalityName, providerName]);
    expect(await ctx.page.getByRole('link', { name: /^Kwartaalrapportage/ }).getAttribute('href')).toBe(
      `/api/v1/reports/quarterly?quarter=${period.label}&provider=${cell.p}`,
    );
    await ctx.page.goBack();
    await settle(ctx.page, 'Jeugdigen in zorg');

    await ctx.page.locator('.kpi-table tbody th a', { hasText: categoryLabel }).click();
    await ctx.page.waitForURL((u) => u.searchParams.get('categorie') === cell.c);
    await ctx.page.getByRole('table', { name: `Jeugdigen in zorg per regio, ${period.name}` }).waitFor();
    expect((await drillPath(ctx.page)).length).toBe(4);
    expect((await rowCells(ctx.page, 'Totaal'))[1]).toBe('< 10');

    // Back up through the breadcrumb. Every table the page shows on the way has rows that match its caption
    // (no caption for the new grouping over the rows of the old one while the new figures load).
    await recordTables(ctx.page);
    await ctx.page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Regio' }).click();
    await ctx.page.getByRole('table', { name: `Jeugdigen in zorg per gemeente, ${period.name}` }).waitFor();
    await settle(ctx.page, 'Jeugdigen in zorg');
    expect(await rowLabels(ctx.page)).toEqual(municipalities);
    const shown = await recordedTables(ctx.page);
    expect(shown.length).toBeGreaterThan(0);
    for (const table of shown) {
      expect(table.caption).toBe(`Jeugdigen in zorg per gemeente, ${period.name}`);
      expect(table.rows).toEqual(municipalities);
    }
  });

  it('lets a contract manager add, change and remove a target, with field errors from the server', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/doelen`);
    await settle(ctx.page, 'Doelen');
    await ctx.page.getByLabel('Cijfer', { exact: true }).selectOption('dropout');
    await ctx.page.getByLabel('Een verandering ten opzichte van een basisjaar').check();
    await ctx.page.getByLabel('Verandering (%)').fill('-30');
    await ctx.page.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page
      .getByRole('alert')
      .filter({ has: ctx.page.getByRole('heading', { name: 'Er zijn fouten' }) })
      .waitFor();
    expect(await ctx.page.locator('#baselineYear-error').innerText()).toBe(
      'een relatieve doelstelling heeft een basisjaar',
    );
    expect(await ctx.page.getByLabel('Basisjaar', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(ctx.page, 'doelen-fout');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByLabel('Een vaste waarde').check();
    await ctx.page.getByLabel('Geldt voor').selectOption('municipality');
    await ctx.page.getByLabel('Doelwaarde').fill('5');
    await ctx.page.getByRole('button', { name: 'Toevoegen' }).click();
    await ctx.page
      .getByRole('status')
      .filter({ hasText: 'Het doel voor Uitval (Elke gemeente) is toegevoegd.' })
      .waitFor();
    const row = ctx.page.getByRole('row', { name: /^Uitval Elke gemeente/ });
    expect(await row.innerText()).toContain('hoogstens 5 %');

    await row.getByRole('button', { name: /^Bewerken/ }).click();
    await ctx.page.getByRole('heading', { name: 'Doel wijzigen' }).waitFor();
    await ctx.page.getByLabel('Doelwaarde').fill('10');
    await ctx.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'is opgeslagen' }).waitFor();
    // The message comes as the list reloads; the row shows the new value once the answer is in.
    await row.filter({ hasText: 'hoogstens 10 %' }).waitFor();
    expect(await row.count()).toBe(1);

    await ctx.page.getByLabel('Cijfer', { exact: true }).selectOption('youths_18_plus');
    await ctx.page.getByLabel('Doelwaarde').fill('1');
    await ctx.page.getByRole('button', { name: 'Toevoegen' }).click();
    const extra = ctx.page.getByRole('row', { name: /^Jeugdigen van 18 jaar en ouder Regio/ });
    await extra.waitFor();
    await extra.getByRole('button', { name: /^Verwijderen/ }).click();
    await extra.getByRole('button', { name: /^Ja, verwijderen/ }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'is verwijderd' }).waitFor();
    await extra.waitFor({ state: 'detached' });
    await screenshot(ctx.page, 'doelen');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('lists the signals of the period, each leading to the trajectories behind it', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/signalen?periode=${period.label}`);
    await settle(ctx.page, 'Signalen');
    const table = ctx.page.getByRole('table', { name: /signalen in/ });
    await table.waitFor();
    const dropout = table
      .getByRole('row')
      .filter({ has: ctx.page.getByRole('rowheader', { name: 'Uitval' }) })
      .filter({ hasText: 'Gemeente' });
    expect(await dropout.count()).toBeGreaterThan(0);
    await screenshot(ctx.page, 'signalen');
    await expectNoSeriousA11yViolations(ctx.page);
    const municipality = (await dropout.first().locator('td').nth(1).innerText()).trim();
    await dropout
      .first()
      .getByRole('link', { name: /^Trajecten/ })
      .click();
    await settle(ctx.page, 'Trajecten');
    const url = new URL(ctx.page.url());
    expect([url.searchParams.get('van'), url.searchParams.get('tot')]).toEqual([period.from, period.to]);
    expect(await ctx.page.getByLabel('Gemeente', { exact: true }).locator('option:checked').innerText()).toBe(
      municipality,
    );

    // Uitval is the share of endings that were early: the link lists those endings (reasons 32–35, ended in the
    // period), as many as the figure's numerator, not every trajectory that ran in the period.
    expect([url.searchParams.get('reden'), url.searchParams.get('geeindigd')]).toEqual(['32,33,34,35', 'ja']);
    expect(await ctx.page.getByLabel('Reden beëindiging', { exact: true }).locator('option:checked').innerText()).toBe(
      'Voortijdig (32–35)',
    );
    expect(await ctx.page.getByLabel('Alleen trajecten die in de periode eindigden', { exact: true }).isChecked()).toBe(
      true,
    );
    const cells = await ctx.page.request.get(
      `${ctx.app.baseUrl}/api/v1/kpis?kpi=dropout&period=${period.label}&groupBy=municipality`,
    );
    const { data } = (await cells.json()) as {
      data: Array<{ rows: Array<{ label: string; numerator: number | null }> }>;
    };
    const numerator = data[0]!.rows.find((r) => r.label === municipality)!.numerator!;
    expect(numerator).toBeGreaterThan(0);
    const day = (iso: string) => iso.split('-').reverse().join('-');
    const caption =
      `${numerator.toLocaleString('nl-NL')} ${numerator === 1 ? 'traject' : 'trajecten'} gevonden: ` +
      `geëindigd tussen ${day(period.from)} en ${day(period.to)}, reden beëindiging voortijdig (32–35)`;
    const endings = ctx.page.getByRole('table', { name: caption, exact: true });
    await endings.waitFor();
    const rows: string[][] = [];
    for (const row of await endings.locator('tbody tr').all())
      rows.push((await row.locator('th, td').allInnerTexts()).map((s) => s.trim()));
    expect(rows).toHaveLength(Math.min(25, numerator));
    // Columns: … 1 Gemeente … 8 Einde, 9 Reden einde ("33 – Voortijdig afgesloten: …").
    for (const r of rows) {
      expect(r[1]).toBe(municipality);
      expect(r[9]).toMatch(/^3[2-5] – Voortijdig afgesloten/);
      const end = r[8]!.split('-').reverse().join('-');
      expect(end >= period.from && end <= period.to, r[8]).toBe(true);
    }
    await screenshot(ctx.page, 'trajecten-uitval');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('shows an aanbieder only its own figures', async () => {
    await signInAs(ctx, 'aanbieder');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=${period.label}`);
    await settle(ctx.page, 'Dashboard');
    await ctx.page.locator('.kpi-tile').first().waitFor();
    expect(await drillPath(ctx.page)).toEqual(['Regio', ownName]);
    const inCare = ctx.page
      .locator('.kpi-tile')
      .filter({ has: ctx.page.getByRole('heading', { name: 'Jeugdigen in zorg', exact: true }) });
    expect(Number((await inCare.locator('.kpi-tile__value').innerText()).replace(/\D/g, ''))).toBe(
      roundTo(await distinctYouths(ctx.app, period.from, period.to, ownAgb), 5),
    );
    expect(await ctx.page.getByRole('link', { name: /^Kwartaalrapportage/ }).getAttribute('href')).toBe(
      `/api/v1/reports/quarterly?quarter=${period.label}&provider=${ownAgb}`,
    );
    const tabs = ctx.page.getByRole('navigation', { name: 'Sturingsinformatie' });
    expect((await tabs.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual(['Dashboard', 'Signalen']);
    await screenshot(ctx.page, 'dashboard-aanbieder');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard/youths_in_care?periode=${period.label}`);
    await settle(ctx.page, 'Jeugdigen in zorg');
    expect(await ctx.page.getByLabel('Indelen naar').locator('option').allInnerTexts()).toEqual([
      'Regio',
      'Gemeente',
      'Productcategorie',
      'Perceel',
    ]);
    // Its provider is fixed, so the drill-down's next level is the productcategorie.
    await ctx.page.getByRole('table', { name: `Jeugdigen in zorg per productcategorie, ${period.name}` }).waitFor();
    expect(await drillPath(ctx.page)).toEqual(['Regio', ownName]);
    // Whatever it asks, the server answers with its own provider only.
    const perProvider = await ctx.page.request.get(
      `${ctx.app.baseUrl}/api/v1/kpis?kpi=youths_in_care&period=${period.label}&groupBy=provider`,
    );
    const body = (await perProvider.json()) as {
      filters: { provider?: string };
      data: Array<{ rows: Array<{ key: string }> }>;
    };
    expect([body.filters.provider, body.data[0]!.rows.map((r) => r.key)]).toEqual([ownAgb, [ownAgb]]);

    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=${period.label}&aanbieder=99000022`);
    await settle(ctx.page, 'Dashboard');
    await ctx.page.getByRole('alert').filter({ hasText: 'alleen de cijfers van uw eigen organisatie' }).waitFor();
    expect(await ctx.page.locator('.kpi-tile').count()).toBe(0);
    await ctx.page.goto(`${ctx.app.baseUrl}/doelen`);
    await settle(ctx.page, 'Geen toegang');
  });

  it('fits the pages with figures into 390 px: wide tables scroll in their own region', async () => {
    await ctx.page.setViewportSize({ width: 390, height: 844 });
    await signInAs(ctx, 'contractmanager');
    const tooWide: string[] = [];
    for (const path of [
      '/',
      '/dashboard',
      '/dashboard?indeling=municipality',
      '/dashboard/youths_in_care?indeling=provider',
      '/signalen',
      '/doelen',
      '/trajecten',
      '/berichten',
    ]) {
      await ctx.page.goto(`${ctx.app.baseUrl}${path}`);
      await ctx.page.getByRole('heading', { level: 1 }).waitFor();
      await ctx.page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Laden…'));
      const width = await ctx.page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) tooWide.push(`${path}: ${width}px`);
    }
    await ctx.page.setViewportSize({ width: 1280, height: 900 });
    expect(tooWide).toEqual([]);
  });

  it('says the figures are being built instead of showing them after the facts were emptied, until the job ran', async () => {
    await ctx.app.jobs.stop();
    // What a migration that rebuilds the facts does: empty them and forget the last refresh.
    await ctx.app.db.execute(sql`truncate kpi_trajectory_facts, kpi_money_facts, kpi_money_months, kpi_data_dates`);
    await ctx.app.db.execute(sql`delete from kpi_refresh`);
    await signInAs(ctx, 'beheerder');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=${period.label}`);
    await settle(ctx.page, 'Dashboard');
    await ctx.page.getByRole('status').filter({ hasText: 'De cijfers worden opgebouwd' }).waitFor();
    expect(await ctx.page.locator('.kpi-tile').count()).toBe(0);
    expect(await ctx.page.getByRole('link', { name: 'Alle cijfers als CSV' }).count()).toBe(0);
    await screenshot(ctx.page, 'dashboard-opbouw');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.goto(`${ctx.app.baseUrl}/beheer/taken`);
    await settle(ctx.page, 'Achtergrondtaken');
    const row = ctx.page.getByRole('row').filter({ hasText: 'kpi-refresh' });
    await row.getByRole('button', { name: 'Nu uitvoeren: kpi-refresh' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'Taak kpi-refresh wordt uitgevoerd.' }).waitFor();
    await row.getByRole('cell', { name: 'Gevraagd' }).waitFor();
    await ctx.app.jobs.start();
    // The page asks again while the job runs or waits.
    await row.getByRole('cell', { name: 'Geslaagd' }).waitFor({ timeout: 60_000 });
    await screenshot(ctx.page, 'beheer-taken');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=${period.label}`);
    await ctx.page.locator('.kpi-tile').first().waitFor();
    await ctx.page.getByText(/^Stand per \d{1,2}-\d{1,2}-\d{4}/).waitFor();
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
