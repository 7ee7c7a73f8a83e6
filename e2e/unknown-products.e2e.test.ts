import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stories } from '../src/server/modules/monitoring/testing/care-stories.js';
import { followMenuLink, settle, signInAs, tableRows, useAppInBrowser } from './harness.js';

/**
 * A start of taakgericht care in a product code the demo region's product book does not know (45X99): valid iJw, so
 * accepted, with a warning on the upload; the dashboard then tells the contract manager which codes and how many
 * trajectories (docs/kpi.md).
 */
describe('product codes the product book does not know', () => {
  let dir: string;
  const paths: string[] = [];

  beforeAll(async () => {
    const stories = new Stories();
    stories.care({
      youth: stories.youth('2012-01-01'),
      provider: '99000011',
      product: {
        productCategory: '45',
        productCode: '45X99',
        unit: '04',
        fundingVariant: 'taakgericht',
        withStay: false,
        tariff: 70,
      },
      begin: '2025-07-07',
    });
    dir = await mkdtemp(join(tmpdir(), 'zl-e2e-unknown-'));
    for (const file of stories.files()) {
      const path = join(dir, basename(file.name));
      await writeFile(path, file.bytes);
      paths.push(path);
    }
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ctx = useAppInBrowser();

  it('accepts the message with a warning, and the dashboard names the code', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Berichten');
    await settle(ctx.page, 'Ingelezen berichten');
    await ctx.page.getByRole('navigation', { name: 'Berichten' }).getByRole('link', { name: 'Inlezen' }).click();
    await settle(ctx.page, 'iJw-berichten inlezen');
    await ctx.page.getByLabel('Bestanden (XML of zip)', { exact: true }).setInputFiles(paths);
    await ctx.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    const summary = ctx.page.getByRole('status').filter({ hasText: /aanvaard, .* afgekeurd/ });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toMatch(/1 aanvaard, 0 al eerder ingelezen, 0 afgekeurd/);
    expect(await summary.innerText()).toMatch(/1 aanvaard bestand noemt een productcode die niet in het productenboek/);
    const [row] = await tableRows(ctx.page, 'Uitslag per bestand');
    expect(row).toContain('Aanvaard');
    expect(row!.join(' ')).toMatch(/Waarschuwing \(ZL020\): productcode 45X99 staat niet in het productenboek/);

    // The dashboard for the quarter of the start; the figures follow the import in the background.
    const notice = ctx.page.getByRole('status').filter({ hasText: 'Productcodes buiten het productenboek' });
    for (let attempt = 0; attempt < 20 && !(await notice.count()); attempt++) {
      await ctx.page.goto(`${ctx.app.baseUrl}/dashboard?periode=2025Q3`);
      await settle(ctx.page, 'Dashboard');
      await ctx.page
        .locator('.kpi-tile')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => {});
    }
    expect(await notice.innerText()).toMatch(/1 traject in deze periode heeft een productcode .*\(45X99\)/);
    await notice.getByRole('link', { name: 'Naar de producten' }).waitFor();
  });
});
