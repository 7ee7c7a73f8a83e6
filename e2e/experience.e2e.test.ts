import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { products, providers } from '../src/server/db/schema/index.js';
import { queryRows } from '../src/server/db/client.js';
import { submitAnswers } from '../src/server/modules/experience/answering.service.js';
import { inspectPdf } from '../src/server/modules/monitoring/testing/pdf-check.js';
import {
  apiGet,
  demoEmail,
  demoPassword,
  expectNoSeriousA11yViolations,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

/**
 * The Ervaringwijzer's answer page, /ervaring/<token>: a parent answers on a phone (390 px) through a link from the
 * provider's CSV, with the pointer and with the keyboard only; the same link is refused the second time; the page
 * contacts nothing but this site and its JavaScript stays under 60 KB gzipped.
 */
const ctx = useAppInBrowser();
let links: string[] = [];

async function bearer(role: 'aanbieder' | 'contractmanager'): Promise<string> {
  const res = await fetch(`${ctx.app.baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(role), password: demoPassword }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A count as the page writes it ("1.234") as a number. */
const count = (text: string) => Number(text.replace(/\./g, ''));

const responses = async () =>
  Number((await queryRows<{ n: string }>(ctx.app.db, sql`select count(*) as n from experience_responses`))[0]!.n);

beforeAll(async () => {
  // The demo's aanbieder (De Lekoever) makes a batch for its own ambulant care and downloads its links.
  const token = await bearer('aanbieder');
  const [provider] = await ctx.app.db.select().from(providers).where(eq(providers.agbCode, '99000011'));
  const [product] = await ctx.app.db.select().from(products).where(eq(products.productCategory, '45'));
  const made = await fetch(`${ctx.app.baseUrl}/api/v1/invitation-batches`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      providerId: provider!.id,
      productId: product!.id,
      audience: 'ouder',
      source: 'count',
      count: 3,
    }),
  });
  expect(made.status).toBe(201);
  const batch = (await made.json()) as { id: string };
  const csv = await fetch(`${ctx.app.baseUrl}/api/v1/invitation-batches/${batch.id}/links`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  links = [...(await csv.text()).matchAll(/https?:\/\/\S+?\/ervaring\/[A-Za-z0-9_-]{24}/g)].map((m) => m[0]);
  expect(links).toHaveLength(3);
});

describe('answering the Ervaringwijzer', () => {
  it('a parent answers on a 390 px phone: saved on the device, sent once, nothing from elsewhere, JS under 60 KB', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 390, height: 844 });
    const requested: string[] = [];
    const scripts = new Map<string, Buffer>();
    page.on('request', (r) => requested.push(r.url()));
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') void r.body().then((b) => scripts.set(r.url(), b));
    });
    await page.goto(links[0]!);
    await settle(page, 'Hoe was de hulp van Jeugdhulp De Lekoever?');
    await expectNoSeriousA11yViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page
      .getByRole('group', { name: /Wij konden snel hulp krijgen/ })
      .getByRole('radio', { name: 'Mee eens', exact: true })
      .click();
    await page
      .getByRole('group', { name: /Ik werd serieus genomen/ })
      .getByRole('radio', { name: 'Helemaal mee eens' })
      .click();
    // Progress stays on the device: a reload keeps the answers.
    await page.reload();
    await settle(page, 'Hoe was de hulp van Jeugdhulp De Lekoever?');
    expect(await page.getByRole('radio', { name: 'Mee eens', exact: true }).first().isChecked()).toBe(true);
    await page
      .getByRole('group', { name: /Welk cijfer geeft u/ })
      .getByRole('radio', { name: '8', exact: true })
      .click();
    await page.getByRole('textbox', { name: /Wilt u nog iets vertellen/ }).fill('Fijn dat er snel iemand kwam.');
    await screenshot(page, 'ervaring-vragen-390');
    const before = await responses();
    await page.getByRole('button', { name: 'Versturen' }).click();
    await settle(page, 'Dank u wel!');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'ervaring-bedankt-390');
    expect(await responses()).toBe(before + 1);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zl-ervaring:')))).toEqual(
      [],
    );

    // Only this site was asked for anything, and the JavaScript the page loaded is small.
    const origin = new URL(ctx.app.baseUrl).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(scripts.size).toBeGreaterThan(0);
    const gzipped = [...scripts.values()].reduce((sum, b) => sum + gzipSync(b).length, 0);
    console.log(`answer page JavaScript: ${scripts.size} files, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
  });

  it('the same link is refused the second time, with a friendly page', async () => {
    const { page } = ctx;
    await page.goto(links[0]!);
    await settle(page, 'Deze link is niet meer geldig');
    expect(await page.getByRole('main').innerText()).toMatch(/al gebruikt/);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${ctx.app.baseUrl}/ervaring/${'Z'.repeat(24)}`);
    await settle(page, 'Deze link werkt niet');
  });

  it('a parent answers with the keyboard only', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(links[1]!);
    await settle(page, 'Hoe was de hulp van Jeugdhulp De Lekoever?');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el ? `${el.tagName.toLowerCase()}:${el.name || el.textContent?.trim() || ''}` : '';
      });
    // Tab past the language switch to the first statement; arrows choose within a group, Tab goes to the next.
    for (let i = 0; i < 5 && (await focused()) !== 'input:snel_hulp'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('input:snel_hulp');
    for (const key of ['snel_hulp', 'wist_waarheen', 'serieus', 'paste', 'beter', 'zelf']) {
      expect(await focused()).toBe(`input:${key}`);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe('input:cijfer_effect');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('textarea:open');
    await page.keyboard.type('Met het toetsenbord ingevuld.');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Versturen');
    const before = await responses();
    await page.keyboard.press('Enter');
    await settle(page, 'Dank u wel!');
    expect(await responses()).toBe(before + 1);
    const [stored] = await queryRows<{ answers: Record<string, number>; effect_score: number }>(
      ctx.app.db,
      sql`select answers, effect_score from experience_responses where open_text = 'Met het toetsenbord ingevuld.'`,
    );
    expect(stored).toMatchObject({ effect_score: 7, answers: { snel_hulp: 4, zelf: 4, cijfer_effect: 7 } });
  });

  it('a provider makes a batch of invitations in the app and downloads their links', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(ctx, 'aanbieder');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/uitnodigingen`);
    await settle(page, 'Uitnodigingen voor de Ervaringwijzer');
    // Its own provider only: the one choice is made already.
    expect(await page.getByLabel('Aanbieder', { exact: true }).locator('option').allInnerTexts()).toEqual([
      'Kies een aanbieder',
      'Jeugdhulp De Lekoever',
    ]);
    await page.getByRole('button', { name: 'Uitnodigingen maken' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Product/ })
      .waitFor();
    const productLabel = await page.getByLabel('Product', { exact: true }).locator('option').nth(1).innerText();
    await page.getByLabel('Product', { exact: true }).selectOption({ label: productLabel });
    await page.getByLabel('Aantal', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Uitnodigingen maken' }).click();
    await page.getByText('5 uitnodigingen gemaakt.').waitFor();
    await expectNoSeriousA11yViolations(page);
    const rows = await tableRows(page, 'Reeksen uitnodigingen, nieuwste eerst');
    expect(rows[0]).toEqual(expect.arrayContaining(['Jeugdhulp De Lekoever', productLabel, 'Ouders', '5', '0']));
    const href = await page.getByRole('link', { name: 'CSV met de links downloaden' }).getAttribute('href');
    const csv = await (await page.request.get(`${ctx.app.baseUrl}${href}`)).text();
    expect([...csv.matchAll(/\/ervaring\/[A-Za-z0-9_-]{24}/g)]).toHaveLength(5);

    // The questions it hands out, per audience and version.
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/vragenlijsten`);
    await settle(page, 'Vragenlijsten van de Ervaringwijzer');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Jongeren (12+), versie 1',
      'Ouders, versie 1',
    ]);
    await expectNoSeriousA11yViolations(page);

    // The region's hundreds of batches (the demo's) come a page at a time, and by provider on request.
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'contractmanager');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/uitnodigingen`);
    await settle(page, 'Uitnodigingen voor de Ervaringwijzer');
    const batches = 'Reeksen uitnodigingen, nieuwste eerst';
    expect(await tableRows(page, batches)).toHaveLength(20);
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende' }).click();
    await page.waitForURL(/pagina=2/);
    await page.getByText(/^Pagina 2 van \d+$/).waitFor();
    await page
      .getByRole('search')
      .getByLabel('Aanbieder', { exact: true })
      .selectOption({ label: 'Jeugdhulp De Lekoever' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((url) => url.searchParams.has('aanbieder') && !url.searchParams.has('pagina'));
    await page.getByText(/^Pagina 1 van \d+$/).waitFor();
    const own = await tableRows(page, batches);
    expect(own.every((r) => r[1] === 'Jeugdhulp De Lekoever')).toBe(true);
    // The batch made above is the newest.
    expect(own[0]).toEqual(expect.arrayContaining(['Jeugdhulp De Lekoever', productLabel, 'Ouders', '5', '0']));
    await expectNoSeriousA11yViolations(page);
  });
});

