import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../src/server/modules/monitoring/testing/pdf-check.js';
import { formatDate } from '../src/web/lib/format.js';
import {
  apiGet,
  demoUsers,
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  tableRows,
  useAppInBrowser,
} from './harness.js';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const inDays = (n: number) => isoDay(new Date(Date.now() + n * 24 * 3600 * 1000));

describe('Jaarplanner overleggen', () => {
  const ctx = useAppInBrowser();

  it('shows the contract manager what is overdue and plans next year’s proposals, with the invitations as .ics', async () => {
    const { page } = ctx;
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(page, 'Jaarplanner overleggen');
    await settle(page, 'Jaarplanner overleggen');
    // The demo planned an account meeting with Het Anker three weeks ago and never recorded it as held.
    const year = new Date(Date.now() - 21 * 24 * 3600 * 1000).getFullYear();
    if (year !== new Date().getFullYear()) await page.getByLabel('Jaar', { exact: true }).selectOption(String(year));
    const overdueTable = `Overleggen die te laat zijn in ${year}`;
    await page.getByRole('table', { name: overdueTable }).waitFor();
    const overdue = await tableRows(page, overdueTable);
    const anker = overdue.filter((r) => r[0] === 'Accountgesprek: Gezinshuis Het Anker');
    expect(anker.some((r) => r[2]!.startsWith('Gepland op') && r[2]!.endsWith('niet als gehouden vastgelegd'))).toBe(
      true,
    );
    const perProvider = await tableRows(page, `Accountgesprekken per aanbieder in ${year}`);
    const ankerRow = perProvider.find((r) => r[0] === 'Gezinshuis Het Anker')!;
    expect(Number(ankerRow[5])).toBeGreaterThanOrEqual(1);
    // De Lekoever is hoog: three account meetings a year.
    expect(perProvider.find((r) => r[0] === 'Jeugdhulp De Lekoever')!.slice(1, 3)).toEqual(['Hoog', '3']);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'meeting-planner-overdue');

    // Next year is all proposals: plan them all.
    const next = new Date().getFullYear() + 1;
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(next));
    const proposals = `Voorgestelde overleggen in ${next}`;
    await page.getByRole('table', { name: proposals }).waitFor();
    const before = await tableRows(page, proposals);
    expect(before.some((r) => r[1] === `Overlegtafel voorjaar ${next}: transformatiedialoog`)).toBe(true);
    await page.getByRole('button', { name: 'Alles selecteren' }).click();
    await page.getByRole('button', { name: `Gekozen voorstellen plannen (${before.length})` }).click();
    await page.getByText(`${before.length} overleggen gepland.`).waitFor();
    await page.getByText('Alle overleggen van dit jaar zijn gepland of gehouden.').waitFor();
    const planned = await tableRows(page, `Accountgesprekken per aanbieder in ${next}`);
    expect(planned.every((r) => r[2] === r[4])).toBe(true);
    const ics = await page.evaluate(async (y) => {
      const res = await fetch(`/api/v1/meeting-planner/invitations?year=${y}`);
      return res.text();
    }, next);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(before.length);
    await expectNoSeriousA11yViolations(page);
  });
});

