import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../src/server/modules/monitoring/testing/pdf-check.js';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

/**
 * The quarterly reports page: the policy officer writes the region's commentary on a quarter, issues the report, finds
 * it in the list and downloads exactly the issued PDF (tagged, with the commentary); when the ledger later moves a
 * figure of that quarter, the dashboard says which and by how much.
 */
describe('quarterly reports: commentary, issuing and changes since', () => {
  const ctx = useAppInBrowser({ demoYouths: 400 });

  it('writes a commentary, issues the report and shows a later change on the dashboard', async () => {
    const { defaultPeriod } = await apiGet<{ defaultPeriod: string }>(ctx.app.baseUrl, '/kpis/periods');
    const [year, q] = [defaultPeriod.slice(0, 4), Number(defaultPeriod.slice(5))];
    const quarterName = `${q}e kwartaal ${year}`;
    await signInAs(ctx, 'beleid');
    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard`);
    await settle(ctx.page, 'Dashboard');
    await ctx.page
      .getByRole('navigation', { name: 'Sturingsinformatie' })
      .getByRole('link', { name: 'Rapportages', exact: true })
      .click();
    await settle(ctx.page, 'Kwartaalrapportages');
    expect(await ctx.page.getByLabel('Kwartaal', { exact: true }).inputValue()).toBe(defaultPeriod);

    const words = 'De uitgaven aan zorg in natura stijgen; de regio bespreekt dit met de grote aanbieders.';
    await ctx.page.getByLabel('Toelichting bij', { exact: true }).selectOption({ label: 'De hele rapportage' });
    await ctx.page.getByLabel('Tekst van de toelichting', { exact: true }).fill(words);
    await ctx.page.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await ctx.page.getByText('Toelichting opgeslagen.').waitFor();
    await ctx.page.locator('dd', { hasText: words }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page
      .getByRole('button', { name: `Rapportage over ${quarterName} vaststellen en uitgeven` })
      .click({ timeout: 60_000 });
    await ctx.page
      .getByText(`De rapportage over ${quarterName} is vastgesteld en bewaard.`)
      .waitFor({ timeout: 60_000 });
    await ctx.page.getByRole('cell', { name: 'Geen cijfer gewijzigd' }).waitFor();
    const rows = await tableRows(ctx.page, 'Uitgegeven rapportages');
    expect(rows).toEqual([
      [quarterName, expect.stringMatching(/door /), 'Zoals uitgegeven downloaden', 'Geen cijfer gewijzigd'],
    ]);
    await screenshot(ctx.page, 'rapportages-uitgegeven');
    await expectNoSeriousA11yViolations(ctx.page);

    // The download is the issued PDF: tagged, with the commentary and who issued it.
    const href = await ctx.page.getByRole('link', { name: 'Zoals uitgegeven downloaden' }).getAttribute('href');
    const download = await ctx.page.request.get(`${ctx.app.baseUrl}${href}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    const pdf = inspectPdf(Buffer.from(await download.body()));
    try {
      expect(pdf.info.Tagged).toBe('yes');
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(words);
      expect(pdf.pageTexts[0]!.replace(/\s+/g, ' ')).toMatch(/Vastgesteld .* door /);
    } finally {
      pdf.dispose();
    }

    // The ledger books Veilig Thuis in the issued quarter afterwards (as the contractmanager, through the API).
    const realisations = await apiGet<{
      data: Array<{ municipalityId: string; budgetLineId: string; budgetLineCode: string }>;
    }>(ctx.app.baseUrl, `/budget-realisations?year=${year}`);
    const vt = realisations.data.find((r) => r.budgetLineCode === 'VT')!;
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'contractmanager');
    const month = `${year}-${String(q * 3).padStart(2, '0')}`;
    const status = await ctx.page.evaluate(
      async ({ body }) =>
        (
          await fetch('/api/v1/budget-realisations', {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status,
      { body: { municipalityId: vt.municipalityId, budgetLineId: vt.budgetLineId, month, amount: 987_000 } },
    );
    expect(status).toBe(200);

    await ctx.page.goto(`${ctx.app.baseUrl}/dashboard`);
    await settle(ctx.page, 'Dashboard');
    const notice = ctx.page.getByRole('status').filter({ hasText: 'zijn sindsdien gewijzigd' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain(`Cijfers van de uitgegeven rapportage over ${quarterName} zijn sindsdien gewijzigd:`);
    expect(text).toMatch(/Veilig Thuis: uitgaven tot en met het kwartaal: €\s[\d.]+ → €\s[\d.]+ \(\+€\s[\d.]+\)/);
    await expectNoSeriousA11yViolations(ctx.page);
  }, 300_000);
});
