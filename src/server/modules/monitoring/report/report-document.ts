import { chartColours, formatKpiValue } from '../../../../shared/kpi-charts.js';
import {
  kpiGroupLabels,
  type KpiCell,
  type KpiResponse,
  type KpiResult,
  type KpiUnit,
} from '../../../../shared/kpi.js';
import type { Signal } from '../signals.service.js';
import { chartComparison, renderKpiChart, reportChartKpis } from './report-charts.js';
import type { QuarterlyReportData } from './report-data.js';
import {
  describeMoment,
  describePeriod,
  periodHeading,
  previousText,
  provisionalText,
  targetStatus,
  targetText,
  valueText,
  withheldMarks,
  withholdResponse,
} from './report-format.js';
import type { PdfContent, PdfDocumentDefinition } from './render-pdf.js';

const pageWidth = 595.28;
const margin = 40;
const contentWidth = pageWidth - 2 * margin;
/** Charts are drawn a little wider than they are printed, so their 12 px labels come out at about 10 pt. */
const chartDrawWidth = 600;
const muted = '#555555';

const scopeLabels: Record<Signal['scopeType'], string> = {
  region: 'Regio',
  municipality: 'Gemeente',
  provider: 'Aanbieder',
  budgetLine: 'Begrotingspost',
};

interface TableOptions {
  /** Columns after `left` leading ones are numbers and align right. */
  left?: number;
  /** The last row is a total and is set in bold. */
  total?: boolean;
}

function table(
  widths: Array<number | string>,
  header: string[],
  body: PdfContent[][],
  options: TableOptions = {},
): PdfContent {
  const left = options.left ?? 1;
  const align = (i: number) => (i < left ? 'left' : 'right');
  const last = body.length - 1;
  return {
    table: {
      headerRows: 1,
      widths,
      dontBreakRows: true,
      body: [
        header.map((h, i) => ({ text: h, style: 'th', alignment: align(i) })),
        ...body.map((row, r) =>
          row.map((cell, i) => {
            const node = typeof cell === 'string' ? { text: cell } : cell;
            return { alignment: align(i), ...(options.total && r === last ? { bold: true } : {}), ...(node as object) };
          }),
        ),
      ],
    },
    style: 'table',
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3,
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? '#1a1a1a' : '#c8c8c8'),
      fillColor: (i: number) => (i === 0 ? '#eef3f9' : null),
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

function heading(text: string, pageBreak = false): PdfContent {
  return { text, style: 'h1', tocItem: true, tocMargin: [0, 3, 0, 0], ...(pageBreak ? { pageBreak: 'before' } : {}) };
}

function cover(data: QuarterlyReportData, kpis: KpiResponse): PdfContent {
  const audience = data.provider
    ? `${data.provider.name} (AGB ${data.provider.agb}): alleen de eigen cijfers, binnen ${data.region.name}`
    : `Gemeenten, contractmanagement en beleid van ${data.region.name}`;
  const facts: Array<[string, string]> = [
    ['Kwartaal', `${periodHeading(kpis.period)} (${describePeriod(kpis.period)})`],
    ['Vergeleken met', `${periodHeading(kpis.previousPeriod)} (${describePeriod(kpis.previousPeriod)})`],
    ['Voor', audience],
    ['Gemaakt op', describeMoment(data.generatedAt)],
    ['Bron', 'iJw-berichten van gemeenten en aanbieders (JW315 tot en met JW323), begrotingen en doelen van de regio'],
  ];
  return [
    {
      text: 'Kwartaalrapportage jeugdhulp',
      color: chartColours.current,
      bold: true,
      fontSize: 13,
      margin: [0, 110, 0, 6],
    },
    { text: data.region.name, fontSize: 30, bold: true, margin: [0, 0, 0, 4] },
    data.provider ? { text: data.provider.name, fontSize: 18, margin: [0, 0, 0, 4] } : '',
    { text: `${data.quarter} · ${describePeriod(kpis.period)}`, fontSize: 16, color: muted, margin: [0, 0, 0, 28] },
    provisionalText(kpis.period)
      ? { text: [{ text: 'Voorlopig. ', bold: true }, provisionalText(kpis.period)!], margin: [0, -16, 0, 20] }
      : '',
    {
      table: { widths: [95, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 28],
    },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: 'Kleine aantallen', bold: true, margin: [0, 0, 0, 3] },
                `Een cijfer over minder dan ${kpis.suppressionThreshold} jeugdigen kan een kind herkenbaar maken. Zo'n cel staat in dit rapport als ${withheldMarks(kpis)}, zonder getal, ook in de grafieken (daar ontbreekt de balk).`,
              ],
              margin: [8, 6, 8, 6],
            },
          ],
        ],
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (i: number) => (i === 0 ? 3 : 0),
        vLineColor: () => chartColours.current,
        fillColor: () => '#f3f6fa',
      },
      margin: [0, 0, 0, 28],
    },
    { toc: { title: { text: 'Inhoud', bold: true, fontSize: 12, margin: [0, 0, 0, 4] } } },
  ];
}