describe('results of the Ervaringwijzer', () => {
  it('the provider sees its results once 10 answers exist and not before; the contract manager moderates a free text', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 1280, height: 900 });
    // This year De Lekoever starts without answers (the demo's and the answers above are removed), then gets nine.
    const [provider] = await ctx.app.db.select().from(providers).where(eq(providers.agbCode, '99000011'));
    await ctx.app.db.execute(
      sql`delete from experience_responses where provider_id = ${provider!.id}::uuid
        and submitted_month >= date_trunc('year', current_date)::date`,
    );
    const token = await bearer('aanbieder');
    const [product] = await ctx.app.db.select().from(products).where(eq(products.productCategory, '45'));
    const made = await fetch(`${ctx.app.baseUrl}/api/v1/invitation-batches`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        providerId: provider!.id,
        productId: product!.id,
        audience: 'ouder',
        source: 'count',
        count: 10,
      }),
    });
    const batch = (await made.json()) as { id: string };
    const csv = await fetch(`${ctx.app.baseUrl}/api/v1/invitation-batches/${batch.id}/links`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const tokens = [...(await csv.text()).matchAll(/\/ervaring\/([A-Za-z0-9_-]{24})/g)].map((m) => m[1]!);
    const written = 'Onze begeleider Sanne de Wit van het team in Zeist hielp ons echt verder.';
    const send = (i: number) =>
      submitAnswers(ctx.app.db, {
        token: tokens[i]!,
        submissionId: `e2e-uitkomst-${i}-apparaat`,
        language: 'nl',
        answers: { cijfer_effect: 8, serieus: 5, ...(i === 0 ? { open: written } : {}) },
      });
    for (let i = 0; i < 9; i++) await send(i);

    await signInAs(ctx, 'aanbieder');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/uitkomsten`);
    await settle(page, 'Uitkomsten van de Ervaringwijzer');
    expect(await page.getByRole('main').innerText()).toContain('Nog geen uitkomsten');
    expect(await page.getByRole('table', { name: 'Uw uitkomsten naast die van de regio' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await send(9);
    await page.reload();
    await settle(page, 'Uitkomsten van de Ervaringwijzer');
    const [own, region] = await tableRows(page, 'Uw uitkomsten naast die van de regio');
    // Answers and mark of its own (the year's invitations include the batches made above, so the rate is not 100%).
    // The mark with one decimal always, as the dashboard's figures.
    expect([own![0], own![1], own![4]]).toEqual(['Uw organisatie', '10', '8,0']);
    expect(region![0]).toBe('De regio');
    expect(count(region![1]!)).toBeGreaterThan(10);
    expect(await page.getByRole('main').innerText()).not.toContain('Sanne');
    await expectNoSeriousA11yViolations(page);

    await ctx.browser.clearCookies();
    await signInAs(ctx, 'contractmanager');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/open-antwoorden`);
    await settle(page, 'Open antwoorden beoordelen');
    // The only open answer of this month: the demo's are older, and the ones above were removed.
    const month = new Date().toISOString().slice(0, 7);
    const item = page.getByRole('listitem').filter({ hasText: `Jeugdhulp De Lekoever, productcategorie 45, ${month}` });
    expect(await item.getByLabel('Tekst om te publiceren').inputValue()).toBe(written);
    await item.getByLabel('Tekst om te publiceren').fill('Onze begeleider hielp ons echt verder.');
    await expectNoSeriousA11yViolations(page);
    await item.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Het antwoord is gepubliceerd.').waitFor();

    await ctx.browser.clearCookies();
    await signInAs(ctx, 'aanbieder');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/uitkomsten`);
    await settle(page, 'Uitkomsten van de Ervaringwijzer');
    const texts = await page.getByRole('list', { name: 'Gemodereerde open antwoorden' }).innerText();
    expect(texts).toContain('Onze begeleider hielp ons echt verder.');
    expect(texts).not.toContain('Sanne');
  });

  it('the contract manager picks a year and downloads the yearly report as a tagged PDF with the figures of the page', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 1280, height: 900 });
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'contractmanager');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/uitkomsten`);
    await settle(page, 'Uitkomsten van de Ervaringwijzer');
    const year = new Date().getUTCFullYear();
    expect(await page.getByLabel('Jaar').inputValue()).toBe(String(year));
    const [region] = await tableRows(page, 'De regio');
    expect(count(region![1]!)).toBeGreaterThanOrEqual(10);
    // Quarters and product categories by the names the rest of the app uses, not "2026-K1" or "Productcategorie 45".
    const quarters = (await tableRows(page, 'Per kwartaal')).map((r) => r[0]);
    expect(quarters[0]).toBe(`1e kwartaal ${year}`);
    const categories = (await tableRows(page, 'Per productcategorie')).map((r) => r[0]);
    expect(categories).toContain('45 – Jeugdhulp ambulant');
    await expectNoSeriousA11yViolations(page);

    const href = await page
      .getByRole('link', { name: 'Jaarverslag cliëntervaring downloaden (PDF)' })
      .getAttribute('href');
    const download = await page.request.get(`${ctx.app.baseUrl}${href}`, { timeout: 90_000 });
    expect(download.headers()['content-type']).toBe('application/pdf');
    const pdf = inspectPdf(Buffer.from(await download.body()));
    const dir = mkdtempSync(join(tmpdir(), 'zl-experience-'));
    try {
      expect(pdf.info.Tagged).toBe('yes');
      expect(pdf.pageTexts[0]!.replace(/\s+/g, ' ')).toContain(`Cliëntervaring jeugdhulp ${year}`);
      const text = pdf.text.replace(/\s+/g, ' ');
      // The region's answers as the page shows them.
      expect(text).toContain(`Ingevulde vragenlijsten ${region![1]}`);
      expect(text).toContain('8. Waarom aanbieders niet gerangschikt worden');
      const [png] = pdf.pictures(dir, 1, 1);
      mkdirSync(join(import.meta.dirname, 'screenshots'), { recursive: true });
      copyFileSync(png!, join(import.meta.dirname, 'screenshots', 'experience-report-pdf-page-1.png'));
    } finally {
      pdf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }

    // Another year: the page asks the API for it.
    await page.getByLabel('Jaar').selectOption(String(year - 1));
    await page.getByText(`Het jaar ${year - 1}.`).waitFor();
    expect(page.url()).toContain(`jaar=${year - 1}`);
    expect(
      await page.getByRole('link', { name: 'Jaarverslag cliëntervaring downloaden (PDF)' }).getAttribute('href'),
    ).toContain(`year=${year - 1}`);

    // The yearly report is the region's document: an aanbieder has no link to it.
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'aanbieder');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/uitkomsten`);
    await settle(page, 'Uitkomsten van de Ervaringwijzer');
    expect(await page.getByRole('link', { name: 'Jaarverslag cliëntervaring downloaden (PDF)' }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Uw uitkomsten per kwartaal, met de regio ernaast' }).count()).toBe(1);
  });
});

describe('editing a questionnaire', () => {
  it('the contract manager adds and moves a question, is told the missing Dutch text by its field, and saves the next version', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 1280, height: 900 });
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'contractmanager');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/vragenlijsten`);
    await settle(page, 'Vragenlijsten van de Ervaringwijzer');
    const heading = await page.getByRole('heading', { level: 2, name: /^Jongeren \(12\+\), versie/ }).innerText();
    const n = Number(/versie (\d+)$/.exec(heading)![1]);
    const before = await tableRows(page, new RegExp(`^Jongeren \\(12\\+\\): vragen van versie ${n} `));
    await page.getByRole('link', { name: 'Nieuwe versie maken voor jongeren (12+)' }).click();
    await settle(page, 'Nieuwe versie van de vragenlijst voor jongeren (12+)');
    const questions = page.getByRole('group', { name: 'Vragen', exact: true });
    expect(await questions.getByRole('group', { name: /^Vraag \d$/ }).count()).toBe(before.length);
    expect(await page.getByLabel(`Tekst in het Nederlands van vraag 1`).inputValue()).toBe(before[0]![0]);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // A new statement: the add button puts the cursor in its Dutch text, which is left empty for now.
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    const added = before.length + 1;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`questions.${added - 1}.text.nl`);
    await page.getByLabel(`Tekst in het Engels van vraag ${added}`).fill('I knew what the help would do.');
    await page.getByLabel(`Thema van vraag ${added}`).selectOption({ label: 'Kwaliteit' });
    // Up one place with the keyboard: the button keeps focus in the question's new place.
    await page.getByRole('button', { name: `Omhoog vraag ${added}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Omhoog vraag ${added - 1}`);
    expect(await page.getByLabel(`Tekst in het Engels van vraag ${added - 1}`).inputValue()).toBe(
      'I knew what the help would do.',
    );

    await page.getByRole('button', { name: `Versie ${n + 1} opslaan` }).click();
    const summary = page.getByRole('alert');
    await summary
      .getByRole('link', {
        name: `Vraag ${added - 1}, Tekst in het Nederlands: vul de vraag in het Nederlands in (minstens 3 tekens)`,
      })
      .waitFor();
    const dutch = page.getByLabel(`Tekst in het Nederlands van vraag ${added - 1}`);
    expect(await dutch.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="questions.${added - 2}.text.nl-error"]`).innerText()).toContain('vul de vraag');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'questionnaire-edit-refused');

    // Leaving the half-filled form asks first; staying keeps what was typed.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Annuleren' }).click();
    await expect.poll(() => asked).toContain('niet zijn opgeslagen');
    expect(page.url()).toContain('/nieuwe-versie');

    await dutch.fill('Ik wist wat de hulp zou doen.');
    await page.getByRole('button', { name: `Versie ${n + 1} opslaan` }).click();
    await settle(page, 'Vragenlijsten van de Ervaringwijzer');
    await page.getByText(`Versie ${n + 1} voor jongeren (12+) is opgeslagen.`).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toContain(`Jongeren (12+), versie ${n + 1}`);
    const after = await tableRows(page, new RegExp(`^Jongeren \\(12\\+\\): vragen van versie ${n + 1} `));
    expect(after.map((r) => r[0])).toEqual([
      ...before.slice(0, -1).map((r) => r[0]),
      'Ik wist wat de hulp zou doen.',
      before.at(-1)![0],
    ]);
    expect(after[before.length - 1]).toEqual([
      'Ik wist wat de hulp zou doen.',
      'I knew what the help would do.',
      'Stelling (smileys 1–5)',
      'Kwaliteit',
    ]);
    // The version it started from stays readable, folded away.
    await page.getByText('Eerdere versies voor jongeren (12+)').click();
    expect(await tableRows(page, new RegExp(`^Jongeren \\(12\\+\\): vragen van versie ${n} `))).toEqual(before);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'questionnaire-versions');
    // Kept questions keep their keys, the new one has a key no version used.
    const versions = await apiGet<{ audience: string; version: number; questions: { key: string }[] }[]>(
      ctx.app.baseUrl,
      '/questionnaires',
    );
    const [newest, previous] = versions.filter((v) => v.audience === 'jongere');
    expect(newest!.version).toBe(n + 1);
    const kept = newest!.questions.filter((q) => previous!.questions.some((p) => p.key === q.key));
    expect(kept).toHaveLength(before.length);
    expect(
      versions.some(
        (v) => v !== newest && v.questions.some((q) => q.key === newest!.questions[before.length - 1]!.key),
      ),
    ).toBe(false);

    // A role without questionnaires.edit reads the versions but is offered no edit.
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'aanbieder');
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/vragenlijsten`);
    await settle(page, 'Vragenlijsten van de Ervaringwijzer');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toContain(`Jongeren (12+), versie ${n + 1}`);
    expect(await page.getByRole('link', { name: /Nieuwe versie maken/ }).count()).toBe(0);
    await page.goto(`${ctx.app.baseUrl}/ervaringwijzer/vragenlijsten/jongere/nieuwe-versie`);
    await settle(page, 'Geen toegang');
  });
});
