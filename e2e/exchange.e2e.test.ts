import { execFileSync } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLandscape, generateIjw } from '../src/tools/ijw-generator/generate.js';
import {
  apiGet,
  expectNoSeriousA11yViolations,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
  followMenuLink,
  menuOutline,
} from './harness.js';

function hasZip(): boolean {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('iJw messages: import, history, quarantine and trajectories', () => {
  let dataDir: string;
  /** What the contract manager uploads first: a zip of two months, or those months' XML files. */
  let upload: string[];
  let validFiles: number;
  let truncated: string;
  let oneValid: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zl-e2e-ijw-'));
    await generateIjw({
      outDir: dataDir,
      ...demoLandscape(),
      youths: 60,
      years: 1,
      startYear: 2025,
      seed: 20250101,
      invalidRate: 0.05,
    });
    const months = ['2025-01', '2025-02'];
    const xml: string[] = [];
    for (const month of months) {
      for (const name of (await readdir(join(dataDir, '2025', month))).sort())
        xml.push(join(dataDir, '2025', month, name));
    }
    validFiles = xml.length;
    oneValid = xml[0]!;
    if (hasZip()) {
      execFileSync('zip', ['-qr', join(dataDir, 'twee-maanden.zip'), ...months.map((m) => join('2025', m))], {
        cwd: dataDir,
      });
      upload = [join(dataDir, 'twee-maanden.zip')];
    } else {
      upload = xml;
    }
    const expected = JSON.parse(await readFile(join(dataDir, 'invalid', 'expected.json'), 'utf8')) as {
      files: Array<{ file: string; kind: string }>;
    };
    truncated = join(dataDir, expected.files.find((f) => f.kind === 'malformed-xml')!.file);
  });

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  // Registered after the hooks above: the app starts once the files are there, and stops before they are removed.
  const ctx = useAppInBrowser();

  /** Chooses the files and presses "Inlezen"; resolves with every text the status region showed, once the summary is there. */
  async function importFiles(files: string[]): Promise<string[]> {
    await ctx.page.getByLabel('Bestanden (XML of zip)', { exact: true }).setInputFiles(files);
    await ctx.page.evaluate(() => {
      const region = document.querySelector('.upload-status')!;
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => {
        seen.push(region.textContent ?? '');
        if (document.querySelector('progress')) seen.push('<progress>');
      }).observe(region.parentElement!, { subtree: true, childList: true, characterData: true });
    });
    await ctx.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await ctx.page
      .getByRole('status')
      .filter({ hasText: /aanvaard, .* afgekeurd; [\d.]+ records/ })
      .waitFor({ timeout: 60_000 });
    return ctx.page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  }

  async function openUpload(role: 'contractmanager' | 'beheerder' = 'contractmanager'): Promise<void> {
    await signInAs(ctx, role);
    await followMenuLink(ctx.page, 'Berichten');
    await settle(ctx.page, 'Ingelezen berichten');
    await ctx.page.getByRole('navigation', { name: 'Berichten' }).getByRole('link', { name: 'Inlezen' }).click();
    await settle(ctx.page, 'iJw-berichten inlezen');
  }

  it('lets a contract manager import two months and shows every file accepted, with the summary', async () => {
    await openUpload();
    expect(await ctx.page.title()).toBe('iJw-berichten inlezen | Zorglandschap');
    const seen = await importFiles(upload);
    expect(seen).toContain('<progress>');
    expect(seen.some((s) => s.includes('Bezig met verwerken…'))).toBe(true);
    const rows = await tableRows(ctx.page, 'Uitslag per bestand');
    expect(rows).toHaveLength(validFiles);
    expect(rows.every((r) => r[2] === 'Aanvaard')).toBe(true);
    const records = rows.reduce((n, r) => n + Number(r[3]!.replace(/\./g, '')), 0);
    expect(await ctx.page.locator('.import-summary').innerText()).toBe(
      `${validFiles} aanvaard, 0 al eerder ingelezen, 0 afgekeurd; ${records.toLocaleString('nl-NL')} records`,
    );
    await screenshot(ctx.page, 'berichten-ingelezen');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('rejects a truncated file with its reason and keeps it in the quarantine, with its original', async () => {
    await openUpload();
    await importFiles([truncated]);
    expect(await ctx.page.locator('.import-summary').innerText()).toBe(
      '0 aanvaard, 0 al eerder ingelezen, 1 afgekeurd; 0 records',
    );
    const [row] = await tableRows(ctx.page, 'Uitslag per bestand');
    const name = truncated.split('/').pop()!;
    expect(row?.[0]).toBe(name);
    expect(row?.[2]).toBe('Afgekeurd');
    expect(row?.[4]).toMatch(/^XML, code 0001: geen geldige XML/);
    await screenshot(ctx.page, 'berichten-afgekeurd');

    await ctx.page.getByRole('link', { name: `In de quarantaine van ${name}` }).click();
    await settle(ctx.page, name);
    expect(await ctx.page.locator('main').innerText()).toContain('geen geldige XML');
    await expectNoSeriousA11yViolations(ctx.page);
    await ctx.page.getByRole('link', { name: 'Terug naar de quarantaine' }).click();
    await settle(ctx.page, 'Quarantaine');
    const quarantined = (await tableRows(ctx.page, /afgekeurde? bestand(en)?$/)).find((r) => r[0] === name);
    expect(quarantined?.[4]).toMatch(/^XML, code 0001: geen geldige XML/);
    const original = ctx.page.getByRole('link', { name: `Origineel van ${name}` });
    expect(await original.getAttribute('download')).toBe(name);
    const [download] = await Promise.all([ctx.page.waitForEvent('download'), original.click()]);
    expect(download.suggestedFilename()).toBe(name);
    await screenshot(ctx.page, 'berichten-quarantaine');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('counts a file imported before as "al eerder ingelezen"', async () => {
    await openUpload();
    await importFiles([oneValid]);
    expect(await ctx.page.locator('.import-summary').innerText()).toBe(
      '0 aanvaard, 1 al eerder ingelezen, 0 afgekeurd; 0 records',
    );
    expect((await tableRows(ctx.page, 'Uitslag per bestand'))[0]?.[2]).toBe('Al eerder ingelezen');
  });

  it('shows the history with filters and a retour message to download', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/berichten`);
    await settle(ctx.page, 'Ingelezen berichten');
    await ctx.page
      .locator('table caption')
      .filter({ hasText: `${validFiles + 1} bestanden gevonden` })
      .waitFor();
    await ctx.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgekeurd' });
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await ctx.page.locator('table caption').filter({ hasText: '1 bestand gevonden' }).waitFor();
    await ctx.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Aanvaard' });
    await ctx.page.getByLabel('Berichttype', { exact: true }).selectOption('JW301');
    // The previous results stay (aria-busy) until the answer for this filter is in.
    const answered = ctx.page.waitForResponse(
      (r) => r.url().includes('/api/v1/imports') && new URL(r.url()).searchParams.get('messageType') === 'JW301',
    );
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await ctx.page.waitForURL((url) => url.searchParams.get('berichttype') === 'JW301');
    await answered;
    await ctx.page.locator('table:not([aria-busy="true"]) caption').filter({ hasText: 'gevonden' }).waitFor();
    const rows = await tableRows(ctx.page, /bestand(en)? gevonden$/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[2] === 'JW301' && r[5] === 'Aanvaard')).toBe(true);
    const retour = ctx.page.getByRole('link', { name: /^Retourbericht van / }).first();
    expect(await retour.getAttribute('href')).toMatch(/^\/api\/v1\/imports\/[0-9a-f-]{36}\/retour$/);
    expect(await retour.getAttribute('download')).toMatch(/^retour-JW301_.*\.xml$/);
    const [download] = await Promise.all([ctx.page.waitForEvent('download'), retour.click()]);
    expect(download.suggestedFilename()).toMatch(/^retour-JW301_.*\.xml$/);
    await screenshot(ctx.page, 'berichten-geschiedenis');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('finds trajectories with names from the code lists, and narrows them by product category', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Trajecten');
    await settle(ctx.page, 'Trajecten');
    expect(await ctx.page.locator('main').innerText()).toContain('alleen als pseudoniem');
    const all = await apiGet<{ data: Array<{ productCategory: string }>; page: { totalElements: number } }>(
      ctx.app.baseUrl,
      '/trajectories?pageSize=100',
    );
    expect(all.page.totalElements).toBeGreaterThan(0);
    // Counts carry the Dutch thousands separator ("2.663 trajecten gevonden").
    await ctx.page
      .locator('table caption')
      .filter({ hasText: `${all.page.totalElements.toLocaleString('nl-NL')} trajecten gevonden` })
      .waitFor();
    const rows = await tableRows(ctx.page, /traject(en)? gevonden$/);
    expect(rows.length).toBe(Math.min(25, all.page.totalElements));
    expect(rows.every((r) => /^€\s[\d.]+,\d\d$/.test(r[10]!))).toBe(true);
    expect(rows.some((r) => /^\d\d – /.test(r[4]!))).toBe(true);

    const counts = new Map<string, number>();
    for (const t of all.data) counts.set(t.productCategory, (counts.get(t.productCategory) ?? 0) + 1);
    const [category] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
    const count = (
      await apiGet<{ page: { totalElements: number } }>(
        ctx.app.baseUrl,
        `/trajectories?productCategory=${category}&pageSize=1`,
      )
    ).page.totalElements;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(all.page.totalElements);
    const categories = ctx.page.getByLabel('Productcategorie', { exact: true });
    await categories.locator(`option[value="${category}"]`).waitFor({ state: 'attached' });
    await categories.selectOption(category);
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await ctx.page
      .locator('table caption')
      .filter({ hasText: `${count.toLocaleString('nl-NL')} ${count === 1 ? 'traject' : 'trajecten'} gevonden` })
      .waitFor();
    const narrowed = await tableRows(ctx.page, /traject(en)? gevonden$/);
    expect(narrowed.length).toBe(Math.min(25, count));
    expect(narrowed.every((r) => r[3]!.includes(`${category} – `))).toBe(true);
    await screenshot(ctx.page, 'trajecten');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('refuses a trajectory period that ends before it begins at its field, and takes a page past the end to the last page', async () => {
    await signInAs(ctx, 'contractmanager');
    await ctx.page.goto(`${ctx.app.baseUrl}/trajecten`);
    await settle(ctx.page, 'Trajecten');
    await ctx.page.locator('table caption').filter({ hasText: 'gevonden' }).waitFor();
    await ctx.page.getByLabel('Van', { exact: true }).fill('2025-12-31');
    await ctx.page.getByLabel('Tot', { exact: true }).fill('2025-01-01');
    await ctx.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const summary = ctx.page
      .getByRole('alert')
      .filter({ has: ctx.page.getByRole('heading', { name: 'Er zijn fouten' }) });
    await summary.waitFor();
    expect((await summary.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual([
      'Tot: einddatum ligt voor de begindatum',
    ]);
    expect(await ctx.page.locator('#tot-error').innerText()).toBe('einddatum ligt voor de begindatum');
    expect(await ctx.page.getByLabel('Tot', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await ctx.page.getByLabel('Tot', { exact: true }).inputValue()).toBe('2025-01-01');
    // No results for a query that was refused, and no page count either.
    expect(await ctx.page.locator('main table').count()).toBe(0);
    expect(await ctx.page.locator('.pagination-status').count()).toBe(0);
    await summary.getByRole('link').click();
    expect(await ctx.page.evaluate(() => document.activeElement?.id)).toBe('tot');
    await screenshot(ctx.page, 'trajecten-periode-fout');
    await expectNoSeriousA11yViolations(ctx.page);

    // A page number past the last page (an old bookmark) becomes the last page, in the address too.
    const { page } = await apiGet<{ page: { totalElements: number; totalPages: number } }>(
      ctx.app.baseUrl,
      '/trajectories?pageSize=25',
    );
    await ctx.page.goto(`${ctx.app.baseUrl}/trajecten?pagina=999`);
    await settle(ctx.page, 'Trajecten');
    await ctx.page.waitForURL(
      (url) => url.searchParams.get('pagina') === (page.totalPages > 1 ? String(page.totalPages) : null),
    );
    await ctx.page
      .locator('.pagination-status')
      .filter({ hasText: `Pagina ${page.totalPages} van ${page.totalPages}` })
      .waitFor();
    expect(await ctx.page.getByText('Pagina 999').count()).toBe(0);
    expect(await tableRows(ctx.page, /traject(en)? gevonden$/)).toHaveLength(
      page.totalElements - (page.totalPages - 1) * 25,
    );
    // The replaced address is not left behind in the history.
    await ctx.page.goBack();
    await settle(ctx.page, 'Trajecten');
    expect(new URL(ctx.page.url()).searchParams.get('pagina')).toBeNull();
  });

  it('keeps the messages from an aanbieder and shows it only its own trajectories', async () => {
    await signInAs(ctx, 'aanbieder');
    expect(await menuOutline(ctx.page)).not.toContain('Berichten');
    await ctx.page.goto(`${ctx.app.baseUrl}/berichten/inlezen`);
    await settle(ctx.page, 'Geen toegang');
    expect(await ctx.page.getByLabel('Bestanden (XML of zip)').count()).toBe(0);
    await screenshot(ctx.page, 'berichten-aanbieder-geen-toegang');
    await ctx.page.goto(`${ctx.app.baseUrl}/berichten`);
    await settle(ctx.page, 'Geen toegang');

    await followMenuLink(ctx.page, 'Trajecten');
    await settle(ctx.page, 'Trajecten');
    await ctx.page
      .locator('table caption')
      .filter({ hasText: /traject(en)? gevonden/ })
      .waitFor();
    expect(await ctx.page.getByLabel('Aanbieder', { exact: true }).count()).toBe(0);
    const rows = await tableRows(ctx.page, /traject(en)? gevonden$/);
    expect(rows.every((r) => r[2] === 'Jeugdhulp De Lekoever')).toBe(true);
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('lets a policy officer read the history and quarantine, without importing or downloads', async () => {
    await signInAs(ctx, 'beleid');
    expect(await menuOutline(ctx.page)).toContain('Berichten');
    await followMenuLink(ctx.page, 'Berichten');
    await settle(ctx.page, 'Ingelezen berichten');
    const tabs = ctx.page.getByRole('navigation', { name: 'Berichten' });
    expect((await tabs.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual([
      'Geschiedenis',
      'Quarantaine',
    ]);
    await ctx.page.locator('table caption').filter({ hasText: 'gevonden' }).waitFor();
    expect(await ctx.page.getByRole('link', { name: /^Retourbericht/ }).count()).toBe(0);
    await tabs.getByRole('link', { name: 'Quarantaine' }).click();
    await settle(ctx.page, 'Quarantaine');
    await ctx.page.locator('table caption').filter({ hasText: '1 afgekeurd bestand' }).waitFor();
    expect(await ctx.page.getByRole('link', { name: /^Origineel/ }).count()).toBe(0);
    await ctx.page.goto(`${ctx.app.baseUrl}/berichten/inlezen`);
    await settle(ctx.page, 'Geen toegang');
  });

  it('explains a missing choice and a refused upload, and has no serious accessibility violations', async () => {
    await openUpload('beheerder');
    await ctx.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    const summary = ctx.page
      .getByRole('alert')
      .filter({ has: ctx.page.getByRole('heading', { name: 'Er zijn fouten' }) });
    await summary.waitFor();
    expect(await ctx.page.locator('#bestanden-error').innerText()).toBe('kies een of meer .xml- of .zip-bestanden');
    expect(await ctx.page.getByLabel('Bestanden (XML of zip)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(ctx.page, 'a11y-berichten-inlezen-fout');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.route('**/api/v1/imports', (route) =>
      route.fulfill({
        status: 413,
        contentType: 'application/problem+json',
        json: {
          type: 'about:blank',
          title: 'Te groot',
          status: 413,
          code: 'payload-too-large',
          detail: 'Een upload mag hoogstens 200 MB zijn; lees grotere sets in met de CLI.',
        },
      }),
    );
    try {
      await ctx.page.getByLabel('Bestanden (XML of zip)', { exact: true }).setInputFiles([oneValid]);
      await ctx.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
      await ctx.page.getByRole('alert').filter({ hasText: 'Een upload mag hoogstens 200 MB zijn' }).waitFor();
      expect(await ctx.page.locator('#bestanden-error').count()).toBe(0);
      await expectNoSeriousA11yViolations(ctx.page);
    } finally {
      await ctx.page.unroute('**/api/v1/imports');
    }

    await ctx.page.getByRole('button', { name: 'English' }).click();
    await settle(ctx.page, 'Import iJw messages');
    await ctx.page.getByRole('navigation', { name: 'Messages' }).getByRole('link', { name: 'Quarantine' }).waitFor();
    await ctx.page.getByRole('button', { name: 'Nederlands' }).click();
    await settle(ctx.page, 'iJw-berichten inlezen');
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
