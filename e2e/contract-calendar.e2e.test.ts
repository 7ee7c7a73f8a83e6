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

describe('Indeling van aanbieders', () => {
  const ctx = useAppInBrowser();

  it('lets the contract manager override a tier only with a reason and never A with C, and keeps the history', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Indeling van aanbieders');
    await settle(ctx.page, 'Indeling van aanbieders');
    const rows = await tableRows(ctx.page, 'Voorgestelde en huidige indeling per aanbieder');
    const lekoever = rows.find((r) => r[0] === 'Jeugdhulp De Lekoever')!;
    // Ambulant and Forensisch, and Gezinsvormen as a member of the Combinatie; the demo seeded it hoog and A.
    expect(lekoever[4]).toBe('3');
    expect(lekoever[8]).toMatch(/^Hoog, A/);
    // Override: choose an omvang other than the suggestion.
    const other = lekoever[7] === 'Basis' ? 'Midden' : 'Basis';
    // Shares and scores are written the Dutch way, and the menu marks one section: this page is not a provider's.
    expect(lekoever[1]).toMatch(/^\d+(,\d)?%$/);
    expect(lekoever[6]).toMatch(/^\d,\d\d$/);
    expect(await ctx.page.locator('.app-menu__button--current').allInnerTexts()).toEqual(['Contracten en inkoop']);
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByRole('link', { name: 'Jeugdhulp De Lekoever' }).click();
    await settle(ctx.page, 'Indeling van Jeugdhulp De Lekoever');
    const save = ctx.page.getByRole('button', { name: 'Indeling vastleggen' });
    // A and C exclude each other in the region: refused next to the field, nothing saved.
    await ctx.page.getByLabel('C flexaanbieder').check();
    await ctx.page.getByLabel('Reden').fill('Ook flexcapaciteit');
    await save.click();
    await ctx.page.locator('#tierLevelIds-error').waitFor();
    expect(await ctx.page.locator('#tierLevelIds-error').innerText()).toContain('sluiten elkaar uit');
    await expectNoSeriousA11yViolations(ctx.page);
    // Without a reason: refused too.
    await ctx.page.getByLabel('C flexaanbieder').uncheck();
    await ctx.page.getByLabel(other, { exact: true }).check();
    await ctx.page.getByLabel('Reden').fill('');
    await save.click();
    await ctx.page.locator('#reason-error').waitFor();
    expect(await ctx.page.locator('#reason-error').innerText()).toBe('geef een reden voor deze indeling');
    expect(await tableRows(ctx.page, 'Besluiten over de indeling, nieuwste eerst')).toEqual([
      ['Nog geen besluiten over de indeling.'],
    ]);

    await ctx.page.getByLabel('Reden').fill('Volume daalt na de overdracht van Forensisch');
    await save.click();
    await ctx.page.getByText('De indeling is vastgelegd.').waitFor();
    await ctx.page.waitForFunction(() => document.body.textContent?.includes('Volume daalt na de overdracht'));
    const history = await tableRows(ctx.page, 'Besluiten over de indeling, nieuwste eerst');
    expect(history.map((r) => r.slice(1))).toEqual([
      [
        'hoog, A',
        `${other.toLowerCase()}, A`,
        'Afgeweken van het voorstel',
        'Volume daalt na de overdracht van Forensisch',
        'Cas Contractmanager',
      ],
    ]);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'provider-tier-decision');
  });

  it('lets the contract manager change the weights, and the suggestion follows at once', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/aanbieders/indeling`);
    await settle(ctx.page, 'Indeling van aanbieders');
    const rowsNow = () => tableRows(ctx.page, 'Voorgestelde en huidige indeling per aanbieder');
    // The provider with the most lots: weighing lots alone gives it the top score, 1, and so hoog.
    const top = (await rowsNow()).sort((x, y) => Number(y[4]) - Number(x[4]))[0]!;
    const name = top[0]!;
    expect(top[6]).not.toBe('1,00');

    // A weight that is not a number is refused next to its field, nothing saved.
    await ctx.page.getByLabel('Gewicht van het aantal percelen').fill('veel');
    await ctx.page.getByRole('button', { name: 'Weging vastleggen' }).click();
    await ctx.page.locator('#lots-error').waitFor();
    for (const [label, value] of [
      ['Gewicht van het aandeel in de uitgaven', '0'],
      ['Gewicht van het aantal jeugdigen', '0'],
      ['Gewicht van het aantal percelen', '1'],
      ['Gewicht van het aantal open signalen', '0'],
    ])
      await ctx.page.getByLabel(label!).fill(value!);
    await ctx.page.getByRole('button', { name: 'Weging vastleggen' }).click();
    await ctx.page.getByText('De weging is vastgelegd').waitFor();
    // The provider's row shows score 1,00 and hoog once the overview has reloaded.
    await ctx.page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('tr')].some(
          (r) =>
            r.querySelector('th, td')?.textContent === n && r.querySelectorAll('th, td')[6]?.textContent === '1,00',
        ),
      name,
    );
    expect((await rowsNow()).find((r) => r[0] === name)!.slice(6, 8)).toEqual(['1,00', 'Hoog']);
    await expectNoSeriousA11yViolations(ctx.page);
  });
});
