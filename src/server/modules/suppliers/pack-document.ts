import { formatKpiValue, withheldText } from '../../../shared/kpi-charts.js';
import { assessmentWords } from '../../../shared/kpi-direction.js';
import type { KpiUnit } from '../../../shared/kpi.js';
import { AccessiblePdf } from '../../pdf/accessible-pdf.js';
import {
  describeDay,
  describeMoment,
  describePeriod,
  periodHeading,
  periodName,
  provisionalText,
  targetText,
  withheldMarks,
} from '../monitoring/index.js';
import type { ProviderPack } from './pack.service.js';

/**
 * The provider pack as a tagged PDF, written through the same accessible builder and in the same words as the
 * quarterly report (periods, withheld cells, targets): headings in order, tables with row and column headers.
 */

type Figure = { value: number | null; suppressed: boolean };
const euro = (v: number | null) => formatKpiValue(v === null ? null : Math.round(v), 'euro');
/** A figure as the screen shows it: a wait with its unit ("40 dagen"), a withheld cell as "< 10 jeugdigen". */
export const packValueText = (value: number | null, unit: KpiUnit) =>
  unit === 'days' && value !== null ? `${formatKpiValue(value, unit)} dagen` : formatKpiValue(value, unit);
const figureText = (f: Figure | null, unit: KpiUnit, threshold: number) =>
  !f ? '–' : f.suppressed ? withheldText(threshold, unit) : packValueText(f.value, unit);
const shortDay = (iso: string) => describeDay(iso.slice(0, 10));
const moment = (iso: string) => describeMoment(new Date(iso));
const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** september 2026, from 2026-09 or 2026-09-01 */
const monthName = (iso: string) => monthFormat.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));

export const packTitle = (pack: ProviderPack) =>
  `Dossier ${pack.provider.name} – ${pack.region.name}, ${periodName(pack.quarter)}`;

/** dossier-<agb>-<quarter>.pdf */
export const packFileName = (pack: ProviderPack) => `dossier-${pack.provider.agbCode}-${pack.quarter}.pdf`;

function cover(pdf: AccessiblePdf, pack: ProviderPack): void {
  pdf.section(1, `Dossier ${pack.provider.name}`, () => {
    pdf.paragraph(
      pack.meeting
        ? `Voor het overleg "${pack.meeting.title}" op ${moment(pack.meeting.startsAt)}, met ${pack.region.name}.`
        : `Voor het overleg tussen ${pack.region.name} en ${pack.provider.name}.`,
      { size: 12, after: 10 },
    );
    pdf.table({
      columns: [
        { header: 'Onderwerp', width: 120 },
        { header: 'Gegevens', width: '*' },
      ],
      rows: [
        ['Aanbieder', `${pack.provider.name} (AGB-code ${pack.provider.agbCode})`],
        ['KvK-nummer', pack.provider.kvkNumber ?? 'niet vastgelegd'],
        ['Indeling', pack.provider.tiers.join(', ') || 'geen'],
        ['Kwartaal', `${periodHeading(pack.period)} (${describePeriod(pack.period)})`],
        ['Peildatum', `${describeDay(pack.referenceDay)}: acties, overleggen en beschikbaarheid tot die dag`],
        ['Gegevens tot en met', pack.dataDate ? describeDay(pack.dataDate) : 'nog niet bekend'],
        ['Gemaakt op', moment(pack.generatedAt)],
      ],
    });
    const provisional = provisionalText(pack.period);
    if (provisional) pdf.callout('Voorlopig.', provisional);
    pdf.callout(
      'Kleine aantallen.',
      `Een cijfer over minder dan ${pack.suppressionThreshold} jeugdigen kan een kind herkenbaar maken. Het staat hier als ${withheldMarks(pack)}, zonder getal. Aantallen zijn afgerond op vijftallen, bedragen in de kerncijfers op duizenden euro's, en een percentage is berekend uit de afgeronde aantallen.`,
    );
  });
}

