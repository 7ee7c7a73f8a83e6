import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
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

interface Budget {
  municipalityName: string;
  budgetLineName: string;
  year: number;
  amount: number;
}
interface Product {
  id: string;
  productCode: string;
  lotName: string | null;
  validTo: string | null;
  tariffs: Array<{ year: number; tariff: number }>;
}

/** Raised by 2.5 % in whole cents, half a cent up, in integers (cents × 1025 / 1000), as the server does it. */
const raise = (amount: number) => Math.floor((Math.round(amount * 100) * 1025 + 500) / 1000) / 100;

describe('the yearly bulk work: budgets, tariff indexation and products from a spreadsheet', () => {
  const ctx = useAppInBrowser();
  const year = new Date().getFullYear();

  it(`copies ${year}'s budgets to ${year + 1} with 2.5 % and accepts the preview`, async () => {
    const source = (await apiGet<{ data: Budget[] }>(ctx.app.baseUrl, `/budgets?year=${year}`)).data;
    expect(source.length).toBe(25);
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Budgetten');
    await settle(ctx.page, 'Budgetten');
    await ctx.page.getByLabel('Van jaar', { exact: true }).selectOption(String(year));
    await ctx.page.getByLabel('Naar jaar', { exact: true }).selectOption(String(year + 1));
    await ctx.page.getByLabel('Indexatie in procenten', { exact: true }).fill('2,5');
    await ctx.page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const caption = `Budget ${year + 1} uit ${year}`;
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    await ctx.page.getByText('Voorbeeld: er is nog niets opgeslagen.').waitFor();
    const preview = await tableRows(ctx.page, caption);
    expect(preview).toHaveLength(25);
    expect(preview.every((r) => r[3] === '2,5 %' && r[5] === 'nieuw')).toBe(true);
    // Nothing is stored by the preview.
    expect((await apiGet<{ data: Budget[] }>(ctx.app.baseUrl, `/budgets?year=${year + 1}`)).data).toEqual([]);
    await screenshot(ctx.page, 'budget-nieuw-jaar-voorbeeld');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByRole('button', { name: 'Overnemen' }).click();
    await ctx.page.getByText(`25 budgetten voor ${year + 1} vastgelegd.`).waitFor();
    await ctx.page.waitForURL((url) => url.searchParams.get('jaar') === String(year + 1));
    const stored = (await apiGet<{ data: Budget[] }>(ctx.app.baseUrl, `/budgets?year=${year + 1}`)).data;
    expect(stored).toHaveLength(25);
    for (const b of source) {
      const next = stored.find(
        (s) => s.municipalityName === b.municipalityName && s.budgetLineName === b.budgetLineName,
      );
      expect(next?.amount).toBe(raise(b.amount));
    }
    await ctx.page.getByRole('table', { name: `Budget ${year + 1} per gemeente en begrotingspost` }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('indexes all tariffs of a lot for a new year and lists the products still without one', async () => {
    // The demo has tariffs up to next year, so the new year is the one after.
    const [from, to] = [year + 1, year + 2];
    const all = (await apiGet<{ data: Product[] }>(ctx.app.baseUrl, '/products?pageSize=100')).data;
    const ambulant = all.filter((p) => p.lotName === 'Ambulant' && (!p.validTo || p.validTo >= `${to}-01-01`));
    expect(ambulant.length).toBeGreaterThan(0);
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Producten');
    await settle(ctx.page, 'Producten');
    await ctx.page.getByRole('link', { name: 'Tarieven indexeren' }).click();
    await settle(ctx.page, 'Tarieven indexeren');
    await ctx.page.getByLabel('Perceel', { exact: true }).selectOption({ label: 'AMB – Ambulant' });
    await ctx.page.getByLabel('Van jaar', { exact: true }).selectOption(String(from));
    await ctx.page.getByLabel('Naar jaar', { exact: true }).selectOption(String(to));
    await ctx.page.getByLabel('Indexatie in procenten', { exact: true }).fill('2,5');
    await ctx.page.getByLabel('Afronding', { exact: true }).selectOption('half-up');
    await ctx.page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const caption = `Tarieven ${to} uit ${from}`;
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const preview = await tableRows(ctx.page, caption);
    expect(preview.map((r) => r[0]).sort()).toEqual(ambulant.map((p) => p.productCode).sort());
    // A product with the new year's tariff keeps it; one without the source year's cannot be indexed; the rest get one.
    const tariff = (p: Product, y: number) => p.tariffs.find((t) => t.year === y)?.tariff;
    const expected = (p: Product) =>
      tariff(p, to) !== undefined ? 'keep' : tariff(p, from) === undefined ? 'missing' : 'create';
    const indexed = ambulant.filter((p) => expected(p) === 'create');
    expect(indexed.length).toBeGreaterThan(0);
    for (const row of preview) {
      const p = ambulant.find((a) => a.productCode === row[0])!;
      expect(row[5]).toMatch({ create: /^nieuw tarief$/, keep: /^blijft /, missing: /^geen tarief in / }[expected(p)]);
    }
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByRole('button', { name: 'Vastleggen' }).click();
    await ctx.page.getByText(`${indexed.length} tarieven voor ${to} vastgelegd.`).waitFor();
    const after = (await apiGet<{ data: Product[] }>(ctx.app.baseUrl, '/products?pageSize=100')).data;
    for (const p of indexed) {
      const was = p.tariffs.find((t) => t.year === from)!.tariff;
      const now = after.find((a) => a.id === p.id)!.tariffs.find((t) => t.year === to)?.tariff;
      expect(now).toBe(raise(was));
    }
    // The lot has a tariff for every year now; the other lots' products still lack the new year's, and are listed.
    const missingCaption = `Producten zonder tarief voor een jaar waarin ze gelden, tot en met ${to}`;
    await ctx.page.getByText('Elk product heeft een tarief voor elk jaar waarin het geldt.').waitFor();
    await ctx.page.getByLabel('Perceel', { exact: true }).selectOption({ label: 'Alle producten' });
    await ctx.page.getByRole('table', { name: missingCaption }).getByRole('link').first().waitFor();
    const listed = (await tableRows(ctx.page, missingCaption)).map((r) => r[0]);
    const others = all.filter((p) => p.lotName !== 'Ambulant' && !p.validTo && tariff(p, to) === undefined);
    expect(listed.sort()).toEqual(others.map((p) => p.productCode).sort());
    await screenshot(ctx.page, 'tarieven-indexeren');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it("imports the demo's products from an XLSX: one wrong row refused with the row named, then corrected and applied", async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Producten');
    await settle(ctx.page, 'Producten');
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('link', { name: 'Deze producten met tarieven (Excel)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Producten')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const tariffColumn = header.indexOf(`Tarief ${year}`) + 1;
    expect(tariffColumn).toBeGreaterThan(0);
    const code = String(sheet.getRow(3).getCell(1).value);
    sheet.getRow(3).getCell(tariffColumn).value = -5;
    const bytes = async () => Buffer.from(await workbook.xlsx.writeBuffer());

    await ctx.page.getByRole('link', { name: 'Producten inlezen' }).click();
    await settle(ctx.page, 'Producten inlezen');
    const file = ctx.page.getByLabel('Bestand (XLSX)', { exact: true });
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await file.setInputFiles({ name: 'producten.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const errors = ctx.page.getByRole('list', { name: 'Wat niet klopt' });
    await errors.waitFor();
    expect(await errors.getByRole('listitem').allInnerTexts()).toEqual([
      `rij 3, Tarief ${year}: tarief mag niet negatief zijn`,
    ]);
    await expect(ctx.page.getByRole('button', { name: 'Inlezen' }).count()).resolves.toBe(0);
    await screenshot(ctx.page, 'producten-inlezen-fout');
    await expectNoSeriousA11yViolations(ctx.page);

    // Corrected: the tariff becomes 99,95; the file is checked again, previewed and applied.
    sheet.getRow(3).getCell(tariffColumn).value = 99.95;
    await file.setInputFiles({ name: 'producten.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const caption = 'Voorbeeld: wat het inlezen met producten doet';
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const preview = await tableRows(ctx.page, caption);
    expect(preview.filter((r) => r[3] !== 'ongewijzigd')).toEqual([
      ['3', code, expect.any(String), 'wijzigen', `Tarief ${year}`],
    ]);
    const before = (await apiGet<{ data: Product[] }>(ctx.app.baseUrl, `/products?q=${code}`)).data.find(
      (p) => p.productCode === code,
    )!;
    expect(before.tariffs.find((t) => t.year === year)?.tariff).not.toBe(99.95);
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    await ctx.page.getByText(`Ingelezen: 0 toegevoegd, 1 gewijzigd, ${preview.length - 1} ongewijzigd.`).waitFor();
    const after = (await apiGet<{ data: Product[] }>(ctx.app.baseUrl, `/products?q=${code}`)).data.find(
      (p) => p.productCode === code,
    )!;
    expect(after.tariffs.find((t) => t.year === year)?.tariff).toBe(99.95);
    await screenshot(ctx.page, 'producten-inlezen-klaar');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('imports the contract list from its Excel export: one wrong row refused with the row named, then corrected and applied', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Contracten');
    await settle(ctx.page, 'Contracten');
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('link', { name: 'Deze contracten (Excel)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contracten')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const column = (name: string) => header.indexOf(name) + 1;
    const reference = String(sheet.getRow(3).getCell(column('Kenmerk')).value);
    const start = String(sheet.getRow(3).getCell(column('Startdatum')).value);
    const end = sheet.getRow(3).getCell(column('Einddatum')).value;
    // The end a year before the start: refused, naming row 3 and its column.
    sheet.getRow(3).getCell(column('Einddatum')).value = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
    const bytes = async () => Buffer.from(await workbook.xlsx.writeBuffer());

    await ctx.page.getByRole('link', { name: 'Contracten inlezen' }).click();
    await settle(ctx.page, 'Contracten inlezen');
    const file = ctx.page.getByLabel('Bestand (XLSX)', { exact: true });
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await file.setInputFiles({ name: 'contracten.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const errors = ctx.page.getByRole('list', { name: 'Wat niet klopt' });
    await errors.waitFor();
    expect(await errors.getByRole('listitem').allInnerTexts()).toEqual([
      'rij 3, Einddatum: einddatum ligt voor de startdatum',
    ]);
    await expect(ctx.page.getByRole('button', { name: 'Inlezen' }).count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(ctx.page);

    // Corrected: the end as it was, and a new budget ceiling; only that contract changes, only in that column.
    sheet.getRow(3).getCell(column('Einddatum')).value = end;
    sheet.getRow(3).getCell(column('Budgetplafond')).value = 1234567.5;
    await file.setInputFiles({ name: 'contracten.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const caption = 'Voorbeeld: wat het inlezen met contracten doet';
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const preview = await tableRows(ctx.page, caption);
    expect(preview.filter((r) => r[3] !== 'ongewijzigd')).toEqual([
      ['3', reference, expect.any(String), 'wijzigen', 'Budgetplafond'],
    ]);
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    await ctx.page.getByText(`Ingelezen: 0 toegevoegd, 1 gewijzigd, ${preview.length - 1} ongewijzigd.`).waitFor();
    const after = await apiGet<{ data: Array<{ reference: string; budgetCeiling: number | null }> }>(
      ctx.app.baseUrl,
      `/contracts?q=${encodeURIComponent(reference)}`,
    );
    expect(after.data.find((c) => c.reference === reference)?.budgetCeiling).toBe(1234567.5);
    await screenshot(ctx.page, 'contracten-inlezen-klaar');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it("imports a budget table from the year's template: a negative amount refused with its cell named, then applied", async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Budgetten');
    await settle(ctx.page, 'Budgetten');
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('link', { name: `Sjabloon budgetten ${year} (Excel)` }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Budgetten')!;
    const line = String(sheet.getRow(1).getCell(4).value);
    const municipality = String(sheet.getRow(2).getCell(2).value);
    sheet.getRow(2).getCell(4).value = -100;
    const bytes = async () => Buffer.from(await workbook.xlsx.writeBuffer());
    const file = ctx.page.getByLabel('Bestand (XLSX)', { exact: true });
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await file.setInputFiles({ name: 'budgetten.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const errors = ctx.page.getByRole('list', { name: 'Wat niet klopt' });
    await errors.waitFor();
    expect(await errors.getByRole('listitem').allInnerTexts()).toEqual([
      `rij 2, ${line}: bedrag mag niet negatief zijn`,
    ]);
    await expectNoSeriousA11yViolations(ctx.page);

    // Corrected: one amount; the template's empty cells leave every other budget as it is.
    sheet.getRow(2).getCell(4).value = 4321.5;
    await file.setInputFiles({ name: 'budgetten.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const caption = 'Voorbeeld: wat het inlezen met budgetten doet';
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const changed = (await tableRows(ctx.page, caption)).filter((r) => r[3] !== 'ongewijzigd');
    expect(changed.map((r) => [r[0], r[3]])).toEqual([['2', 'wijzigen']]);
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    await ctx.page.getByText(/^Ingelezen: 0 toegevoegd, 1 gewijzigd/).waitFor();
    const stored = (await apiGet<{ data: Budget[] }>(ctx.app.baseUrl, `/budgets?year=${year}`)).data;
    expect(stored).toHaveLength(25);
    const changedBudget = stored.filter((b) => b.municipalityName === municipality && b.amount === 4321.5);
    expect(changedBudget).toHaveLength(1);
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('imports providers with their locations: an AGB code twice refused naming both rows, then a corrected website applied', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Aanbieders');
    await settle(ctx.page, 'Aanbieders');
    await ctx.page.getByRole('link', { name: 'Aanbieders inlezen' }).click();
    await settle(ctx.page, 'Aanbieders inlezen');
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('link', { name: 'De huidige aanbieders met locaties (Excel)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Aanbieders')!;
    const [first, third] = [String(sheet.getRow(2).getCell(1).value), String(sheet.getRow(3).getCell(1).value)];
    sheet.getRow(3).getCell(1).value = first;
    const bytes = async () => Buffer.from(await workbook.xlsx.writeBuffer());
    const file = ctx.page.getByLabel('Bestand (XLSX)', { exact: true });
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await file.setInputFiles({ name: 'aanbieders.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const errors = ctx.page.getByRole('list', { name: 'Wat niet klopt' });
    await errors.waitFor();
    expect(await errors.getByRole('listitem').allInnerTexts()).toContain(
      `rij 3, AGB-code: AGB-code ${first} staat er twee keer in (ook rij 2)`,
    );
    await expectNoSeriousA11yViolations(ctx.page);

    // Corrected: row 3 keeps its own AGB code and gets a new website.
    sheet.getRow(3).getCell(1).value = third;
    sheet.getRow(3).getCell(6).value = 'https://www.example.org/nieuw';
    await file.setInputFiles({ name: 'aanbieders.xlsx', mimeType: type, buffer: await bytes() });
    await ctx.page.getByRole('button', { name: 'Controleren' }).click();
    const caption = 'Voorbeeld: wat het inlezen met aanbieders doet';
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const changed = (await tableRows(ctx.page, caption)).filter((r) => r[3] !== 'ongewijzigd');
    expect(changed).toEqual([['3', third, expect.any(String), 'wijzigen', 'Website']]);
    await ctx.page.getByRole('button', { name: 'Inlezen' }).click();
    await ctx.page.getByText(/^Ingelezen: 0 toegevoegd, 1 gewijzigd/).waitFor();
    const after = await apiGet<{ data: Array<{ agbCode: string; website: string | null }> }>(
      ctx.app.baseUrl,
      `/providers?q=${third}`,
    );
    expect(after.data.find((p) => p.agbCode === third)?.website).toBe('https://www.example.org/nieuw');
    await expectNoSeriousA11yViolations(ctx.page);
  });
});
