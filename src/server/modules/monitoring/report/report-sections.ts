import { formatKpiValue } from '../../../../shared/kpi-charts.js';
import { assessmentWords } from '../../../../shared/kpi-direction.js';
import { kpiGroupLabels, type KpiResponse, type KpiResult, type KpiUnit } from '../../../../shared/kpi.js';
import type { AccessiblePdf } from '../../../pdf/accessible-pdf.js';
import { chartPalette, drawBarChart, drawLineChart } from '../../../pdf/charts.js';
import type { MoneyLinesResponse } from '../money-lines.js';
import type { KpiSeries } from '../series.service.js';
import type { IssuedChange } from './issued-changes.js';
import { plainDutch } from './plain-language.js';
import type { QuarterlyReportData } from './report-data.js';
import {
  describeMoment,
  periodHeading,
  periodName,
  previousText,
  shortPeriodName,
  targetText,
  valueText,
  withholdCell,
} from './report-format.js';

/** The KPIs drawn per municipality (or productcategorie), in this order; the key figures hold all of them. */
export const reportChartKpis = ['youths_in_care', 'spend', 'dropout', 'request_wait_days'] as const;

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** Axis labels: € 250.000, € 7,5 mln. */
export const axisFormat = (unit: KpiUnit) => (v: number) =>
  unit === 'euro' && Math.abs(v) >= 1_000_000 ? `€ ${decimal.format(v / 1_000_000)} mln` : formatKpiValue(v, unit);

const euro = (v: number | null) => formatKpiValue(v, 'euro');
const sourceWords = { ijw: 'declaraties', ledger: 'grootboek' } as const;

export function moneySection(pdf: AccessiblePdf, money: MoneyLinesResponse, number: number): void {
  pdf.section(1, `${number}. Geld per begrotingspost`, () => {
    pdf.paragraph(
      `Per begrotingspost van ${money.year}: de begroting, wat tot en met het ${periodName(money.period.label)} is uitgegeven, en de prognose voor het hele jaar. Declaraties van aanbieders komen alleen op de post zorg in natura; andere posten krijgen hun uitgaven uit het grootboek van de gemeenten.`,
    );
    const rows = money.lines.map((l) => [
      l.name,
      l.source ? sourceWords[l.source] : 'geen bron',
      euro(l.budget),
      l.missing ? '–' : euro(l.spent),
      l.missing ? '–' : euro(l.forecast),
      l.missing === 'withheld'
        ? 'weggelaten'
        : l.missing
          ? 'onbekend'
          : l.over && l.budget
            ? `${Math.round(((l.forecast! - l.budget) / l.budget) * 100)} % boven`
            : 'binnen',
    ]);
    const t = money.total;
    rows.push([
      'Totaal (vergelijkbare posten)',
      '',
      euro(t.budget),
      euro(t.spent),
      euro(t.forecast),
      t.met ? 'binnen' : 'niet gehaald',
    ]);
    pdf.table({
      columns: [
        { header: 'Begrotingspost', width: '*' },
        { header: 'Bron', width: 62 },
        { header: 'Begroting', width: 78, align: 'right' },
        { header: 'Uitgegeven', width: 78, align: 'right' },
        { header: 'Prognose jaareinde', width: 78, align: 'right' },
        { header: 'Tegen begroting', width: 70 },
      ],
      rows,
      total: true,
    });
    pdf.paragraph(
      `Het totaal telt alleen posten waarvan de uitgaven bekend zijn: ${t.covers.join(', ') || 'geen'}.${t.leavesOut.length ? ` Het laat weg: ${t.leavesOut.map((l) => `${l.line} (${l.reason})`).join('; ')}.` : ''}${t.linesOver.length ? ` "Niet gehaald" zolang een post die het telt boven de begroting uitkomt: ${t.linesOver.map((l) => (l.region ? l.line : `${l.line} in ${l.municipalities.join(', ')}`)).join('; ')}.` : ''}`,
      { note: true },
    );
    if (money.period.provisional)
      pdf.paragraph('Het kwartaal is voorlopig: declaraties kunnen nog binnenkomen, de uitgaven kunnen nog stijgen.', {
        note: true,
      });
  });
}