function keyFigures(kpis: KpiResponse): PdfContent {
  const rows = kpis.data.map((result): PdfContent[] => {
    const { kpi, total } = result;
    if (!result.available) {
      return [
        kpi.name,
        {
          text: 'niet beschikbaar: de regio houdt deze gegevens (nog) niet bij',
          colSpan: 4,
          color: muted,
          alignment: 'left',
        },
        '',
        '',
        '',
      ];
    }
    const target = total.target
      ? targetText(total.target, kpi.unit)
      : typeof total.budget === 'number'
        ? `begroting ${valueText({ ...total, value: total.budget }, kpi.unit, kpis)}`
        : '';
    const status = targetStatus(total);
    return [
      kpi.name,
      valueText(total, kpi.unit, kpis),
      previousText(total, kpi.unit),
      target,
      status ? { text: status, bold: status === 'niet gehaald' } : '',
    ];
  });
  return [
    heading('1. Kerncijfers', true),
    {
      text: `Alle indicatoren voor ${kpis.period.label}, naast het vorige kwartaal en het doel van de regio.`,
      margin: [0, 0, 0, 8],
    },
    table(
      ['*', 62, 62, 110, 62],
      [
        'Indicator',
        periodHeading(kpis.period),
        periodHeading(kpis.previousPeriod),
        'Doel of begroting',
        'Doel gehaald',
      ],
      rows,
    ),
    provisionalText(kpis.period) ? { text: provisionalText(kpis.period)!, style: 'note', margin: [0, 6, 0, 0] } : '',
    {
      text: `${withheldMarks(kpis)}: minder dan ${kpis.suppressionThreshold} jeugdigen, weggelaten. "–": geen cijfer (geen gegevens in die periode, of in het vorige kwartaal weggelaten om dezelfde reden).`,
      style: 'note',
      margin: [0, 6, 0, 0],
    },
  ];
}

function cellRow(
  cell: KpiCell,
  unit: KpiUnit,
  kpis: KpiResponse,
  comparison: 'previous' | 'budget',
  withTarget: boolean,
): PdfContent[] {
  const budget =
    cell.suppressed || typeof cell.budget !== 'number' ? '–' : valueText({ ...cell, value: cell.budget }, unit, kpis);
  const row = [cell.label, valueText(cell, unit, kpis), comparison === 'budget' ? budget : previousText(cell, unit)];
  return withTarget ? [...row, targetText(cell.target, unit)] : row;
}

function chartSection(result: KpiResult | undefined, kpis: KpiResponse): PdfContent {
  if (!result) return [];
  const title: PdfContent = { text: result.kpi.name, style: 'h2' };
  if (!result.available) {
    return {
      stack: [title, { text: 'Niet beschikbaar: de regio houdt deze gegevens (nog) niet bij.', color: muted }],
      margin: [0, 0, 0, 16],
    };
  }
  const comparison = chartComparison(result);
  const labels = {
    current: kpis.period.label,
    previous: comparison === 'budget' ? 'Begroting' : kpis.previousPeriod.label,
    target: 'Doel',
  };
  const cells = [...result.rows, { ...result.total, label: 'Totaal' }];
  const withTarget = cells.some((c) => c.target);
  const gaps = result.rows.some((r) => r.suppressed)
    ? ` Geen balk: minder dan ${kpis.suppressionThreshold} jeugdigen.`
    : '';
  const picture = result.rows.length ? renderKpiChart(result, labels, chartDrawWidth) : null;
  const header = [kpiGroupLabels[kpis.groupBy], labels.current, labels.previous, ...(withTarget ? ['Doel'] : [])];
  return {
    stack: [
      title,
      { text: `${result.kpi.description}${picture ? gaps : ''}`, style: 'note', margin: [0, 0, 0, 4] },
      picture
        ? { svg: picture.svg, width: contentWidth, margin: [0, 0, 0, 4] }
        : { text: 'Geen verdeling: er zijn geen gegevens in dit kwartaal.', color: muted, margin: [0, 0, 0, 4] },
      table(
        ['*', 80, 80, ...(withTarget ? [100] : [])],
        header,
        cells.map((c) => cellRow(c, result.kpi.unit, kpis, comparison, withTarget)),
        { total: true },
      ),
    ],
    unbreakable: true,
    margin: [0, 0, 0, 16],
  };
}

function charts(kpis: KpiResponse, data: QuarterlyReportData): PdfContent {
  const by = kpiGroupLabels[kpis.groupBy].toLowerCase();
  return [
    heading(`2. Per ${by}`, true),
    {
      text: data.provider
        ? `De belangrijkste indicatoren voor ${data.provider.name}, per productcategorie (JZ020).`
        : `Per ${by} van ${data.region.name}. Wie zorg heeft in twee gemeenten telt in beide; het totaal telt iedereen één keer.`,
      margin: [0, 0, 0, 10],
    },
    ...reportChartKpis.map((id) =>
      chartSection(
        kpis.data.find((r) => r.kpi.id === id),
        kpis,
      ),
    ),
  ];
}

