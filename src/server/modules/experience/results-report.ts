import { sql } from 'drizzle-orm';
import { experienceAudienceLabels, experienceThemes, type ExperienceAudience } from '../../../shared/experience.js';
import {
  experienceWithheldMark as withheldMark,
  formatExperienceFigure,
  noRankingReason,
  type ExperienceFigureKind,
  type ExperienceFigures,
  type ExperienceGroup,
  type ExperienceResults,
} from '../../../shared/experience-results.js';
import { queryRows, type Db } from '../../db/client.js';
import { AccessiblePdf } from '../../pdf/accessible-pdf.js';
import type { Actor } from '../auth/index.js';
import { describeDay, describeMoment, periodName } from '../monitoring/index.js';
import { experienceResults } from './results.service.js';

/** How many published open answers the yearly report quotes at most (region level, no provider named). */
export const reportTextCount = 8;

export interface ExperienceReport {
  region: { id: string; code: string; name: string };
  results: ExperienceResults;
  /** The questionnaire versions the region had by the end of the year, per audience. */
  questionnaires: { audience: ExperienceAudience; version: number; questions: number; since: string }[];
  /** A selection of moderated open answers: text and month only. */
  texts: { text: string; month: string }[];
  generatedAt: Date;
}

/**
 * Everything the yearly client-experience report (Jeugdwet art. 2.10) shows, for a region's role. The figures are the
 * results function's own answer, so the PDF withholds exactly what the page, export and API withhold.
 */
export async function buildExperienceReport(
  db: Db,
  actor: Actor,
  region: ExperienceReport['region'],
  year: number,
  now = new Date(),
): Promise<ExperienceReport> {
  const results = await experienceResults(db, actor, region.id, year);
  const questionnaires = await queryRows<{
    audience: ExperienceAudience;
    version: number;
    questions: unknown[];
    since: string;
  }>(
    db,
    sql`select audience, version, questions, created_at::date::text as since from experience_questionnaires
      where region_id = ${region.id}::uuid and created_at < ${`${year + 1}-01-01`}::timestamptz
      order by audience, version`,
  );
  // The newest first, then by text: a selection not tied to any provider (the report names none beside a quote).
  const texts = [...results.texts]
    .sort((a, b) => b.month.localeCompare(a.month) || a.text.localeCompare(b.text, 'nl'))
    .slice(0, reportTextCount)
    .map((t) => ({ text: t.text, month: t.month }));
  return {
    region,
    results,
    questionnaires: questionnaires.map((q) => ({ ...q, questions: q.questions.length })),
    texts,
    generatedAt: now,
  };
}

const themeNames = { toegang: 'Toegang', kwaliteit: 'Kwaliteit', effect: 'Effect' } as const;
/** A figure as the results page writes it: "50 %", a mark "7,0", "<10" in every cell of a withheld group. */
const number = (n: number | null, f: ExperienceFigures, kind: ExperienceFigureKind) =>
  formatExperienceFigure(n, kind, f.withheld);
const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (iso: string) => monthFormat.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));

export const experienceReportTitle = (r: ExperienceReport) =>
  `Cliëntervaring jeugdhulp ${r.results.year} – ${r.region.name}`;
/** clientervaring-<region>-<year>.pdf */
export const experienceReportFileName = (r: ExperienceReport) =>
  `clientervaring-${r.region.code}-${r.results.year}.pdf`;

const groupColumns = (first: string) => [
  { header: first, width: '*' as const },
  { header: 'Antwoorden', width: 62, align: 'right' as const },
  { header: 'Respons', width: 50, align: 'right' as const },
  { header: 'Cijfer', width: 40, align: 'right' as const },
  ...experienceThemes.map((t) => ({ header: `${themeNames[t]} positief`, width: 60, align: 'right' as const })),
];
const groupRow = (label: string, f: ExperienceFigures) => [
  label,
  number(f.answers, f, 'count'),
  number(f.responseRate, f, 'percent'),
  number(f.mark, f, 'score'),
  ...experienceThemes.map((t) => number(f.themes[t].positive, f, 'percent')),
];

