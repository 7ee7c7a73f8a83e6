import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/web/features/monitoring/dashboard-state.js';
import { apiGet, signInAs, useAppInBrowser } from './harness.js';

/**
 * A contract manager gets exact figures for any interval and may bookmark or share one; beleid gets calendar periods
 * only (docs/kpi.md). The shared address opens for beleid at the calendar period that holds the interval, with a
 * notice, instead of the API's 400.
 */
describe('dashboard: a free interval in the address for a role that reads published figures', () => {
  const ctx = useAppInBrowser();
  let quarter: { name: string; interval: string };

  beforeAll(async () => {
    const periods = await apiGet<{ defaultPeriod: string }>(ctx.app.baseUrl, '/kpis/periods', 'beleid');
    const { from, year, part } = parsePeriod(periods.defaultPeriod)!;
    // The quarter's first month and a half: an interval only exact roles get.
    const secondMonth = String(Number(from.slice(5, 7)) + 1).padStart(2, '0');
    quarter = { name: `${part}e kwartaal ${year}`, interval: `${from}/${year}-${secondMonth}-15` };
  });

  it.each([
    ['/dashboard', '.kpi-tile'],
    ['/dashboard/youths_in_care', '.kpi-controls, .dashboard-controls'],
  ])('opens %s at the quarter that holds the interval, saying so', async (path, shown) => {
    await signInAs(ctx, 'beleid');
    await ctx.page.goto(`${ctx.app.baseUrl}${path}?periode=${quarter.interval}`);
    const notice = ctx.page.getByRole('status').filter({ hasText: 'niet gepubliceerd' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(
      new RegExp(
        `^De vrije periode .+ wordt voor uw rol niet gepubliceerd, alleen maanden, kwartalen en jaren\\. U ziet de cijfers over ${quarter.name}\\.$`,
      ),
    );
    await ctx.page.locator(shown).first().waitFor();
    expect(await ctx.page.getByLabel('Periode', { exact: true }).locator('option:checked').innerText()).toBe(
      quarter.name,
    );
    // No problem from the API: the figures were asked for the quarter.
    expect(await ctx.page.getByRole('alert').count()).toBe(0);
    expect(await ctx.page.getByText('Deze periode wordt niet gepubliceerd').count()).toBe(0);
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