function contracts(pdf: AccessiblePdf, pack: ProviderPack): void {
  const { rows, year, knownThrough, events } = pack.contracts;
  pdf.section(1, '1. Contracten en percelen', () => {
    if (!rows.length) {
      pdf.paragraph('Geen contract dat in dit kwartaal of later liep.');
      return;
    }
    pdf.table({
      columns: [
        { header: 'Contract', width: 80 },
        { header: 'Perceel', width: '*' },
        { header: 'Looptijd', width: 130 },
        { header: `Jeugdigen, ${periodName(pack.quarter)}`, width: 80, align: 'right' },
      ],
      rows: rows.map((c) => [
        c.reference,
        c.combinationName ? `${c.lotName} (in ${c.combinationName})` : c.lotName,
        `${shortDay(c.startDate)} – ${shortDay(c.effectiveEndDate)}`,
        figureText(c.youths, 'youths', pack.suppressionThreshold),
      ]),
    });
    const decisions = events.filter((e) => e.kind === 'decision');
    if (decisions.length)
      pdf.list(
        decisions.map((e) => [
          { text: `${e.reference}: `, bold: true },
          {
            text: `besluit over verlenging tot ${shortDay(e.newEndDate!)} ${e.overdue ? 'was nodig op' : 'uiterlijk op'} ${shortDay(e.date)}${e.overdue ? ' (te laat)' : ''}.`,
          },
        ]),
      );
    pdf.section(2, `Uitgaven ${year} tegen het budgetplafond`, () => {
      pdf.paragraph(
        knownThrough
          ? `Gedeclareerd in ${year} tot en met ${monthName(knownThrough)}, in hele euro's; de prognose telt het gemiddelde van de laatste drie maanden voor elke maand die het contract in ${year} nog loopt. Bij een combinatie tellen de declaraties van alle leden.`
          : `Nog geen declaraties in ${year}.`,
      );
      pdf.table({
        columns: [
          { header: 'Contract', width: 80 },
          { header: 'Plafond', width: 86, align: 'right' },
          { header: 'Uitgegeven', width: 86, align: 'right' },
          { header: 'Prognose', width: 86, align: 'right' },
          { header: 'Tegen plafond', width: '*' },
        ],
        rows: rows.map((c) => [
          c.reference,
          c.money.ceiling === null ? 'geen plafond' : euro(c.money.ceiling),
          euro(c.money.spent),
          euro(c.money.forecast),
          c.money.ceiling === null ? '–' : c.money.over ? 'prognose boven plafond' : 'binnen plafond',
        ]),
      });
    });
  });
}

/**
 * What the pack's figures are, the region's included: published figures (counts rounded to fives, a percentage from
 * the rounded counts), so they may differ from the exact figures a contract manager sees on the dashboard.
 */
export const packRoundingText =
  'Alle cijfers in dit dossier zijn afgerond zoals in een openbaar rapport: aantallen op vijftallen, en een percentage is berekend uit die afgeronde aantallen. Het dashboard toont wie de trajecten zelf mag inzien de exacte cijfers; een percentage kan daar dus iets anders zijn, bij kleine aantallen enkele procentpunten.';

function kpis(pdf: AccessiblePdf, pack: ProviderPack): void {
  pdf.section(1, '2. Kerncijfers en hun ontwikkeling', () => {
    const labels = pack.kpis[0]?.points.map((p) => p.label) ?? [];
    pdf.paragraph(
      `De indicatoren van ${pack.provider.name} in de laatste ${labels.length} kwartalen, met in de kolom Regio het cijfer van de hele regio (alle aanbieders samen) in het ${periodName(pack.quarter)}. ${packRoundingText} "Beter" en "slechter" vergelijken het laatste kwartaal met het kwartaal ervoor, in de richting van de indicator.`,
    );
    if (!pack.kpis.length) {
      pdf.paragraph('Nog geen cijfers in dit kwartaal.');
      return;
    }
    pdf.table({
      columns: [
        { header: 'Indicator', width: '*' },
        ...labels.map((l) => ({
          header: periodName(l).replace('kwartaal', 'kw.'),
          width: 64,
          align: 'right' as const,
        })),
        { header: 'Regio', width: 64, align: 'right' },
        { header: 'Verandering', width: 62 },
      ],
      rows: pack.kpis.map((k) => [
        k.name,
        ...labels.map((l) =>
          figureText(k.points.find((p) => p.label === l) ?? null, k.unit, pack.suppressionThreshold),
        ),
        figureText(k.region, k.unit, pack.suppressionThreshold),
        k.assessment ? assessmentWords[k.assessment] : '',
      ]),
    });
    if (pack.missingKpis.length)
      pdf.paragraph(`Niet beschikbaar (de regio houdt deze gegevens nog niet bij): ${pack.missingKpis.join(', ')}.`, {
        note: true,
      });
    const g = pack.goals;
    pdf.section(2, 'Volledigheid van de doelrealisatie', () => {
      if (!g || g.percent === null) {
        pdf.paragraph(`Geen beëindigde toewijzingen in het ${periodName(pack.quarter)}.`);
        return;
      }
      pdf.paragraph([
        { text: `${formatKpiValue(g.percent, 'percent')} `, bold: true },
        {
          text: `van de beëindigde toewijzingen in het kwartaal heeft een vastgelegde doelrealisatie; de regio vraagt ten minste ${formatKpiValue(g.minPercent, 'percent')}${g.sufficient ? ', dat is gehaald' : ', dat is niet gehaald: de cijfers over doelrealisatie zijn dan niet betrouwbaar'}. De hele regio: ${formatKpiValue(g.regionPercent, 'percent')}.`,
        },
      ]);
    });
  });
}

