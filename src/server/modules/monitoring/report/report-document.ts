import { assessChange, assessmentWords } from '../../../../shared/kpi-direction.js';
import { formatKpiValue } from '../../../../shared/kpi-charts.js';
import type { KpiResponse, KpiResult } from '../../../../shared/kpi.js';
import { AccessiblePdf } from '../../../pdf/accessible-pdf.js';
import type { Signal } from '../signals.service.js';
import { plainDutch } from './plain-language.js';
import type { QuarterlyReportData } from './report-data.js';
import {
  describeDay,
  describeMoment,
  describePeriod,
  periodHeading,
  periodName,
  previousText,
  provisionalText,
  targetStatus,
  targetText,
  valueText,
  withheldMarks,
  withholdResponse,
} from './report-format.js';
import { changedFigures, groupSection, moneySection, trendSection } from './report-sections.js';
import { summaryPoints } from './report-summary.js';

const scopeLabels: Record<Signal['scopeType'], string> = {
  region: 'Regio',
  municipality: 'Gemeente',
  provider: 'Aanbieder',
  budgetLine: 'Begrotingspost',
};

export const reportTitle = (data: QuarterlyReportData) =>
  `Kwartaalrapportage jeugdhulp ${data.region.name}${data.provider ? ` – ${data.provider.name}` : ''}, ${periodName(data.quarter)}`;

function cover(pdf: AccessiblePdf, data: QuarterlyReportData, kpis: KpiResponse): void {
  pdf.space(60);
  pdf.section(1, `Kwartaalrapportage jeugdhulp ${data.region.name}`, () => {
    if (data.provider) pdf.paragraph(data.provider.name, { size: 16 });
    pdf.paragraph(`${periodHeading(kpis.period)}: ${describePeriod(kpis.period)}`, { size: 14, after: 16 });
    const audience = data.provider
      ? `${data.provider.name} (AGB-code ${data.provider.agb}): de eigen cijfers naast die van ${data.region.name}`
      : `Gemeenteraden, colleges, contractmanagement en beleid van ${data.region.name}`;
    pdf.table({
      columns: [
        { header: 'Onderwerp', width: 110 },
        { header: 'Gegevens', width: '*' },
      ],
      rows: [
        ['Kwartaal', `${periodHeading(kpis.period)} (${describePeriod(kpis.period)})`],
        ['Vergeleken met', `${periodHeading(kpis.previousPeriod)} (${describePeriod(kpis.previousPeriod)})`],
        ['Voor', audience],
        ...(data.issued
          ? [['Vastgesteld', `${describeMoment(data.issued.at)} door ${data.issued.by}`]]
          : [['Gemaakt op', `${describeMoment(data.generatedAt)} (niet vastgestelde versie)`]]),
        [
          'Gegevens tot en met',
          kpis.dataDate
            ? `${describeDay(kpis.dataDate)}: tot die dag gelden de berichten als volledig. Herhaald beroep telt alleen beëindigingen waarvan de termijn dan is verstreken.`
            : 'nog niet bekend',
        ],
        [
          'Bron',
          'De berichten die gemeenten en aanbieders uitwisselen over toewijzing, start, einde en declaratie van jeugdhulp; de begrotingen, realisatie en doelen van de regio.',
        ],
      ],
    });
    const provisional = provisionalText(kpis.period);
    if (provisional) pdf.callout('Voorlopig.', provisional);
    pdf.callout(
      'Kleine aantallen.',
      `Een cijfer over minder dan ${kpis.suppressionThreshold} jeugdigen kan een kind herkenbaar maken. Zo'n cijfer staat in dit rapport als ${withheldMarks(kpis)}, zonder getal, ook in de grafieken (daar ontbreekt het).`,
    );
  });
}

function summary(pdf: AccessiblePdf, data: QuarterlyReportData): void {
  pdf.pageBreak();
  pdf.section(1, '1. Samenvatting', () => {
    pdf.list(summaryPoints(data));
    if (data.comments.report)
      pdf.section(2, 'Toelichting van de regio', () => {
        for (const part of data.comments.report!.split(/\n{2,}/)) pdf.paragraph(part);
      });
  });
}

