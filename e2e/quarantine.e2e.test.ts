import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, screenshot, settle, signInAs, tableRows, useAppInBrowser } from './harness.js';

const examples = join(
  import.meta.dirname,
  '..',
  'src',
  'server',
  'modules',
  'exchange',
  'testing',
  'fixtures',
  'ijw-3.2',
);
const example = (name: string) => readFileSync(join(examples, `${name}.xml`), 'utf8');

/** Three files the demo region rejects for three reasons: a broken schema, unknown parties, and a cut-off file. */
const files: Array<[string, string]> = [
  ['verzoek.xml', example('JW315')],
  ['toewijzing.xml', example('JW301')],
  ['afgebroken.xml', example('JW305').slice(0, 700)],
];

/** The start page's quarantine count, once the page has loaded it. */
async function openCount(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/`);
  await settle(page);
  const tile = page.locator('.start-tile').filter({ has: page.getByRole('heading', { name: 'Quarantaine' }) });
  return Number(await tile.locator('.start-tile__number').innerText());
}

describe('handling the quarantine', () => {
  const ctx = useAppInBrowser();

  it('filters by reason, marks a file handled with a note, and the start page counts one open file less', async () => {
    await signInAs(ctx, 'contractmanager');
    const status = await ctx.page.evaluate(async (list) => {
      const form = new FormData();
      for (const [name, text] of list) form.append('files', new File([text], name, { type: 'application/xml' }));
      return (await fetch('/api/v1/imports', { method: 'POST', body: form })).status;
    }, files);
    expect(status).toBe(200);

    const before = await openCount(ctx.page, ctx.app.baseUrl);
    expect(before).toBe(3);
    await ctx.page.getByRole('link', { name: 'Naar de quarantaine' }).click();
    await settle(ctx.page, 'Quarantaine');
    // The groups name each reason in plain Dutch with its count.
    const groups = ctx.page.getByRole('region', { name: 'Per reden' });
    expect(await groups.innerText()).toMatch(/Geen goed XML-bestand \(XML\): 1 bestand/);
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByLabel('Reden', { exact: true }).selectOption({ label: 'Geen goed XML-bestand (XML)' });
    await ctx.page.getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.waitForURL(/reden=XML/);
    await settle(ctx.page, 'Quarantaine');
    await ctx.page.getByRole('table', { name: '1 afgekeurd bestand' }).waitFor();
    const rows = await tableRows(ctx.page, '1 afgekeurd bestand');
    expect(rows.map((r) => r[0])).toEqual(['afgebroken.xml']);
    expect(rows[0]![4]).toMatch(/^XML, code 0001: geen geldige XML \(regel \d+\): /);
    expect(rows[0]![4]).not.toMatch(/unclosed|unexpected|tag/i);
    expect(rows[0]![5]).toBe('Open');
    await screenshot(ctx.page, 'quarantaine-gefilterd');
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByRole('link', { name: 'afgebroken.xml', exact: true }).click();
    await settle(ctx.page, 'afgebroken.xml');
    // Without a note the form says what is missing, and nothing changes.
    await ctx.page.getByRole('button', { name: 'Markeer als behandeld' }).click();
    expect(await ctx.page.locator('#note-error').innerText()).toContain('Schrijf in een notitie');
    await ctx.page.getByLabel('Notitie', { exact: true }).fill('Aanbieder gebeld; het bericht komt verbeterd terug.');
    await ctx.page.getByRole('button', { name: 'Markeer als behandeld' }).click();
    await ctx.page.getByRole('status').filter({ hasText: 'Gemarkeerd als behandeld.' }).waitFor();
    const handling = ctx.page.getByRole('region', { name: 'Afhandeling' });
    expect(await handling.innerText()).toContain('Aanbieder gebeld; het bericht komt verbeterd terug.');
    expect(await handling.innerText()).toContain('Behandeld');
    await screenshot(ctx.page, 'quarantaine-behandeld');
    await expectNoSeriousA11yViolations(ctx.page);

    expect(await openCount(ctx.page, ctx.app.baseUrl)).toBe(before - 1);
    await expectNoSeriousA11yViolations(ctx.page);
  });
});