function signals(pdf: AccessiblePdf, pack: ProviderPack): void {
  pdf.section(1, '3. Signalen', () => {
    if (!pack.signals.length) {
      pdf.paragraph(`Geen signalen in het ${periodName(pack.quarter)}.`);
      return;
    }
    pdf.table({
      columns: [
        { header: 'Indicator', width: '*' },
        { header: 'Waar', width: 140 },
        { header: 'Waarde', width: 80, align: 'right' },
        { header: 'Doel', width: 100, align: 'right' },
      ],
      rows: pack.signals.map((s) => [
        s.kpiName,
        s.label,
        packValueText(s.value, s.unit as KpiUnit),
        targetText(s.target, s.unit as KpiUnit),
      ]),
    });
  });
}

function availability(pdf: AccessiblePdf, pack: ProviderPack): void {
  const a = pack.availability;
  pdf.section(1, '4. Beschikbaarheid bijhouden', () => {
    if (!a) {
      pdf.paragraph('Deze aanbieder heeft geen beschikbaarheid vastgelegd in de Beschikbaarheidswijzer.');
      return;
    }
    pdf.paragraph(
      `De regio vraagt elke ${a.confirmEveryWeeks} weken te bevestigen of bij te werken. Nu: ${a.entries - a.stale} van ${a.entries} opgaven actueel${a.lastConfirmedAt ? `, laatst bijgewerkt of bevestigd op ${moment(a.lastConfirmedAt)}` : ''}.`,
    );
    if (a.months.length)
      pdf.table({
        columns: [
          { header: 'Einde van de maand', width: '*' },
          { header: 'Opgaven', width: 90, align: 'right' },
          { header: 'Actueel', width: 90, align: 'right' },
        ],
        rows: a.months.map((m) => [monthName(m.month), String(m.entries), String(m.current)]),
      });
  });
}

function meetings(pdf: AccessiblePdf, pack: ProviderPack): void {
  pdf.section(1, '5. Open acties en escalaties', () => {
    if (pack.actions.length)
      pdf.table({
        columns: [
          { header: 'Actie', width: '*' },
          { header: 'Uiterlijk', width: 90 },
          { header: 'Uit het overleg', width: 150 },
        ],
        rows: pack.actions.map((a) => [
          a.title,
          `${shortDay(a.dueDate)}${a.overdue ? ' (te laat)' : ''}`,
          `${a.meetingTitle}, ${shortDay(a.meetingStartsAt)}`,
        ]),
      });
    else pdf.paragraph('Geen open acties voor de aanbieder.');
    pdf.section(2, 'Escalaties van het afgelopen jaar', () => {
      if (!pack.escalations.length) pdf.paragraph('Geen escalaties.');
      else pdf.list(pack.escalations.map((e) => `${e.reference} (${e.meetingTitle}, ${shortDay(e.meetingStartsAt)})`));
    });
  });
  const previous = pack.previousMeeting;
  pdf.section(1, '6. Besluiten van het vorige accountgesprek', () => {
    if (!previous) {
      pdf.paragraph('Er is nog geen eerder accountgesprek gehouden.');
      return;
    }
    pdf.paragraph(
      `${previous.title}, ${moment(previous.startsAt)}${previous.minutesStatus === 'draft' ? ' (notulen nog in concept)' : ''}.`,
    );
    if (previous.decisions.length) pdf.list(previous.decisions);
    else pdf.paragraph('Geen besluiten vastgelegd.');
  });
}

/** The whole provider pack as a tagged PDF. */
export async function renderPackDocument(pack: ProviderPack): Promise<Buffer> {
  const title = packTitle(pack);
  const pdf = new AccessiblePdf({
    title,
    author: pack.region.name,
    subject: 'Dossier voor een overleg',
    footer: title,
  });
  cover(pdf, pack);
  contracts(pdf, pack);
  kpis(pdf, pack);
  signals(pdf, pack);
  availability(pdf, pack);
  meetings(pdf, pack);
  return pdf.finish();
}
