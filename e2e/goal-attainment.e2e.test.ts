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

interface Ended {
  municipalityCode: string;
  allocationNumber: string;
  endDate: string;
  registered: unknown;
}
interface Summary {
  period: { label: string };
  providers: Array<{ name: string; percent: number | null }>;
  figures: Array<{ kpi: string; region: { value: number | null; suppressed: boolean } }>;
}

const header = 'gemeente;toewijzingnummer;zonder_hulp_verder;problemen_verminderd;doelen_gerealiseerd';
const csv = (rows: string[]) => Buffer.from([header, ...rows].join('\r\n'));

/**
 * Goal attainment on the demo region: De Lekoever registered most of its ended allocations (the demo seeds them);
 * it uploads the rest of one year as a quarterly file, first with one wrong row (refused whole, the row named), then
 * corrected, and sees its completeness rise and the figures beside the region's.
 */
describe('goal attainment: a provider uploads its ended allocations and sees the figures', () => {
  const ctx = useAppInBrowser({ demoYouths: 1500 });

  it('refuses a file with one wrong row, naming it, then takes the corrected file', async () => {
    const { data } = await apiGet<{ data: Ended[] }>(ctx.app.baseUrl, '/goal-attainments', 'aanbieder');
    const open = data.filter((a) => a.registered === null);
    // The year with the most endings still to register, so its completeness visibly rises.
    const years = new Map<string, number>();
    for (const a of open) years.set(a.endDate.slice(0, 4), (years.get(a.endDate.slice(0, 4)) ?? 0) + 1);
    const year = [...years].sort((a, b) => b[1] - a[1])[0]![0];
    const chosen = open.filter((a) => a.endDate.startsWith(year)).slice(0, 8);
    expect(chosen.length).toBeGreaterThanOrEqual(3);
    const rows = chosen.map(
      (a, i) => `${a.municipalityCode};${a.allocationNumber};${i % 2 ? 'nee' : 'ja'};ja;volledig`,
    );
    const before = await apiGet<Summary>(ctx.app.baseUrl, `/goal-attainments/summary?period=${year}`, 'aanbieder');

    await signInAs(ctx, 'aanbieder');
    await followMenuLink(ctx.page, 'Doelrealisatie');
    await settle(ctx.page, 'Doelrealisatie');
    await ctx.page.getByLabel('Periode', { exact: true }).selectOption(year);
    await ctx.page.getByRole('table', { name: 'Vastgelegd ÷ beëindigd per aanbieder' }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);

    const wrong = rows.map((r, i) => (i === 1 ? r.replace(';ja;volledig', ';misschien;volledig') : r));
    const file = ctx.page.getByLabel('Bestand (XLSX of CSV)', { exact: true });
    await file.setInputFiles({ name: 'doelrealisatie.csv', mimeType: 'text/csv', buffer: csv(wrong) });
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    const problems = ctx.page.getByRole('list', { name: 'Wat niet klopt' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual([
      'rij 3, kolom D (problemen_verminderd): 3.3: "misschien" is geen antwoord; kies ja, nee',
    ]);
    await ctx.page.getByText('Er is niets opgeslagen. Dit klopt niet:').waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
    const still = await apiGet<{ data: Ended[] }>(ctx.app.baseUrl, '/goal-attainments', 'aanbieder');
    const key = (a: Ended) => `${a.municipalityCode}|${a.allocationNumber}`;
    const keys = new Set(chosen.map(key));
    expect(still.data.filter((a) => keys.has(key(a)) && a.registered !== null)).toEqual([]);

    await file.setInputFiles({ name: 'doelrealisatie.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    await ctx.page
      .getByText(`Ingelezen: ${chosen.length} toewijzingen vastgelegd, 0 ongewijzigd.`, { exact: true })
      .waitFor();

    const after = await apiGet<Summary>(ctx.app.baseUrl, `/goal-attainments/summary?period=${year}`, 'aanbieder');
    expect(after.providers[0]!.percent!).toBeGreaterThan(before.providers[0]!.percent!);
    const share = `${String(after.providers[0]!.percent).replace('.', ',')}%`;
    const completeness = await tableRows(ctx.page, 'Vastgelegd ÷ beëindigd per aanbieder');
    expect(completeness[0]![0]).toBe('Jeugdhulp De Lekoever');
    await expect
      .poll(async () => (await tableRows(ctx.page, 'Vastgelegd ÷ beëindigd per aanbieder'))[0]![3])
      .toMatch(new RegExp(`^${share}`));
    expect(completeness.at(-1)![0]).toBe('Regio totaal');

    // The figures: the own organisation beside the region, the region's published.
    const figures = await tableRows(ctx.page, /^Aandeel van de vastgelegde beëindigde toewijzingen/);
    expect(figures.map((r) => r[0])).toEqual(['Eigen organisatie', 'Regio']);
    const region = after.figures.find((f) => f.kpi === 'goal_without_help')!.region;
    expect(region.suppressed).toBe(false);
    expect(figures[1]![1]).toBe(`${String(region.value).replace('.', ',')}%`);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'doelrealisatie-aanbieder');
  });

  it('shows the region completeness per provider, with the warning for a provider below the threshold', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Doelrealisatie');
    await settle(ctx.page, 'Doelrealisatie');
    await ctx.page.getByRole('table', { name: 'Vastgelegd ÷ beëindigd per aanbieder' }).waitFor();
    const rows = await tableRows(ctx.page, 'Vastgelegd ÷ beëindigd per aanbieder');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r[3]!.endsWith('(te laag)'))).toBe(true);
    await ctx.page.getByRole('alert').filter({ hasText: 'Te onvolledig om op te vertrouwen' }).waitFor();
    await ctx.page.getByRole('columnheader', { name: 'Zonder hulp verder' }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);

    // A stricter threshold: the dashboard then says the region's goal attainment is too incomplete to trust.
    await ctx.page.getByLabel('Minimaal vastgelegd (procent)').fill('95');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.getByText('Opgeslagen.', { exact: true }).waitFor();
    await followMenuLink(ctx.page, 'Dashboard');
    await settle(ctx.page, 'Dashboard');
    await ctx.page
      .getByRole('status')
      .filter({ hasText: 'Doelrealisatie te onvolledig om op te vertrouwen' })
      .waitFor();
    await ctx.page.locator('.kpi-tile h2').filter({ hasText: 'Doelen gerealiseerd' }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
  });
});