function cover(pdf: AccessiblePdf, r: ExperienceReport): void {
  const { results } = r;
  pdf.section(1, `Cliëntervaring jeugdhulp ${results.year}`, () => {
    pdf.paragraph(
      `Wat jongeren en ouders in ${results.year} vonden van de jeugdhulp in ${r.region.name}, gemeten met de Ervaringwijzer. Gemeenten onderzoeken elk jaar hoe cliënten de jeugdhulp ervaren (Jeugdwet artikel 2.10); dit is dat verslag.`,
      { size: 12, after: 10 },
    );
    pdf.table({
      columns: [
        { header: 'Onderwerp', width: 120 },
        { header: 'Gegevens', width: '*' },
      ],
      rows: [
        ['Regio', `${r.region.name} (${r.region.code})`],
        ['Jaar', `${describeDay(`${results.year}-01-01`)} tot en met ${describeDay(`${results.year}-12-31`)}`],
        ['Gemaakt op', describeMoment(r.generatedAt)],
      ],
    });
    pdf.callout(
      'Kleine groepen.',
      `Een uitkomst over minder dan ${results.threshold} antwoorden kan iemand herkenbaar maken. Zo'n groep staat hier als "${withheldMark}", zonder cijfers. Soms staat ook een iets grotere groep zo, omdat anders het totaal min de andere groepen een kleine groep zou verraden.`,
    );
  });
}

function summary(pdf: AccessiblePdf, r: ExperienceReport): void {
  const f = r.results.region;
  pdf.section(1, 'Samenvatting', () => {
    if (f.answers === 0) {
      pdf.paragraph(`In ${r.results.year} kwamen geen antwoorden binnen. Er zijn daarom geen uitkomsten.`);
      return;
    }
    if (f.withheld) {
      pdf.paragraph(
        `In ${r.results.year} kwamen minder dan ${r.results.threshold} antwoorden binnen. Dat is te weinig om iets over de regio te zeggen zonder dat iemand herkenbaar wordt. Er staan daarom geen cijfers in dit verslag.`,
      );
      return;
    }
    const items: string[] = [
      `${formatExperienceFigure(f.answers, 'count')} jongeren en ouders vulden de vragenlijst in${f.responseRate !== null ? `: ${f.responseRate} van elke 100 die een uitnodiging kregen` : ''}.`,
    ];
    if (f.mark !== null)
      items.push(
        `Ze geven wat de hulp opleverde gemiddeld een ${formatExperienceFigure(f.mark, 'score')} (op een schaal van 1 tot 10).`,
      );
    for (const t of experienceThemes) {
      const p = f.themes[t].positive;
      if (p !== null) items.push(`${themeNames[t]}: ${p} van elke 100 antwoorden waren positief.`);
    }
    items.push('De uitkomsten zijn om van te leren. Aanbieders worden niet met elkaar vergeleken of gerangschikt.');
    pdf.list(items);
  });
}

function method(pdf: AccessiblePdf, r: ExperienceReport): void {
  const f = r.results.region;
  pdf.section(1, '1. Hoe het onderzoek is gedaan', () => {
    pdf.paragraph(
      'Aanbieders geven een jongere of ouder een eenmalige uitnodiging (een link, sms of QR-code) als de hulp afloopt of als het uitkomt. Met die link vult iemand in twee minuten op de telefoon een korte vragenlijst in: uitspraken over toegang, kwaliteit en effect op een schaal met vijf smileys, een cijfer van 1 tot 10 voor wat de hulp opleverde en één open vraag.',
    );
    pdf.paragraph(
      'De antwoorden zijn anoniem. Zorglandschap bewaart geen naam, e-mailadres, telefoonnummer of IP-adres bij een antwoord, en een antwoord is niet te koppelen aan een cliënt. Een uitnodiging werkt één keer en verloopt.',
    );
    pdf.section(2, 'Vragenlijsten', () => {
      if (!r.questionnaires.length) {
        pdf.paragraph('De regio had in dit jaar nog geen eigen vragenlijst.');
        return;
      }
      pdf.paragraph('Elke versie wordt bewaard, zodat uitkomsten van verschillende jaren te vergelijken blijven.');
      pdf.table({
        columns: [
          { header: 'Vragenlijst', width: '*' },
          { header: 'Versie', width: 60, align: 'right' },
          { header: 'Vragen', width: 60, align: 'right' },
          { header: 'Sinds', width: 130 },
        ],
        rows: r.questionnaires.map((q) => [
          experienceAudienceLabels[q.audience],
          String(q.version),
          String(q.questions),
          describeDay(q.since),
        ]),
      });
    });
    pdf.section(2, 'Uitnodigingen en respons', () => {
      pdf.table({
        columns: [
          { header: 'Onderwerp', width: '*' },
          { header: 'Aantal', width: 100, align: 'right' },
        ],
        rows: [
          [`Uitnodigingen gemaakt in ${r.results.year}`, formatExperienceFigure(f.invitations, 'count')],
          ['Ingevulde vragenlijsten', number(f.answers, f, 'count')],
          ['Respons (deel van de uitnodigingen dat is gebruikt)', number(f.responseRate, f, 'percent')],
        ],
      });
    });
  });
}

