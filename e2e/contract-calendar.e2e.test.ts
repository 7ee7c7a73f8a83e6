import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

const decisions = 'Besluiten en einddata binnen de horizon';

/** The rows of the calendar that ask for a decision on an extension: [contract, signal]. */
async function decisionRows(ctx: ReturnType<typeof useAppInBrowser>): Promise<string[][]> {
  const rows = await tableRows(ctx.page, decisions);
  return rows.filter((r) => r[1]!.startsWith('Besluit over verlenging')).map((r) => [r[2]!, r[5]!]);
}

describe('Contractkalender', () => {
  const ctx = useAppInBrowser();

  it('shows the contract manager the extension decisions due, with a signal for those due within three months', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Contractkalender');
    await settle(ctx.page, 'Contractkalender');
    await ctx.page.getByRole('table', { name: decisions }).waitFor();
    // The demo's options (demo-contracts.ts): two due within three months, one overdue, three later in the year; the
    // Gezinsvormen option is due after twelve months, and one contract ends within the year without an option.
    const due = await decisionRows(ctx);
    expect(due.filter(([, signal]) => signal === 'Besluit binnen 3 maanden').map(([c]) => c)).toEqual([
      'LEK-2023-001',
      'LEK-2023-002',
    ]);
    expect(due.filter(([, signal]) => signal?.startsWith('Te laat')).map(([c]) => c)).toEqual(['LEK-2023-007']);
    expect(due.map(([c]) => c)).not.toContain('LEK-2023-008');
    expect(due.map(([c]) => c)).not.toContain('LEK-2023-004');
    const ends = (await tableRows(ctx.page, decisions)).filter((r) => r[1] === 'Contract loopt af').map((r) => r[2]);
    expect(ends).toEqual(['LEK-2023-010']);
    expect(await ctx.page.getByRole('alert').innerText()).toContain(
      '3 besluiten over verlenging binnen 3 maanden of te laat',
    );
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'contract-calendar');

    await ctx.page.getByLabel('Horizon', { exact: true }).selectOption('18');
    await ctx.page.waitForURL(/horizon=18/);
    await ctx.page.getByRole('heading', { level: 2, name: /^Besluiten en einddata tot/ }).waitFor();
    await ctx.page.waitForFunction(() => document.body.textContent?.includes('LEK-2023-008'));
    expect((await decisionRows(ctx)).map(([c]) => c)).toContain('LEK-2023-008');
    await expectNoSeriousA11yViolations(ctx.page);

    // The contract's own page names the option's status.
    await ctx.page.getByRole('link', { name: 'LEK-2023-001' }).first().click();
    await settle(ctx.page);
    const extensions = await tableRows(ctx.page, 'Verlengingen');
    expect(extensions.map((r) => r[1])).toEqual(['Besloten: verlengd', 'Optie, nog te besluiten']);
  });

  it('is not in the menu of a provider', async () => {
    await signInAs(ctx, 'aanbieder');
    const menu = ctx.page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.waitFor();
    expect(await menu.innerText()).not.toContain('Contractkalender');
  });
});