function altForSeries(series: KpiSeries, target: string): string {
  const points = series.points.map(
    (p) =>
      `${periodName(p.period.label)}${p.period.provisional ? ' (voorlopig)' : ''}: ${p.total.suppressed ? 'weggelaten' : formatKpiValue(p.total.value, series.kpi.unit)}`,
  );
  return `Lijngrafiek van ${series.kpi.name.toLowerCase()} per kwartaal. ${points.join('; ')}.${target ? ` ${target}.` : ''} De tabel hieronder geeft dezelfde cijfers.`;
}

function trend(pdf: AccessiblePdf, data: QuarterlyReportData, series: KpiSeries): void {
  const unit = series.kpi.unit;
  const comment = data.comments.kpis[series.kpi.id];
  pdf.section(
    2,
    series.kpi.name,
    () => {
      pdf.paragraph(plainDutch(series.kpi.description), { note: true });
      if (comment) pdf.callout('Toelichting van de regio.', comment);
      if (!series.points.length) {
        pdf.paragraph('Geen cijfers in deze kwartalen.');
        return;
      }
      const target = series.points.at(-1)?.target ?? null;
      const lines = [
        ...(target
          ? [{ label: `Doel: ${targetText(target, unit)}`, value: target.value, colour: chartPalette.target }]
          : []),
        ...series.references.map((r) => ({ label: r.label, value: r.value, colour: chartPalette.reference })),
      ];
      const shown = series.points.map((p) => withholdCell(p.total));
      pdf.figure(
        altForSeries(
          series,
          [target ? `Doel: ${targetText(target, unit)}` : '', ...series.references.map((r) => r.label)]
            .filter(Boolean)
            .join('. '),
        ),
        130,
        (box) =>
          drawLineChart(pdf.doc, box, {
            labels: series.points.map((p) => shortPeriodName(p.period.label)),
            values: shown.map((c) => c.value),
            hollow: series.points.map((p) => Boolean(p.period.provisional)),
            lines,
            format: axisFormat(unit),
          }),
      );
      pdf.table({
        columns: [
          { header: 'Kwartaal', width: '*' },
          { header: 'Waarde', width: 100, align: 'right' },
          { header: 'Doel', width: 110, align: 'right' },
          { header: 'Tegen kwartaal ervoor', width: 110 },
        ],
        rows: series.points.map((p, i) => [
          periodHeading(p.period),
          valueText(shown[i]!, unit, series),
          targetText(p.target, unit),
          p.assessment ? assessmentWords[p.assessment] : p.period.provisional ? 'voorlopig' : '',
        ]),
      });
    },
    { keepWith: 300 },
  );
}

export function trendSection(pdf: AccessiblePdf, data: QuarterlyReportData, number: number): void {
  pdf.pageBreak();
  pdf.section(1, `${number}. Ontwikkeling per indicator`, () => {
    pdf.paragraph(
      `Elke indicator over de laatste ${data.series[0]?.points.length ?? 0} kwartalen${data.provider ? ` van ${data.provider.name}` : ''}, met het doel van de regio en, bij de wachttijd, de Treeknorm. Een open punt is een voorlopig kwartaal. "Beter" en "slechter" volgen de richting van de indicator.`,
    );
    for (const series of data.series) trend(pdf, data, series);
  });
}

