import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/web/lib/format.js';
import {
  apiGet,
  demoEmail,
  demoPassword,
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

interface EntryJson {
  id: string;
  provider: { id: string; name: string };
  location: { name: string };
  product: { code: string; name: string } | null;
  intakeWaitWeeks: number;
  treatmentWaitWeeks: number;
  stale: boolean;
  confirmedAt: string;
}
interface PageJson<T> {
  data: T[];
  page: { totalElements: number };
}

const ownProvider = 'Jeugdhulp De Lekoever';

type MeasuredMedian = { medianWeeks: number | null; starts: number | null; withheld: boolean };

interface OfferJson extends EntryJson {
  distanceKm: number | null;
  measured: { request: MeasuredMedian | null; allocation: MeasuredMedian | null } | null;
}

describe('Beschikbaarheidswijzer', () => {
  // iJw messages of 1,500 youths (as the dashboard's tests), so measured waits stand beside the reported ones.
  const ctx = useAppInBrowser({ demoYouths: 1500 });

  it('lets a provider update a wait and confirm all its entries unchanged, after which none is stale', async () => {
    await signInAs(ctx, 'aanbieder');
    const tile = ctx.page.getByRole('region', { name: 'Uw beschikbaarheid' });
    await tile.getByText(/regels verouderd/).waitFor();
    expect(await tile.innerText()).toMatch(/1\s+van 3 regels verouderd/);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-provider-home');

    await followMenuLink(ctx.page, 'Beschikbaarheid');
    await settle(ctx.page, 'Beschikbaarheid');
    const before = await tableRows(ctx.page, '3 regels');
    expect(before).toHaveLength(3);
    // Only the own entries, without a provider column; the stale one says so in words.
    expect(before.filter((r) => r.join(' ').includes('Verouderd')).map((r) => r[1])).toEqual([
      'Locatie Houten, 3992 BA Houten',
    ]);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-provider-list-before');

    const row = ctx.page.getByRole('row').filter({ hasText: 'Hoofdlocatie' }).filter({ hasText: '54B01' });
    await row.getByRole('link', { name: '54B01 Behandeling jeugd-ggz' }).click();
    await settle(ctx.page, '54B01 Behandeling jeugd-ggz, Hoofdlocatie');
    await expectNoSeriousA11yViolations(ctx.page);

    // A negative wait is refused next to its field, and nothing is saved.
    const intake = ctx.page.getByLabel('Aanmeldwachttijd (weken)');
    expect(await intake.inputValue()).toBe('3');
    await intake.fill('-1');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await ctx.page.locator('#intakeWaitWeeks-error').innerText()).toBe(
      'aanmeldwachttijd kan niet negatief zijn',
    );
    expect(await intake.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(ctx.page);

    // The entry read again after saving answers slowly, as on a busy server: "opgeslagen" is said only once the page
    // shows the saved figures and the history with the change (it was said at once, over the old history).
    let patched = false;
    const slowReload = '**/api/v1/availability/entries/*';
    await ctx.page.route(slowReload, async (route) => {
      if (route.request().method() === 'PATCH') patched = true;
      else if (patched) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await intake.fill('5');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.getByText('De gegevens zijn opgeslagen.').waitFor();
    const history = await tableRows(ctx.page, 'Wie wat wanneer bijwerkte of bevestigde');
    await ctx.page.unroute(slowReload);
    expect(history[0]!.slice(1, 4)).toEqual([
      'Bijgewerkt',
      'Adam Aanbieder (Jeugdhulp De Lekoever)',
      'aanmelding 5, behandeling 5',
    ]);
    expect(history.at(-1)![1]).toBe('Toegevoegd');
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-provider-entry');

    await ctx.page.getByRole('link', { name: 'Terug naar de beschikbaarheid' }).click();
    await settle(ctx.page, 'Beschikbaarheid');
    await ctx.page.getByRole('button', { name: 'Alles ongewijzigd bevestigen' }).click();
    await ctx.page.getByRole('status').filter({ hasText: '3 regels bevestigd als ongewijzigd.' }).waitFor();
    await ctx.page.waitForFunction(() => !document.querySelector('table[aria-busy]'));
    const after = await tableRows(ctx.page, '3 regels');
    const today = formatDate(new Date().toISOString());
    for (const r of after) {
      expect(r.join(' ')).not.toContain('Verouderd');
      expect(r[7]).toContain(`Bevestigd ${today}`); // the column "Laatst bevestigd"
    }
    expect(after.find((r) => r[1]!.startsWith('Hoofdlocatie') && r[0]!.startsWith('54B01'))?.[2]).toBe(
      'aanmelding 5, behandeling 5',
    );
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-provider-list-after');
  });

  it('lets a provider add an entry for a contracted product only, refusing a client stop announced too late', async () => {
    await signInAs(ctx, 'aanbieder');
    await followMenuLink(ctx.page, 'Beschikbaarheid');
    await settle(ctx.page, 'Beschikbaarheid');
    await ctx.page.getByRole('link', { name: 'Regel toevoegen' }).click();
    await settle(ctx.page, `Regel toevoegen voor ${ownProvider}`);
    await expectNoSeriousA11yViolations(ctx.page);

    await ctx.page.getByLabel('Locatie').selectOption({ label: 'Locatie Houten, 3992 BA Houten' });
    // The form offers exactly the products De Lekoever is contracted for today; crisis care (no contract) is not there.
    const contracted = await apiGet<{ data: Array<{ code: string; name: string }> }>(
      ctx.app.baseUrl,
      '/availability/contracted-products',
      'aanbieder',
    );
    const offered = await ctx.page
      .getByLabel('Product', { exact: true })
      .locator('option:not([value=""])')
      .allInnerTexts();
    expect(offered).toEqual(contracted.data.map((p) => `${p.code} ${p.name}`));
    expect(offered.length).toBeGreaterThan(1);
    expect(offered.join(' ')).not.toContain('46C01');
    await ctx.page.getByLabel('Aanmeldwachttijd (weken)').fill('1');
    await ctx.page.getByLabel('Behandelwachttijd (weken)').fill('2');
    await ctx.page.getByRole('group', { name: 'Specialisaties' }).getByLabel('LVB').check();

    await ctx.page.getByLabel('Product', { exact: true }).selectOption({ label: '45A01 Begeleiding licht' });
    await ctx.page.getByLabel('Er is een cliëntenstop').check();
    await ctx.page.getByLabel('Reden', { exact: true }).fill('Verbouwing van de locatie');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await ctx.page.getByLabel('Vanaf', { exact: true }).fill(tomorrow);
    await ctx.page.getByLabel('Tot en met', { exact: true }).fill('2099-12-31');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.locator('[id="clientStop.from-error"]').waitFor();
    expect(await ctx.page.locator('[id="clientStop.from-error"]').innerText()).toMatch(
      /^een cliëntenstop kondigt u ten minste 14 dagen van tevoren aan/,
    );
    expect(await ctx.page.locator('#productId-error').count()).toBe(0);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-provider-add-errors');

    await ctx.page.getByLabel('Er is een cliëntenstop').uncheck();
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await settle(ctx.page, '45A01 Begeleiding licht, Locatie Houten');
    await ctx.page.getByText('De gegevens zijn opgeslagen.').waitFor();
    expect((await tableRows(ctx.page, 'Wie wat wanneer bijwerkte of bevestigde'))[0]![1]).toBe('Toegevoegd');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('finds contracted providers for a 9-year-old in Houten needing ambulant jeugd-GGZ with autism, shortest wait first, and prints them on one page', async () => {
    await signInAs(ctx, 'verwijzer');
    await ctx.page.getByRole('region', { name: 'Beschikbaarheid zoeken' }).waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
    await followMenuLink(ctx.page, 'Beschikbaarheid zoeken');
    await settle(ctx.page, 'Beschikbaarheid zoeken');
    await expectNoSeriousA11yViolations(ctx.page);

    const form = ctx.page.getByRole('search');
    await form.getByLabel('Gemeente van de jeugdige').selectOption({ label: 'Houten' });
    await form.getByLabel('Leeftijd (jaar)').fill('9');
    await form.getByLabel('Productcategorie').selectOption('54');
    await form.getByLabel('Product', { exact: true }).selectOption({ label: '54B01 Behandeling jeugd-ggz' });
    await form.getByLabel('Specialisatie').selectOption('autisme');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.waitForURL(/specialisatie=autisme/);
    await settle(ctx.page, 'Beschikbaarheid zoeken');
    await ctx.page.getByRole('heading', { level: 2, name: /resultaten/ }).waitFor();

    const cards = ctx.page.locator('.offer-card');
    const shown = await cards.evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('h3')?.textContent?.trim() ?? '',
        text: (el as HTMLElement).innerText,
      })),
    );
    expect(shown.length).toBeGreaterThan(1);

    // The same search through the API, as the verwijzer: the page shows exactly its answer, in its order.
    const product = (
      await apiGet<PageJson<{ id: string; productCode: string }>>(ctx.app.baseUrl, '/products?pageSize=100')
    ).data.find((p) => p.productCode === '54B01')!;
    const offers = await apiGet<PageJson<EntryJson>>(
      ctx.app.baseUrl,
      `/availability/offers?municipality=0321&productId=${product.id}&specialisation=autisme&age=9`,
      'verwijzer',
    );
    expect(shown.map((s) => s.title)).toEqual(
      offers.data.map((o) => `${o.provider.name} — 54B01 Behandeling jeugd-ggz`),
    );
    expect(new Set(offers.data.map((o) => o.provider.name)).size).toBeGreaterThan(1);

    // Only providers with a running contract for the ambulant lot; the forensic team (no such contract) is not there.
    const contracts = await apiGet<PageJson<{ providerName: string; lotCode: string }>>(
      ctx.app.baseUrl,
      '/contracts?pageSize=100',
    );
    const ambulant = new Set(contracts.data.filter((c) => c.lotCode === 'AMB').map((c) => c.providerName));
    for (const o of offers.data) expect(ambulant).toContain(o.provider.name);
    expect(shown.map((s) => s.title).join(' ')).not.toContain('Forensisch Jeugdteam Midden');

    // Ordered by wait, as the page says it in words.
    const waits = shown.map((s) => {
      const m = /aanmelding (\d+) (?:week|weken), behandeling (\d+) (?:week|weken)/.exec(s.text);
      if (!m) throw new Error(`no waits in: ${s.text}`);
      return Number(m[1]) + Number(m[2]);
    });
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    // Stale ones are marked in words, the others not.
    expect(shown.map((s) => s.text.includes('Verouderd'))).toEqual(offers.data.map((o) => o.stale));
    expect(offers.data.some((o) => o.stale)).toBe(true);
    // The intake contact is a link to call or mail.
    expect(await cards.first().locator('a[href^="tel:"]').count()).toBe(1);
    expect(await cards.first().locator('a[href^="mailto:"]').count()).toBe(1);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-search-results');

    // The link is the search: opened again it shows the same filters and results.
    const link = ctx.page.url();
    await ctx.page.goto('about:blank');
    await ctx.page.goto(link);
    await settle(ctx.page, 'Beschikbaarheid zoeken');
    await ctx.page.getByRole('heading', { level: 2, name: /resultaten/ }).waitFor();
    expect(await ctx.page.getByRole('search').getByLabel('Gemeente van de jeugdige').inputValue()).toBe('0321');
    expect(await ctx.page.locator('.offer-card h3').allInnerTexts()).toEqual(shown.map((s) => s.title));

    // Printed: no header, menu or filters, and the shortlist fits on one page.
    expect(await ctx.page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(true);
    const printedOn = ctx.page.getByText(/^Afgedrukt op /);
    expect(await printedOn.isVisible()).toBe(false);
    await ctx.page.emulateMedia({ media: 'print' });
    expect(await printedOn.isVisible()).toBe(true);
    expect(await ctx.page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await ctx.page.getByRole('search').isVisible()).toBe(false);
    expect(await ctx.page.getByRole('banner').isVisible()).toBe(false);
    expect(await ctx.page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await ctx.page.locator('.offer-card').first().isVisible()).toBe(true);
    await screenshot(ctx.page, 'availability-search-print');
    const dir = await mkdtemp(join(tmpdir(), 'zl-print-'));
    try {
      const file = join(dir, 'shortlist.pdf');
      await writeFile(file, await ctx.page.pdf({ format: 'A4', printBackground: true }));
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(/^Pages:\s+(\d+)/m.exec(info)?.[1]).toBe('1');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await ctx.page.emulateMedia({ media: 'screen' });
    }
  });

  it('does not let a provider see or edit another provider’s entries', async () => {
    const all = await apiGet<PageJson<EntryJson>>(ctx.app.baseUrl, '/availability/entries?pageSize=100');
    const other = all.data.find((e) => e.provider.name === 'Praktijk Vaartse Rijn')!;
    const own = all.data.filter((e) => e.provider.name === ownProvider);

    await signInAs(ctx, 'aanbieder');
    await followMenuLink(ctx.page, 'Beschikbaarheid');
    await settle(ctx.page, 'Beschikbaarheid');
    const rows = await tableRows(ctx.page, `${own.length} regels`);
    expect(rows).toHaveLength(own.length);
    expect(rows.map((r) => r.join(' ')).join(' ')).not.toContain('Praktijk');

    await ctx.page.goto(`${ctx.app.baseUrl}/beschikbaarheid/aanbod/${other.id}`);
    await settle(ctx.page, 'Niet gevonden');
    expect(await ctx.page.getByRole('main').innerText()).toContain(
      'U ziet en wijzigt alleen de beschikbaarheid van uw eigen organisatie.',
    );
    expect(await ctx.page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-other-provider');

    // The API refuses the change itself, in words, and nothing changes.
    const session = await fetch(`${ctx.app.baseUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('aanbieder'), password: demoPassword }),
    });
    const { token } = (await session.json()) as { token: string };
    const patch = await fetch(`${ctx.app.baseUrl}/api/v1/availability/entries/${other.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ intakeWaitWeeks: 0 }),
    });
    expect(patch.status).toBe(403);
    expect(((await patch.json()) as { detail: string }).detail).toBe(
      'U mag alleen de beschikbaarheid van uw eigen organisatie bijwerken.',
    );
    const unchanged = await apiGet<EntryJson>(ctx.app.baseUrl, `/availability/entries/${other.id}`);
    expect(unchanged.intakeWaitWeeks).toBe(other.intakeWaitWeeks);
  });

  it('shows the contract manager which providers are behind, and keeps the region’s settings', async () => {
    const stale = await apiGet<PageJson<EntryJson>>(ctx.app.baseUrl, '/availability/entries?stale=true&pageSize=100');
    expect(stale.page.totalElements).toBeGreaterThan(0);

    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Beschikbaarheid');
    await settle(ctx.page, 'Beschikbaarheid');
    await ctx.page.getByRole('search').getByLabel('Actualiteit').selectOption({ label: 'Alleen verouderd' });
    await ctx.page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.waitForURL(/status=verouderd/);
    const caption = stale.page.totalElements === 1 ? '1 regel' : `${stale.page.totalElements} regels`;
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const rows = await tableRows(ctx.page, caption);
    expect(rows.map((r) => r[0]).sort()).toEqual(stale.data.map((e) => e.provider.name).sort());
    for (const r of rows) expect(r.join(' ')).toContain('Verouderd');
    expect(rows.map((r) => r[0])).not.toContain(ownProvider);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-contractmanager-stale');

    await followMenuLink(ctx.page, 'Instellingen beschikbaarheid');
    await settle(ctx.page, 'Instellingen beschikbaarheid');
    await expectNoSeriousA11yViolations(ctx.page);
    const term = ctx.page.getByLabel('Bevestigen elke (weken)');
    expect(await term.inputValue()).toBe('4');
    await term.fill('0');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.locator('#confirmEveryWeeks-error').waitFor();
    expect(await term.getAttribute('aria-invalid')).toBe('true');
    await term.fill('4');
    const vocabulary = ctx.page.getByLabel('Specialisaties');
    await vocabulary.fill(`${await vocabulary.inputValue()}\nselectief mutisme`);
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.getByText('De gegevens zijn opgeslagen.').waitFor();
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-settings');

    // The new specialisation is one a provider can now choose.
    await ctx.page.goto(`${ctx.app.baseUrl}/beschikbaarheid/aanbod/${stale.data[0]!.id}`);
    await settle(ctx.page);
    expect(await ctx.page.getByRole('group', { name: 'Specialisaties' }).getByLabel('selectief mutisme').count()).toBe(
      1,
    );
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('shows the distance from the child’s postcode in Houten to each location, nearest first, and the measured wait beside the reported', async () => {
    await signInAs(ctx, 'verwijzer');
    await followMenuLink(ctx.page, 'Beschikbaarheid zoeken');
    await settle(ctx.page, 'Beschikbaarheid zoeken');
    const form = ctx.page.getByRole('search');
    await form.getByLabel('Gemeente van de jeugdige').selectOption({ label: 'Houten' });
    await form.getByLabel('Postcode van de jeugdige').fill('3991 AB');
    await form.getByLabel('Sorteren op').selectOption({ label: 'Kortste afstand' });
    await form.getByLabel('Leeftijd (jaar)').fill('9');
    await form.getByLabel('Productcategorie').selectOption('54');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.waitForURL(/postcode=3991/);
    await settle(ctx.page, 'Beschikbaarheid zoeken');
    await ctx.page.getByRole('heading', { level: 2, name: /resultaten/ }).waitFor();

    const offers = await apiGet<PageJson<OfferJson>>(
      ctx.app.baseUrl,
      '/availability/offers?municipality=0321&productCategory=54&age=9&postcode=3991AB&sort=distance',
      'verwijzer',
    );
    expect(offers.data.length).toBeGreaterThan(1);
    // Nearest first, unknown distances last; the demo's places are town centres, so Houten's own are under 1 km.
    const known = offers.data.filter((o) => o.distanceKm !== null).map((o) => o.distanceKm!);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(known[0]).toBeLessThan(1);
    expect(known.at(-1)).toBeGreaterThan(3);
    const cards = ctx.page.locator('.offer-card');
    const texts = await cards.evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText));
    expect(texts).toHaveLength(offers.data.length);
    offers.data.forEach((o, i) => {
      const said =
        o.distanceKm === null
          ? 'afstand onbekend'
          : o.distanceKm < 1
            ? 'minder dan 1 km'
            : `ca. ${Math.round(o.distanceKm)} km`;
      expect(texts[i]).toContain(`(${said})`);
      // The measured waits as the API has them, from the request and from the allocation: a median, withheld below
      // 10 starts, or no starts at all.
      const measuredText = (m: MeasuredMedian | null) =>
        !m
          ? 'geen starts'
          : m.withheld
            ? 'niet getoond: minder dan 10 starts'
            : `${m.medianWeeks!.toLocaleString('nl-NL')} weken tot start (mediaan van ${m.starts} starts)`;
      if (!o.measured) expect(texts[i]).toContain('geen starts in de laatste 6 maanden');
      else {
        expect(texts[i]).toContain(`vanaf aanvraag: ${measuredText(o.measured.request)}`);
        expect(texts[i]).toContain(`vanaf toewijzing: ${measuredText(o.measured.allocation)}`);
      }
    });
    // With the iJw messages of the demo, jeugd-GGZ has recent starts of these providers.
    expect(offers.data.some((o) => o.measured !== null)).toBe(true);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-search-distance');

    // Within 5 km: only what is that near (the Houten locations), and the page says so.
    await ctx.page.getByRole('search').getByLabel('Maximale afstand').selectOption({ label: 'binnen 5 km' });
    await ctx.page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.waitForURL(/afstand=5/);
    await ctx.page.getByRole('heading', { level: 2, name: /binnen 5 km/ }).waitFor();
    const near = offers.data.filter((o) => o.distanceKm !== null && o.distanceKm <= 5);
    await ctx.page.waitForFunction((n) => document.querySelectorAll('.offer-card').length === n, near.length);
    expect(await ctx.page.locator('.offer-card h3').allInnerTexts()).toEqual(
      near.map((o) => `${o.provider.name} — ${o.product ? `${o.product.code} ${o.product.name}` : ''}`.trim()),
    );
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('shows the contract manager the measured-vs-reported signal on the start page and how providers keep up over time', async () => {
    const differs = await apiGet<PageJson<EntryJson>>(
      ctx.app.baseUrl,
      '/availability/entries?waitDiffers=true&pageSize=100',
    );
    await signInAs(ctx, 'contractmanager');
    const tile = ctx.page.getByRole('region', { name: 'Gemeten naast gemelde wachttijd' });
    await tile.getByText(/marge af/).waitFor();
    expect(await tile.locator('.start-tile__number').innerText()).toBe(String(differs.page.totalElements));
    expect(differs.page.totalElements).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-contractmanager-home');

    await tile.getByRole('link', { name: 'Bekijk deze regels' }).click();
    await ctx.page.waitForURL(/gemeten=wijkt-af/);
    await settle(ctx.page, 'Beschikbaarheid');
    const caption = differs.page.totalElements === 1 ? '1 regel' : `${differs.page.totalElements} regels`;
    await ctx.page.getByRole('table', { name: caption }).waitFor();
    const rows = await tableRows(ctx.page, caption);
    expect(rows.map((r) => r[0]).sort()).toEqual(differs.data.map((e) => e.provider.name).sort());
    for (const r of rows) expect(r.join(' ')).toContain('wijkt af van de gemelde wachttijd');
    await expectNoSeriousA11yViolations(ctx.page);

    const compliance = await apiGet<{
      providers: Array<{ provider: { name: string }; entries: number; stale: number; months: unknown[] }>;
    }>(ctx.app.baseUrl, '/availability/compliance');
    await followMenuLink(ctx.page, 'Bijhouden van de beschikbaarheid');
    await settle(ctx.page, 'Bijhouden van de beschikbaarheid');
    const now = await tableRows(ctx.page, 'Bijhouden per aanbieder, nu');
    expect(now.map((r) => [r[0], r[1], r[2]])).toEqual(
      compliance.providers.map((p) => [p.provider.name, String(p.entries), p.stale ? `${p.stale} verouderd` : '0']),
    );
    const monthly = ctx.page.getByRole('table', {
      name: 'Regels binnen de termijn bevestigd, aan het eind van elke maand',
    });
    // A column per month: the provider, then twelve month ends.
    expect(await monthly.locator('thead th').count()).toBe(13);
    expect(compliance.providers[0]!.months).toHaveLength(12);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'availability-compliance');
  });
});