function regionFigures(pdf: AccessiblePdf, r: ExperienceReport): void {
  const f = r.results.region;
  pdf.section(1, '2. Uitkomsten voor de regio', () => {
    pdf.paragraph(
      'Per thema het deel van de antwoorden dat positief was (4 of 5 smileys) en het gemiddelde op de schaal van 1 tot 5; daaronder het gemiddelde cijfer (1 tot 10) voor wat de hulp opleverde.',
    );
    pdf.table({
      columns: [
        { header: 'Thema', width: '*' },
        { header: 'Positief', width: 90, align: 'right' },
        { header: 'Gemiddeld (1-5)', width: 100, align: 'right' },
      ],
      rows: [
        ...experienceThemes.map((t) => [
          themeNames[t],
          number(f.themes[t].positive, f, 'percent'),
          number(f.themes[t].mean, f, 'score'),
        ]),
        ['Cijfer voor het effect (1-10)', '', number(f.mark, f, 'score')],
      ],
    });
  });
}

function breakdown(pdf: AccessiblePdf, title: string, first: string, groups: ExperienceGroup[], none: string) {
  pdf.section(1, title, () => {
    if (!groups.length) pdf.paragraph(none);
    else pdf.table({ columns: groupColumns(first), rows: groups.map((g) => groupRow(g.label, g)) });
  });
}

function texts(pdf: AccessiblePdf, r: ExperienceReport): void {
  pdf.section(1, '7. Wat jongeren en ouders schreven', () => {
    if (!r.texts.length) {
      pdf.paragraph('Er zijn in dit jaar geen open antwoorden gepubliceerd.');
      return;
    }
    pdf.paragraph(
      `Een keuze van ten hoogste ${reportTextCount} open antwoorden, de nieuwste eerst. De contractmanager heeft ze gelezen en namen en herkenbare details weggehaald voordat ze gepubliceerd werden. Bij een antwoord staat geen aanbieder.`,
    );
    pdf.list(r.texts.map((t) => [{ text: `"${t.text}" `, italic: true }, { text: `(${monthName(t.month)})` }]));
  });
}

/** The yearly client-experience report as a tagged Dutch PDF: headings in order, tables with row and column headers. */
export async function renderExperienceReport(r: ExperienceReport): Promise<Buffer> {
  const title = experienceReportTitle(r);
  const pdf = new AccessiblePdf({ title, author: r.region.name, subject: 'Jaarverslag cliëntervaring', footer: title });
  const { results } = r;
  cover(pdf, r);
  summary(pdf, r);
  method(pdf, r);
  regionFigures(pdf, r);
  pdf.section(1, '3. Per kwartaal', () => {
    pdf.table({
      columns: groupColumns('Kwartaal'),
      rows: results.quarters.map((q) => groupRow(periodName(q.quarter), q.region)),
    });
  });
  breakdown(pdf, '4. Per productcategorie', 'Productcategorie', results.byProductCategory, 'Geen antwoorden.');
  breakdown(pdf, '5. Per gemeente', 'Gemeente', results.byMunicipality, 'Geen antwoorden.');
  breakdown(pdf, '6. Per aanbieder', 'Aanbieder (op naam)', results.byProvider, 'Geen antwoorden.');
  texts(pdf, r);
  pdf.section(1, '8. Waarom aanbieders niet gerangschikt worden', () => {
    pdf.paragraph(noRankingReason);
    pdf.paragraph(
      'Kleine verschillen tussen aanbieders zeggen weinig: ze hangen af van wie de vragenlijst invulde en welke hulp iemand kreeg. Aanbieders krijgen hun eigen uitkomsten met die van de regio ernaast, om van te leren.',
    );
  });
  return pdf.finish();
}