function change(result: KpiResult, kpis: KpiResponse): string {
  if (kpis.period.provisional || kpis.previousPeriod.provisional) return 'voorlopig';
  const a = assessChange(result.kpi.direction, result.total.value, result.total.previous);
  return a ? assessmentWords[a] : '';
}

function keyFigures(pdf: AccessiblePdf, data: QuarterlyReportData, kpis: KpiResponse): void {
  pdf.section(1, '2. Kerncijfers', () => {
    const region = data.regionKpis ? withholdResponse(data.regionKpis) : null;
    pdf.paragraph(
      region
        ? `Alle indicatoren van ${data.provider!.name} in het ${periodName(kpis.period.label)}, naast die van de hele regio en het eigen vorige kwartaal.`
        : `Alle indicatoren in het ${periodName(kpis.period.label)}, naast het vorige kwartaal en het doel van de regio. "Beter" en "slechter" volgen de richting van elke indicator.`,
    );
    const available = kpis.data.filter((r) => r.available);
    const missing = kpis.data.filter((r) => !r.available);
    // Doelrealisatie figures over too few registrations say so beside their name, with a note below the table.
    const goals = data.goals;
    const incomplete = !!goals && goals.percent !== null && !goals.sufficient;
    const nameOf = (r: KpiResult) =>
      incomplete && r.kpi.id.startsWith('goal_') ? `${r.kpi.name} (onvolledig, zie noot)` : r.kpi.name;
    if (region) {
      pdf.table({
        columns: [
          { header: 'Indicator', width: '*' },
          { header: `Aanbieder, ${periodHeading(kpis.period)}`, width: 88, align: 'right' },
          { header: `Regio, ${periodHeading(kpis.period)}`, width: 88, align: 'right' },
          { header: `Aanbieder, ${periodName(kpis.previousPeriod.label)}`, width: 88, align: 'right' },
          { header: 'Verandering', width: 62 },
        ],
        rows: available.map((r) => {
          const whole = region.data.find((x) => x.kpi.id === r.kpi.id);
          return [
            nameOf(r),
            valueText(r.total, r.kpi.unit, kpis),
            whole?.available ? valueText(whole.total, r.kpi.unit, region) : '–',
            previousText(r.total, r.kpi.unit),
            change(r, kpis),
          ];
        }),
      });
    } else {
      pdf.table({
        columns: [
          { header: 'Indicator', width: '*' },
          { header: periodHeading(kpis.period), width: 72, align: 'right' },
          { header: periodHeading(kpis.previousPeriod), width: 72, align: 'right' },
          { header: 'Verandering', width: 58 },
          { header: 'Doel of begroting', width: 92 },
          { header: 'Doel gehaald', width: 56 },
        ],
        rows: available.map((r) => [
          nameOf(r),
          valueText(r.total, r.kpi.unit, kpis),
          previousText(r.total, r.kpi.unit),
          change(r, kpis),
          r.total.target
            ? targetText(r.total.target, r.kpi.unit)
            : typeof r.total.budget === 'number'
              ? `begroting ${valueText({ ...r.total, value: r.total.budget }, r.kpi.unit, kpis)}`
              : '',
          targetStatus(r.total),
        ]),
      });
    }
    if (goals && incomplete && available.some((r) => r.kpi.id.startsWith('goal_')))
      pdf.paragraph(
        [
          { text: 'Doelrealisatie te onvolledig. ', bold: true },
          {
            text: `Voor ${formatKpiValue(goals.percent, 'percent')} van de beëindigde toewijzingen in het kwartaal is de doelrealisatie vastgelegd${data.provider ? ` door ${data.provider.name}` : ''}; de regio vraagt ten minste ${formatKpiValue(goals.minPercent, 'percent')}. De cijfers over doelrealisatie zijn te onvolledig om te beoordelen.`,
          },
        ],
        { note: true },
      );
    if (missing.length)
      pdf.paragraph(
        `Niet beschikbaar, omdat de regio deze gegevens (nog) niet bijhoudt: ${missing.map((r) => r.kpi.name).join(', ')}.`,
        {
          note: true,
        },
      );
    const provisional = provisionalText(kpis.period);
    if (provisional) pdf.paragraph(provisional, { note: true });
    pdf.paragraph(
      `${withheldMarks(kpis)}: minder dan ${kpis.suppressionThreshold} jeugdigen, weggelaten. "–": geen cijfer (geen gegevens in die periode, of in het vorige kwartaal weggelaten om dezelfde reden).`,
      { note: true },
    );
  });
}