describe('Overleggen: een accountgesprek van uitnodiging tot afgeronde actie', () => {
  const ctx = useAppInBrowser({ clearCookies: false });

  async function as(role: 'contractmanager' | 'aanbieder', url: string) {
    await ctx.browser.clearCookies();
    await signInAs(ctx, role);
    await ctx.page.goto(url);
    await settle(ctx.page, 'Accountgesprek De Lekoever december');
  }

  it('holds the meeting with attendance, minutes and two actions; the provider comments, then closes its action', async () => {
    const { page } = ctx;
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(page, 'Overleggen');
    await settle(page, 'Overleggen');
    await page.getByRole('link', { name: 'Nieuw overleg' }).click();
    await settle(page, 'Nieuw overleg');
    await page.getByLabel('Titel').fill('Accountgesprek De Lekoever december');
    await page.getByLabel('Datum').fill(inDays(-1));
    await page.getByLabel('Begin').fill('10:00');
    await page.getByLabel('Einde').fill('09:00');
    await page.getByLabel('Jeugdhulp De Lekoever').check();
    await page.getByRole('button', { name: 'Overleg vastleggen' }).click();
    // An end before the start: refused next to the field, nothing saved.
    await page.locator('#endsAt-error').waitFor();
    expect(await page.locator('#endsAt-error').innerText()).toBe('Einde: het overleg moet eindigen na het begin');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Einde').fill('11:30');
    await page.getByRole('button', { name: 'Overleg vastleggen' }).click();
    await settle(page, 'Accountgesprek De Lekoever december');
    const url = page.url();
    // When, as Dutch writes it: the day once, the times to the minute.
    const when = page.locator('.utrecht-data-list__item').filter({ has: page.locator('dt', { hasText: /^Wanneer$/ }) });
    expect(await when.locator('dd').innerText()).toBe(`${formatDate(inDays(-1), 'long')}, 10:00–11:30`);

    // The agenda, after the meeting was created: an item with the documents asked beforehand.
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await page.getByRole('button', { name: 'Agenda vastleggen' }).click();
    await page.locator('[id="agenda.0.title-error"]').waitFor();
    await page.getByLabel('Titel van agendapunt 1').fill('Wachttijden per product');
    await page.getByLabel('Vooraf aan te leveren bij agendapunt 1').fill('Wachtlijst per product; Plan van aanpak');
    await page.getByRole('button', { name: 'Agenda vastleggen' }).click();
    await page.getByText('De agenda is vastgelegd.').waitFor();

    // Attendance: one of the provider's people came; the meeting was held.
    await page.getByLabel('Naam van een nieuwe genodigde').fill('Piet Pieters');
    await page.getByRole('button', { name: 'Genodigde toevoegen' }).click();
    await page.getByLabel('Piet Pieters (aanbieder) was aanwezig').check();
    await page.getByLabel('Status', { exact: true }).selectOption('held');
    await page.getByRole('button', { name: 'Aanwezigheid en status vastleggen' }).click();
    await page.getByText('Aanwezigheid en status zijn vastgelegd.').waitFor();

    // Minutes as a draft, open for the provider's comments for a week.
    await page.getByLabel('Tekst van de notulen').fill('De wachttijd ambulante jeugd-GGZ is besproken.');
    await page.getByRole('button', { name: 'Concept opslaan en ter reactie geven' }).click();
    await page.getByText(/Concept: de aanbieders kunnen reageren tot/).waitFor();

    // Two actions; one without owner is refused first.
    const title = page.getByLabel('Actie', { exact: true });
    await title.fill('Plan van aanpak wachttijd');
    await page.getByLabel('Uiterste datum').fill(inDays(30));
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.locator('#actie-ownerSide-error').waitFor();
    await page.getByLabel('Eigenaar').selectOption({ label: 'Jeugdhulp De Lekoever' });
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByText('De actie is toegevoegd.').waitFor();
    await title.fill('Cijfers instroom per gemeente leveren');
    await page.getByLabel('Eigenaar').selectOption({ label: 'Regio' });
    await page.getByLabel('Uiterste datum').fill(inDays(14));
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.waitForFunction(() => document.body.textContent?.includes('Cijfers instroom per gemeente leveren'));
    expect((await tableRows(page, 'Acties uit dit overleg')).map((r) => r[0])).toEqual([
      'Cijfers instroom per gemeente leveren',
      'Plan van aanpak wachttijd',
    ]);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'meeting-held');

    // The provider reads the draft and comments; it sees only its own action.
    await as('aanbieder', url);
    expect(await page.locator('main').innerText()).toContain('De wachttijd ambulante jeugd-GGZ is besproken.');
    expect(await page.locator('main').innerText()).toContain(
      'Wachttijden per product — vooraf aanleveren: Wachtlijst per product; Plan van aanpak',
    );
    expect((await tableRows(page, 'Acties uit dit overleg')).map((r) => r[0])).toEqual(['Plan van aanpak wachttijd']);
    await page.getByLabel('Uw reactie op het concept').fill('Graag ook de wachttijd per locatie opnemen.');
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await page.waitForFunction(() => document.body.textContent?.includes('Graag ook de wachttijd per locatie'));
    await expectNoSeriousA11yViolations(page);

    // The contract manager finalises the minutes.
    await as('contractmanager', url);
    expect((await tableRows(page, 'Reacties op de conceptnotulen')).map((r) => r[2])).toEqual([
      'Graag ook de wachttijd per locatie opnemen.',
    ]);
    await page.getByRole('button', { name: 'Notulen vaststellen' }).click();
    await page.getByText(/Vastgestelde notulen/).waitFor();

    // The provider sees the final minutes, can no longer comment, and closes its action with a note.
    await as('aanbieder', url);
    await page.getByText(/Vastgestelde notulen/).waitFor();
    expect(await page.getByLabel('Uw reactie op het concept').count()).toBe(0);
    await page.getByRole('button', { name: 'Plan van aanpak wachttijd afronden' }).click();
    await page.getByLabel('Toelichting').fill('Plan besproken in het MT en gedeeld met de regio.');
    await page.getByRole('button', { name: 'Actie afronden', exact: true }).click();
    await page.waitForFunction(() => document.body.textContent?.includes('Afgerond: Plan besproken'));
    expect((await tableRows(page, 'Acties uit dit overleg'))[0]![3]).toBe(
      'Afgerond: Plan besproken in het MT en gedeeld met de regio.',
    );
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'meeting-provider-action-done');
  });

  it('keeps the region’s themes; a contract manager sets up a development task with a KPI, a member provider adds progress', async () => {
    const { page } = ctx;
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'contractmanager');
    // The themes and the comment window: a window of 0 days is refused beside the field, nothing saved.
    await page.goto(`${ctx.app.baseUrl}/overleggen`);
    await settle(page, 'Overleggen');
    await page.getByRole('link', { name: 'Thema’s en reactietermijn' }).click();
    await settle(page, 'Instellingen van overleggen');
    expect((await page.getByLabel('Thema’s van de transformatietafels').inputValue()).split('\n')).toContain('Crisis');
    await page.getByLabel('Reactietermijn op conceptnotulen (dagen)').fill('0');
    await page.getByRole('button', { name: 'Instellingen vastleggen' }).click();
    expect(await page.locator('#commentDays-error').innerText()).toBe('Reactietermijn: ten minste 1 dag');
    await page.getByLabel('Reactietermijn op conceptnotulen (dagen)').fill('7');
    await page.getByRole('button', { name: 'Instellingen vastleggen' }).click();
    await page.getByText('De instellingen zijn vastgelegd.').waitFor();
    await expectNoSeriousA11yViolations(page);

    // The demo's tasks per theme; a new one for Crisis, with a milestone and the KPI of its measure.
    await followMenuLink(page, 'Ontwikkelopgaven');
    await settle(page, 'Ontwikkelopgaven');
    expect((await tableRows(page, 'Ontwikkelopgaven van Crisis')).map((r) => r[0])).toContain(
      'Eén integrale crisisdienst',
    );
    await page.getByRole('link', { name: 'Nieuwe ontwikkelopgave' }).click();
    await settle(page, 'Nieuwe ontwikkelopgave');
    await page.getByLabel('Thema', { exact: true }).selectOption('Crisis');
    await page.getByLabel('Titel', { exact: true }).fill('Crisisbedden in de regio houden');
    await page.getByLabel('Doel', { exact: true }).fill('Geen crisisplaatsing buiten de regio.');
    await page.getByLabel('Maat', { exact: true }).fill('Jeugdigen in zorg bij de crisisdienst');
    await page.getByLabel('KPI bij de maat').selectOption({ label: 'Jeugdigen in zorg' });
    await page.getByLabel('Jeugdhulp De Lekoever').check();
    await page.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    await page.getByLabel('Mijlpaal 1', { exact: true }).fill('Afspraken met de crisisdienst');
    // A milestone without a date: refused beside its field, nothing saved.
    await page.getByRole('button', { name: 'Ontwikkelopgave vastleggen' }).click();
    await page.locator('[id="milestones.0.dueDate-error"]').waitFor();
    expect(await page.locator('[id="milestones.0.dueDate-error"]').innerText()).toBe(
      'Mijlpaal, datum: vul een datum in',
    );
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Datum van mijlpaal 1').fill(inDays(60));
    await page.getByRole('button', { name: 'Ontwikkelopgave vastleggen' }).click();
    await settle(page, 'Crisisbedden in de regio houden');
    const url = page.url();
    expect(await page.locator('main dl').innerText()).toMatch(/Jeugdigen in zorg: /);
    expect((await tableRows(page, 'Mijlpalen van de opgave')).map((r) => [r[0], r[2]])).toEqual([
      ['Afspraken met de crisisdienst', 'Open'],
    ]);
    await expectNoSeriousA11yViolations(page);

    // The demo aanbieder is a member: it reads the task and writes a progress note.
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'aanbieder');
    await page.goto(url);
    await settle(page, 'Crisisbedden in de regio houden');
    expect(await page.getByRole('button', { name: 'Mijlpalen en status vastleggen' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Voortgangsnotitie' }).fill('Eerste overleg met de crisisdienst gehouden.');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await page.getByText('De voortgangsnotitie is toegevoegd.').waitFor();
    const notes = await tableRows(page, 'Voortgangsnotities, nieuwste eerst');
    expect(notes.map((r) => [r[1], r[2], r[3]])).toEqual([
      [
        demoUsers.find((u) => u.role === 'aanbieder')!.name,
        'Jeugdhulp De Lekoever',
        'Eerste overleg met de crisisdienst gehouden.',
      ],
    ]);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'development-task-provider-note');
  });
});

