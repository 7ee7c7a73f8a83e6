import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness';

describe('the region’s waits', () => {
  const ctx = useAppInBrowser();

  it('shows a policy officer the waits per form of youth help against the norm, and the meetlat', async () => {
    await signInAs(ctx, 'beleid');
    await followMenuLink(ctx.page, 'Wachttijden in de regio');
    await settle(ctx.page, 'Wachttijden in de regio');
    expect(await ctx.page.locator('main').innerText()).toContain('hooguit 4 weken van aanmelding tot intake');
    const meetlat = await tableRows(ctx.page, 'Producten zonder plek binnen de norm');
    expect(meetlat.length).toBeGreaterThan(0);
    await screenshot(ctx.page, 'wachttijden-regio');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('shows the same figures on a public page without signing in', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/regio/lekstroom/wachttijden`);
    await settle(ctx.page, 'Wachttijden in Regio Lekstroom');
    expect(ctx.page.url()).toContain('/regio/lekstroom/wachttijden');
    expect(await ctx.page.locator('main').innerText()).toContain('Kleine aantallen zijn weggelaten');
    await expect(tableRows(ctx.page, 'Producten zonder plek binnen de norm')).resolves.toBeDefined();
    await screenshot(ctx.page, 'wachttijden-openbaar');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('says so when a region does not exist', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/regio/bestaat-niet/wachttijden`);
    await ctx.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await ctx.page.locator('main').innerText()).toContain('Deze regio bestaat niet.');
  });
});
