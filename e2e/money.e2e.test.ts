import { describe, expect, it } from 'vitest';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

/**
 * Money per budget line on the demo region: iJw spend lands on Zorg in natura only, GI, LTA and Veilig Thuis carry a
 * ledger realisation, Jeugdzorgplus none. The demo's care outgrows the Zorg in natura budget in its last complete
 * quarter, so the start page must say "niet gehaald", name the line and what the total leaves out.
 */
describe('money per budget line: start tile, signal and the realisation page', () => {
  const ctx = useAppInBrowser({ demoYouths: 1500 });

  it('says "niet gehaald" on the start page for the line over budget, and names what the total covers', async () => {
    const { defaultPeriod } = await apiGet<{ defaultPeriod: string }>(ctx.app.baseUrl, '/kpis/periods');
    const money = await apiGet<{ total: { met: boolean; linesOver: Array<{ line: string; region: boolean }> } }>(
      ctx.app.baseUrl,
      `/kpis/money?period=${defaultPeriod}`,
    );
    expect(money.total.met).toBe(false);
    expect(money.total.linesOver).toEqual([expect.objectContaining({ line: 'Zorg in natura', region: true })]);

    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/`);
    await settle(ctx.page);
    const tile = ctx.page.locator('section.start-tile').filter({
      has: ctx.page.getByRole('heading', { name: /^Prognose jaareinde per begrotingspost/ }),
    });
    await tile.getByText('niet gehaald', { exact: true }).waitFor();
    const text = await tile.innerText();
    expect(text).toMatch(/Boven budget: Zorg in natura \(in de regio/);
    expect(text).toMatch(/Telt mee: [^.]*Zorg in natura/);
    expect(text).toMatch(/Telt mee: [^.]*Veilig Thuis/);
    expect(text).toMatch(/Laat weg: Jeugdzorgplus \(geen bron/);
    await screenshot(ctx.page, 'start-geld-per-post');
    await expectNoSeriousA11yViolations(ctx.page);

    // The signal for that line, on the signals page.
    const signals = await apiGet<{ data: Array<{ scopeType: string; key: string }> }>(
      ctx.app.baseUrl,
      `/kpis/signals?period=${defaultPeriod}`,
    );
    expect(signals.data).toContainEqual(expect.objectContaining({ scopeType: 'budgetLine', key: 'ZIN' }));
    await ctx.page.goto(`${ctx.app.baseUrl}/signalen?periode=${defaultPeriod}`);
    await settle(ctx.page, 'Signalen');
    await ctx.page.getByRole('cell', { name: 'Zorg in natura', exact: true }).first().waitFor();
  });

  it('enters and imports a realisation, naming every wrong cell of a bad file and saving nothing', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Realisatie');
    await settle(ctx.page, 'Realisatie per begrotingspost');
    await ctx.page.getByLabel('Begrotingspost', { exact: true }).selectOption({ label: 'Jeugdzorgplus' });
    const year = await ctx.page.getByLabel('Jaar', { exact: true }).inputValue();
    const caption = `Realisatie Jeugdzorgplus ${year} per gemeente en maand`;
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    expect((await tableRows(ctx.page, caption)).flat().filter((c) => c !== '–' && !/^[A-Z]/.test(c))).toEqual([]);

    await ctx.page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Lopik' });
    await ctx.page.getByLabel('Maand', { exact: true }).selectOption({ label: `mrt ${year}` });
    await ctx.page.getByLabel('Bedrag in euro', { exact: true }).fill('12.500,00');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.getByText('Opgeslagen.').waitFor();
    await ctx.page.getByRole('cell', { name: /12\.500/ }).waitFor();

    const bad = [
      'CBS-code;Gemeente;Post;Jaar;jan;feb;mrt;apr;mei;jun;jul;aug;sep;okt;nov;dec',
      `0331;Lopik;JZP;${year};1000;-5;;;;;;;;;;`,
      `9999;Elders;JZP;${Number(year) - 1};abc;;;;;;;;;;;`,
    ].join('\r\n');
    await ctx.page
      .getByLabel('Bestand (XLSX of CSV)', { exact: true })
      .setInputFiles({ name: 'jzp.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    const errors = ctx.page.getByRole('list', { name: 'Wat niet klopt' });
    await errors.waitFor();
    await ctx.page.getByText('Er is niets opgeslagen. Dit klopt niet:').waitFor();
    const reasons = await errors.getByRole('listitem').allInnerTexts();
    expect(reasons).toEqual([
      'F2: feb: bedrag mag niet negatief zijn',
      'A3: gemeente "9999" hoort niet bij de regio',
      `D3: jaar "${Number(year) - 1}" is niet ${year}`,
      'E3: jan: "abc" is geen bedrag',
    ]);
    // Nothing of the file was saved: January of Lopik is still empty.
    const lopik = (await tableRows(ctx.page, caption)).find((r) => r[0] === 'Lopik')!;
    expect(lopik[1]).toBe('–');
    await screenshot(ctx.page, 'realisatie-fouten');
    await expectNoSeriousA11yViolations(ctx.page);
  });
});