function groupChart(pdf: AccessiblePdf, result: KpiResult, kpis: KpiResponse): void {
  const unit = result.kpi.unit;
  const budget = result.kpi.id === 'spend' && result.rows.some((r) => typeof r.budget === 'number');
  const comparison = budget ? 'Begroting' : periodName(kpis.previousPeriod.label);
  const rows = result.rows.map(withholdCell);
  const other = (c: (typeof rows)[number]) => (budget ? (c.budget ?? null) : c.previous);
  const chartHeight = 40 + rows.length * 24;
  pdf.section(
    2,
    result.kpi.name,
    () => {
      if (rows.length) {
        const values = rows.map((r) => `${r.label} ${r.suppressed ? 'weggelaten' : formatKpiValue(r.value, unit)}`);
        pdf.figure(
          `Staafdiagram van ${result.kpi.name.toLowerCase()} per ${kpiGroupLabels[kpis.groupBy].toLowerCase()} in het ${periodName(kpis.period.label)}: ${values.join('; ')}. De tabel hieronder geeft ook ${comparison.toLowerCase()}.`,
          chartHeight,
          (box) =>
            drawBarChart(pdf.doc, box, {
              categories: rows.map((r) => r.label),
              series: [
                { name: periodName(kpis.period.label), colour: chartPalette.current, values: rows.map((r) => r.value) },
                { name: comparison, colour: chartPalette.previous, values: rows.map(other) },
              ],
              format: axisFormat(unit),
            }),
        );
      } else pdf.paragraph('Geen verdeling: er zijn geen gegevens in dit kwartaal.');
      const cells = [...rows, { ...withholdCell(result.total), label: 'Totaal' }];
      pdf.table({
        columns: [
          { header: kpiGroupLabels[kpis.groupBy], width: '*' },
          { header: periodHeading(kpis.period), width: 100, align: 'right' },
          { header: comparison, width: 100, align: 'right' },
        ],
        rows: cells.map((c) => [
          c.label,
          valueText(c, unit, kpis),
          budget
            ? c.suppressed || typeof c.budget !== 'number'
              ? '–'
              : formatKpiValue(c.budget, unit)
            : previousText(c, unit),
        ]),
        total: true,
      });
    },
    // The heading stays with its chart.
    { keepWith: chartHeight + 10 },
  );
}

export function groupSection(pdf: AccessiblePdf, data: QuarterlyReportData, kpis: KpiResponse, number: number): void {
  const by = kpiGroupLabels[kpis.groupBy].toLowerCase();
  pdf.pageBreak();
  pdf.section(1, `${number}. Per ${by}`, () => {
    pdf.paragraph(
      data.provider
        ? `De belangrijkste indicatoren van ${data.provider.name} per productcategorie (de landelijke indeling van jeugdhulp).`
        : `Per ${by} van ${data.region.name}. Wie zorg heeft in twee gemeenten telt in beide; het totaal telt iedereen één keer.`,
    );
    for (const id of reportChartKpis) {
      const result = kpis.data.find((r) => r.kpi.id === id);
      if (result?.available) groupChart(pdf, result, kpis);
    }
  });
}

export function changedFigures(pdf: AccessiblePdf, changes: IssuedChange[], number: number): void {
  pdf.section(1, `${number}. Gewijzigde cijfers van eerder uitgegeven rapportages`, () => {
    pdf.paragraph(
      'Een uitgegeven rapportage blijft zoals zij is uitgegeven. Later binnengekomen berichten of gewijzigde stamgegevens (zoals de data van een contract) kunnen een cijfer over dat kwartaal nog veranderen. Dit zijn de cijfers die nu anders zijn dan bij de uitgave.',
    );
    for (const change of changes)
      pdf.section(3, `${periodName(change.quarter)}, uitgegeven ${describeMoment(new Date(change.issuedAt))}`, () =>
        pdf.table({
          columns: [
            { header: 'Cijfer', width: '*' },
            { header: 'Bij uitgave', width: 90, align: 'right' },
            { header: 'Nu', width: 90, align: 'right' },
            { header: 'Verschil', width: 90, align: 'right' },
          ],
          rows: change.figures.map((f) => [
            f.subject,
            formatKpiValue(f.issued, f.unit),
            formatKpiValue(f.current, f.unit),
            f.issued !== null && f.current !== null
              ? signed(f.current - f.issued, f.unit)
              : f.issued === null
                ? 'nu wel een cijfer'
                : 'nu geen cijfer',
          ]),
        }),
      );
  });
}

const signed = (difference: number, unit: KpiUnit) =>
  `${difference > 0 ? '+' : difference < 0 ? '−' : ''}${formatKpiValue(Math.abs(difference), unit)
    .replace(/ %$/, unit === 'percent' ? ' procentpunt' : ' %')
    .replace(/ : 1$/, '')}`;