function signals(data: QuarterlyReportData, kpis: KpiResponse): PdfContent {
  const intro = `Cellen die in ${data.quarter} hun doel of drempel niet halen, en de prognose boven de jaarbegroting. Cellen met minder dan ${kpis.suppressionThreshold} jeugdigen geven nooit een signaal.`;
  if (!data.signals.length)
    return [
      heading('3. Signalen', true),
      intro,
      { text: `Geen signalen in ${data.quarter}.`, bold: true, margin: [0, 8, 0, 0] },
    ];
  const rows = data.signals.map((s): PdfContent[] => [
    s.kpiName,
    scopeLabels[s.scopeType],
    s.label,
    formatKpiValue(s.value, s.unit),
    targetText(s.target, s.unit),
  ]);
  return [
    heading('3. Signalen', true),
    { text: intro, margin: [0, 0, 0, 8] },
    table(['*', 58, 100, 72, 118], ['Indicator', 'Niveau', 'Waar', 'Waarde', 'Doel'], rows, { left: 3 }),
    {
      text: 'De trajecten achter een signaal staan in Zorglandschap onder Trajecten, met alleen pseudoniemen.',
      style: 'note',
      margin: [0, 6, 0, 0],
    },
  ];
}

function definitions(kpis: KpiResponse): PdfContent {
  return [
    heading('4. Definities'),
    {
      text: 'Iedere indicator volgt de landelijke definities (CBS Beleidsinformatie Jeugd, de geharmoniseerde outcome-indicatoren) waar die er zijn; de volledige formules staan in docs/kpi.md.',
      margin: [0, 0, 0, 8],
    },
    ...kpis.data.map((r) => ({
      text: [{ text: r.kpi.name, bold: true }, `: ${r.kpi.description}`],
      margin: [0, 0, 0, 4],
    })),
    { text: 'Kleine aantallen', style: 'h2', margin: [0, 10, 0, 4] },
    `Een cel die staat voor 1 tot ${kpis.suppressionThreshold} unieke jeugdigen wordt weggelaten: de waarde, de teller, de noemer en het aantal jeugdigen. In dit rapport staat er ${withheldMarks(kpis)}. Een cel van 0 jeugdigen wordt wel getoond. Staat het totaal er wel, dan zijn altijd ten minste twee rijen weggelaten die samen voor ten minste ${kpis.suppressionThreshold} jeugdigen staan: zo nodig ook de rijen met de volgende kleinste aantallen, zodat niemand een klein getal kan terugrekenen uit het totaal. Dezelfde regel geldt voor het dashboard, de API, de exports en de opdrachtregel.`,
    ...(kpis.rounding
      ? [
          `Omdat cijfers uit verschillende overzichten van elkaar kunnen worden afgetrokken, zijn alle aantallen afgerond op ${kpis.rounding.count}-tallen en alle bedragen op ${kpis.rounding.euro.toLocaleString('nl-NL')} euro, elk apart uit de onafgeronde gegevens (ook het totaal); aandelen en verhoudingen zijn berekend uit de afgeronde aantallen. Daardoor tellen rijen niet altijd precies op tot het totaal.`,
        ]
      : []),
    { text: 'Vorig kwartaal en doelen', style: 'h2', margin: [0, 10, 0, 4] },
    'Het vorige kwartaal is het kwartaal direct ervoor, op dezelfde manier berekend. Een doel is een absolute waarde ("hoogstens" of "minstens") of een verandering ten opzichte van een basisjaar; de prognose jaareinde heeft altijd de jaarbegroting als bovengrens. Een jeugdige kan in meer rijen voorkomen (twee gemeenten of aanbieders), dus de rijen tellen niet altijd op tot het totaal.',
  ];
}

/** The whole quarterly report as a pdfmake document: cover, key figures, charts with their tables, signals, definitions. */
export function buildReportDocument(data: QuarterlyReportData): PdfDocumentDefinition {
  const kpis = withholdResponse(data.kpis);
  const title = `Kwartaalrapportage ${data.region.name}${data.provider ? ` – ${data.provider.name}` : ''} ${data.quarter}`;
  return {
    info: { title, author: data.region.name, subject: 'Sturingsinformatie jeugdhulp', creator: 'Zorglandschap' },
    language: 'nl-NL',
    pageSize: 'A4',
    pageMargins: [margin, 48, margin, 52],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: '#1a1a1a' },
    styles: {
      h1: { fontSize: 17, bold: true, color: chartColours.current, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12.5, bold: true, margin: [0, 0, 0, 2] },
      th: { bold: true, fontSize: 9 },
      note: { fontSize: 8.5, color: muted },
      table: { fontSize: 9 },
    },
    footer: (page, pages) => ({
      columns: [
        { text: title, color: muted },
        { text: `Pagina ${page} van ${pages}`, alignment: 'right', width: 90 },
      ],
      fontSize: 8,
      margin: [margin, 20, margin, 0],
    }),
    content: [
      cover(data, kpis),
      keyFigures(kpis),
      charts(kpis, data),
      signals(data, kpis),
      { text: '', margin: [0, 16, 0, 0] },
      definitions(kpis),
    ],
  };
}
