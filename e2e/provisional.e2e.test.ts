import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, parsePeriod, quarterOf } from '../src/shared/period.js';
import { apiGet, expectNoSeriousA11yViolations, screenshot, settle, signInAs, useAppInBrowser } from './harness.js';

/**
 * Provisional periods (voorlopig) and a KPI's course over time in the browser, on the demo region with generated iJw
 * messages up to the present: the dashboard opens on the last complete quarter, a quarter whose declarations cannot
 * be complete yet is marked wherever its figures appear, and its change against the quarter before is not shown as
 * a final rise or fall.
 */
describe('a provisional quarter on the dashboard', () => {
  const ctx = useAppInBrowser({ demoYouths: 400 });
  let periods: { defaultPeriod: string; last: string; completeThrough: string };
  let provisional: string;

  beforeAll(async () => {
    await ctx.page.emulateMedia({ reducedMotion: 'reduce' });
    periods = await apiGet(ctx.app.baseUrl, '/kpis/periods', 'beleid');
    // The first quarter that is not complete yet: it holds the day after the last complete one.
    provisional = quarterOf(parsePeriod(addDays(periods.completeThrough, 1).slice(0, 7))!);
  });

  it('opens on the last complete quarter, and offers the provisional one marked as such', async () => {
    // The demo's messages reach into the provisional months, so there is something to mark.
    expect(parsePeriod(provisional)!.from <= periods.last).toBe(true);
    expect(parsePeriod(periods.defaultPeriod)!.to <= periods.completeThrough).toBe(true);
    await signInAs(ctx, 'beleid');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard`);
    await settle(ctx.page, 'Dashboard');
    await ctx.page.locator('.kpi-tile').first().waitFor();
    const { year, part } = parsePeriod(periods.defaultPeriod)!;
    await expect(ctx.page.locator('.dashboard-lead').innerText()).resolves.toContain(`${part}e kwartaal ${year}`);
    expect(await ctx.page.getByText('Voorlopige cijfers').count()).toBe(0);
    const p = parsePeriod(provisional)!;
    const option = ctx.page.locator('#periode option', { hasText: `${p.part}e kwartaal ${p.year}` });
    await expect(option.innerText()).resolves.toBe(`${p.part}e kwartaal ${p.year} (voorlopig)`);
  });

  it('marks the provisional quarter on the tiles and says its change is not final', async () => {
    await signInAs(ctx, 'beleid');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=${provisional}`);
    await settle(ctx.page, 'Dashboard');
    const notice = ctx.page.getByRole('status').filter({ hasText: 'Voorlopige cijfers' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/is voorlopig: declaraties kunnen nog binnenkomen tot \d+ \w+ \d{4}/);
    const spend = ctx.page.locator('.kpi-tile').filter({ has: ctx.page.getByRole('heading', { name: 'Uitgaven' }) });
    await expect(spend.locator('.kpi-provisional').innerText()).resolves.toBe('voorlopig');
    const change = await spend.locator('.kpi-tile__change').innerText();
    expect(change).toContain('voorlopig, nog niet te vergelijken');
    expect(change).not.toMatch(/[▲▼]/);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'dashboard-voorlopig');
  });

  it("marks it in a KPI's table and trend, with the Treeknorm beside the wait and words for better or worse", async () => {
    await signInAs(ctx, 'beleid');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard/request_wait_days?periode=${provisional}`);
    await settle(ctx.page, 'Wachttijd vanaf aanvraag');
    const trend = ctx.page.locator('section.kpi-trend');
    await trend.locator('table tbody tr').first().waitFor();
    expect(await ctx.page.locator('.kpi-table caption').innerText()).toContain('(voorlopig)');
    // The data date the figures depend on (docs/kpi.md, "The data date"), beside "Stand per".
    expect(await ctx.page.locator('.facts-data-date').innerText()).toMatch(
      /^Gegevens tot en met \d{1,2} \S+ \d{4}\.\s*$/,
    );
    await expect(trend.getByRole('heading', { name: 'Verloop' }).count()).resolves.toBe(1);
    expect(await trend.innerText()).toContain('Bij dit cijfer is lager beter.');
    const header = (await trend.locator('table thead th').allInnerTexts()).map((s) => s.trim());
    expect(header).toContain('Treeknorm aanmelding tot behandeling (70 dagen)');
    const rows = trend.locator('table tbody tr');
    expect(await rows.count()).toBe(12);
    const last = await rows.last().innerText();
    expect(last).toContain('voorlopig');
    expect(last).toContain('voorlopig, nog niet te vergelijken');
    // The complete quarters say better, worse or the same, in words.
    const judged = (await trend.locator('tbody .kpi-change--better, tbody .kpi-change--worse').allInnerTexts()).map(
      (s) => s.trim(),
    );
    expect(judged.length).toBeGreaterThan(0);
    for (const word of judged) expect(['beter', 'slechter']).toContain(word);
    // The chart is one labelled picture; the table holds its figures.
    await expect(trend.locator('.kpi-chart').getAttribute('aria-label')).resolves.toMatch(
      /^Lijngrafiek: Wachttijd vanaf aanvraag/,
    );
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'kpi-verloop-voorlopig');
  });

  it('lets a contract manager set how long a period stays provisional, and the periods follow', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/doelen`);
    await settle(ctx.page, 'Doelen');
    const lag = ctx.page.getByLabel('Voorlopig tot (maanden na de periode)');
    expect(await lag.inputValue()).toBe('3');
    await expect(ctx.page.getByLabel('Treeknorm tot intake (dagen)').inputValue()).resolves.toBe('28');
    await lag.fill('25');
    await ctx.page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await ctx.page.locator('#provisionalLagMonths-error').waitFor();
    expect(await ctx.page.locator('#provisionalLagMonths-error').innerText()).toContain('mag hoogstens 24 zijn');
    expect(await lag.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(ctx.page);

    await lag.fill('0');
    await ctx.page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'De instellingen zijn opgeslagen' }).waitFor();
    const after = await apiGet<{ completeThrough: string }>(ctx.app.baseUrl, '/kpis/periods', 'beleid');
    // Without a lag, the quarter that was provisional is complete once it has ended.
    expect(after.completeThrough > periods.completeThrough).toBe(true);
    await screenshot(ctx.page, 'doelen-instellingen');

    // Back to three months, as the other tests of this file expect.
    await lag.fill('3');
    await ctx.page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await expect
      .poll(
        async () =>
          (await apiGet<{ completeThrough: string }>(ctx.app.baseUrl, '/kpis/periods', 'beleid')).completeThrough,
      )
      .toBe(periods.completeThrough);
  });
});
