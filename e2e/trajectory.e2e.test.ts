import { describe, expect, it } from 'vitest';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  followMenuLink,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

interface Listed {
  id: number;
  client: string;
  providerAgb: string;
  declaredCents: number;
  allocationNumber: string | null;
  requestDate: string | null;
}

/**
 * A contract manager whose provider disputes a figure opens the trajectory from Trajecten and follows the messages
 * behind it (request, allocation, start, declarations) and what was declared per month.
 */
describe('trajectory detail', () => {
  const ctx = useAppInBrowser({ demoYouths: 150 });

  it('opens a trajectory from Trajecten and shows its messages and declarations', async () => {
    const page = await apiGet<{ data: Listed[] }>(ctx.app.baseUrl, '/trajectories?pageSize=100&from=2025-06-01');
    const chosen = page.data.find((t) => t.declaredCents > 0 && t.allocationNumber && t.requestDate);
    expect(chosen, 'a trajectory with a request and declarations').toBeDefined();
    const detail = await apiGet<{ messages: Array<{ messageType: string }>; declarations: unknown[] }>(
      ctx.app.baseUrl,
      `/trajectories/${chosen!.id}`,
    );

    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Trajecten');
    await settle(ctx.page, 'Trajecten');
    // The list filtered to the provider, as a contract manager would narrow it, then the row opened by its client.
    await ctx.page.goto(`${ctx.app.baseUrl}/trajecten?aanbieder=${chosen!.providerAgb}&van=2025-06-01`);
    await settle(ctx.page, 'Trajecten');
    let link = ctx.page.getByRole('link', { name: `Traject van ${chosen!.client}` });
    while (!(await link.count())) {
      await ctx.page.getByRole('link', { name: 'Volgende' }).click();
      await settle(ctx.page, 'Trajecten');
      link = ctx.page.getByRole('link', { name: `Traject van ${chosen!.client}` });
    }
    await link.click();
    await settle(ctx.page, `Traject van ${chosen!.client}`);
    expect(new URL(ctx.page.url()).pathname).toBe(`/trajecten/${chosen!.id}`);

    const messages = await tableRows(ctx.page, 'De berichten achter dit traject, in de volgorde van verzenden');
    expect(messages.map((r) => r[0]!.slice(0, 5))).toEqual(detail.messages.map((m) => m.messageType));
    const types = messages.map((r) => r[0]!.slice(0, 5));
    expect(types.indexOf('JW315')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('JW315')).toBeLessThan(types.indexOf('JW301'));
    expect(types.indexOf('JW301')).toBeLessThan(types.indexOf('JW305'));
    expect(types).toContain('JW323');
    for (const row of messages) expect(row.at(-1)).toContain('Aanvaard');

    const months = await tableRows(ctx.page, /^Wat per maand is gedeclareerd/);
    expect(months).toHaveLength(detail.declarations.length);
    expect(months.length).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(ctx.page);

    // A message's file opens on its own page.
    await ctx.page.getByRole('link', { name: /JW301/ }).first().click();
    await settle(ctx.page);
    await ctx.page.getByText('Aanvaard', { exact: true }).first().waitFor();
    // And from the file back to the trajectories it carried.
    await ctx.page.getByRole('link', { name: 'Trajecten met een bericht uit dit bestand' }).click();
    await ctx.page.waitForURL((url) => url.searchParams.has('bestand'));
    await settle(ctx.page, 'Trajecten');
    await ctx.page.getByText('Alleen trajecten met een bericht uit één bestand.').waitFor();
    expect((await tableRows(ctx.page, /traject(en)? gevonden/)).length).toBeGreaterThan(0);
  });

  it('sorts Trajecten by a column from the keyboard and pages with numbers, first and last', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/trajecten`);
    await settle(ctx.page, 'Trajecten');
    const header = ctx.page.getByRole('columnheader', { name: /^Aanvraag/ });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await header.getByRole('link').focus();
    await ctx.page.keyboard.press('Enter');
    await ctx.page.waitForURL((url) => url.searchParams.get('sorteer') === 'requestDate');
    await settle(ctx.page, 'Trajecten');
    await ctx.page.waitForFunction(
      () => document.querySelector('th[aria-sort="ascending"]')?.textContent?.startsWith('Aanvraag') ?? false,
    );
    const sorted = await apiGet<{ data: Array<{ client: string }>; page: { totalPages: number } }>(
      ctx.app.baseUrl,
      '/trajectories?sort=requestDate&pageSize=25',
    );
    const rows = await tableRows(ctx.page, /traject(en)? gevonden/);
    expect(rows.map((r) => r[0])).toEqual(sorted.data.map((t) => t.client));
    // Again: descending.
    await header.getByRole('link').focus();
    await ctx.page.keyboard.press('Enter');
    await ctx.page.waitForURL((url) => url.searchParams.get('sorteer') === '-requestDate');
    await ctx.page.waitForFunction(
      () => document.querySelector('th[aria-sort="descending"]')?.textContent?.startsWith('Aanvraag') ?? false,
    );
    // Paging names the first and the last page and keeps the order.
    const paging = ctx.page.getByRole('navigation', { name: 'Paginering' });
    const last = String(sorted.page.totalPages);
    await paging.getByRole('link', { name: `Pagina ${last}`, exact: true }).click();
    await ctx.page.waitForURL((url) => url.searchParams.get('pagina') === last);
    expect(new URL(ctx.page.url()).searchParams.get('sorteer')).toBe('-requestDate');
    await settle(ctx.page, 'Trajecten');
    await paging.getByRole('link', { name: 'Pagina 1', exact: true }).waitFor();
    expect(await paging.locator('[aria-current="page"]').innerText()).toContain(last);
    await expectNoSeriousA11yViolations(ctx.page);
  });
});