describe('Dossier voor een overleg', () => {
  const ctx = useAppInBrowser({ demoYouths: 150 });

  it('opens the provider pack from a meeting, prints it as a tagged PDF, and shows a provider only its own', async () => {
    const { page } = ctx;
    type Summary = { id: string; type: string; startsAt: string; providers: Array<{ id: string; name: string }> };
    const meetings = await apiGet<Summary[]>(ctx.app.baseUrl, '/meetings');
    const lekoever = meetings.filter(
      (m) => m.type === 'accountgesprek' && m.providers[0]?.name === 'Jeugdhulp De Lekoever' && m.startsAt < inDays(0),
    );
    const latest = lekoever.at(-1)!;
    const other = meetings.find((m) => m.providers.length === 1 && m.providers[0]!.name !== 'Jeugdhulp De Lekoever')!;

    await signInAs(ctx, 'contractmanager');
    await page.goto(`${ctx.app.baseUrl}/overleggen/${latest.id}`);
    await settle(page);
    await page.getByRole('link', { name: 'Dossier voor dit overleg' }).click();
    await settle(page, 'Dossier Jeugdhulp De Lekoever');
    // Its own contracts (AMB, FOR and the combination's Gezinsvormen) with the demo's ceilings; the earlier meeting's decision.
    const contracts = await tableRows(page, 'Contracten en percelen');
    expect(contracts.map((r) => r[0]).sort()).toEqual(['LEK-2023-001', 'LEK-2023-008', 'LEK-2023-010']);
    expect(contracts.every((r) => /^€\s[\d.]+$/.test(r[4]!))).toBe(true);
    const kpis = await tableRows(page, 'Kerncijfers van de aanbieder per kwartaal, met de regio');
    expect(kpis.length).toBeGreaterThan(3);
    // What the Regio column is, and why it may differ from the contract manager's exact dashboard.
    await page.getByText(/^De kolom Regio is de hele regio, alle aanbieders samen, in hetzelfde kwartaal\./).waitFor();
    await page.getByText(/Het dashboard toont u de exacte cijfers/).waitFor();
    await page.getByRole('heading', { name: 'Besluiten van het vorige accountgesprek' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'provider-pack');

    // The same pack as a PDF: tagged, in Dutch; its first page rendered to look at.
    const href = await page.getByRole('link', { name: 'Dossier downloaden (PDF)' }).getAttribute('href');
    const download = await page.request.get(`${ctx.app.baseUrl}${href}`, { timeout: 90_000 });
    expect(download.headers()['content-type']).toBe('application/pdf');
    const pdf = inspectPdf(Buffer.from(await download.body()));
    const dir = mkdtempSync(join(tmpdir(), 'zl-pack-'));
    try {
      expect(pdf.info.Tagged).toBe('yes');
      const first = pdf.pageTexts[0]!.replace(/\s+/g, ' ');
      expect(first).toContain('Dossier Jeugdhulp De Lekoever');
      expect(first).toContain('AGB-code 99000011');
      expect(first).toContain('1. Contracten en percelen');
      expect(first).toContain('LEK-2023-001');
      const text = pdf.text.replace(/\s+/g, ' ');
      expect(text).toContain('6. Besluiten van het vorige accountgesprek');
      expect(text).not.toMatch(/\d{4}Q\d/);
      const [png] = pdf.pictures(dir, 1, 1);
      mkdirSync(join(import.meta.dirname, 'screenshots'), { recursive: true });
      copyFileSync(png!, join(import.meta.dirname, 'screenshots', 'provider-pack-pdf-page-1.png'));
    } finally {
      pdf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }

    // The provider opens its own pack from its own page, and is refused another provider's.
    await ctx.browser.clearCookies();
    await signInAs(ctx, 'aanbieder');
    await followMenuLink(page, 'Aanbieders');
    await page.getByRole('link', { name: 'Jeugdhulp De Lekoever' }).click();
    await settle(page, 'Jeugdhulp De Lekoever');
    await page.getByRole('link', { name: 'Dossier voor het overleg' }).click();
    await settle(page, 'Dossier Jeugdhulp De Lekoever');
    expect((await tableRows(page, 'Contracten en percelen')).length).toBe(3);
    // A provider's dashboard is published as the pack is: nothing to explain about exact figures.
    await page.getByText(/^De kolom Regio is de hele regio/).waitFor();
    expect(await page.getByText(/Het dashboard toont u de exacte cijfers/).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${ctx.app.baseUrl}/aanbieders/${other.providers[0]!.id}/dossier`);
    await page.getByText('U kunt alleen het dossier van uw eigen organisatie inzien.').waitFor();
  }, 300_000);
});