function signals(pdf: AccessiblePdf, data: QuarterlyReportData, kpis: KpiResponse, number: number): void {
  pdf.section(1, `${number}. Signalen`, () => {
    pdf.paragraph(
      `Cijfers die in het ${periodName(data.quarter)} hun doel of drempel niet halen, en prognoses boven de begroting. Cijfers over minder dan ${kpis.suppressionThreshold} jeugdigen geven nooit een signaal.`,
    );
    if (!data.signals.length) {
      pdf.paragraph([{ text: `Geen signalen in het ${periodName(data.quarter)}.`, bold: true }]);
      return;
    }
    pdf.table({
      columns: [
        { header: 'Indicator', width: '*' },
        { header: 'Niveau', width: 80 },
        { header: 'Waar', width: 100 },
        { header: 'Waarde', width: 72, align: 'right' },
        { header: 'Doel', width: 100, align: 'right' },
      ],
      rows: data.signals.map((s) => [
        s.kpiName,
        scopeLabels[s.scopeType],
        s.label,
        formatKpiValue(s.value, s.unit),
        targetText(s.target, s.unit),
      ]),
    });
  });
}

function definitions(pdf: AccessiblePdf, kpis: KpiResponse, number: number): void {
  pdf.section(1, `${number}. Definities en werkwijze`, () => {
    pdf.paragraph(
      'Iedere indicator volgt de landelijke definities van het CBS (Beleidsinformatie Jeugd) en de afgesproken uitkomstindicatoren voor de jeugdhulp, waar die er zijn.',
    );
    pdf.list(kpis.data.map((r) => [{ text: `${r.kpi.name}: `, bold: true }, { text: plainDutch(r.kpi.description) }]));
    pdf.section(2, 'Kleine aantallen', () => {
      pdf.paragraph(
        `Een cijfer over 1 tot ${kpis.suppressionThreshold} jeugdigen wordt weggelaten. In dit rapport staat er ${withheldMarks(kpis)}. Een cijfer over 0 jeugdigen wordt wel getoond. Staat het totaal er wel, dan zijn steeds ten minste twee rijen weggelaten die samen over ten minste ${kpis.suppressionThreshold} jeugdigen gaan, zodat niemand een klein getal uit het totaal kan terugrekenen.`,
      );
      if (kpis.rounding)
        pdf.paragraph(
          `Aantallen zijn afgerond op ${kpis.rounding.count}-tallen en bedragen op ${kpis.rounding.euro.toLocaleString('nl-NL')} euro, elk apart (ook het totaal). Daardoor tellen rijen niet altijd precies op tot het totaal.`,
        );
    });
    pdf.section(2, 'Voorlopige cijfers, vorig kwartaal en doelen', () => {
      pdf.paragraph(
        'Declaraties komen weken tot maanden na de zorg binnen. Een kwartaal blijft daarom enkele maanden na afloop voorlopig; de regio stelt in hoe lang. Het vorige kwartaal is het kwartaal direct ervoor, op dezelfde manier berekend. Een doel is een grens ("hoogstens" of "minstens") of een verandering ten opzichte van een basisjaar; de prognose voor het jaareinde heeft de begroting als bovengrens. Een jeugdige kan in meer rijen staan (bij twee gemeenten of aanbieders), dus rijen tellen niet altijd op tot het totaal.',
      );
    });
  });
}

/** The whole quarterly report as a tagged PDF. */
export async function renderReportDocument(data: QuarterlyReportData): Promise<Buffer> {
  const kpis = withholdResponse(data.kpis);
  const title = reportTitle(data);
  const pdf = new AccessiblePdf({
    title,
    author: data.region.name,
    subject: 'Sturingsinformatie jeugdhulp',
    footer: title,
  });
  cover(pdf, data, kpis);
  summary(pdf, data);
  keyFigures(pdf, data, kpis);
  let number = 3;
  if (data.money) moneySection(pdf, data.money, number++);
  trendSection(pdf, data, number++);
  groupSection(pdf, data, kpis, number++);
  signals(pdf, data, kpis, number++);
  if (data.changes.length) changedFigures(pdf, data.changes, number++);
  definitions(pdf, kpis, number);
  return pdf.finish();
}
