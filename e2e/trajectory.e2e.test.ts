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
  });
});
