import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions, type KpiCell, type KpiResponse, type KpiResult } from '../../../../shared/kpi.js';
import { inspectPdf, isPdf, type PdfView } from '../testing/pdf-check.js';
import type { MoneyLinesResponse } from '../money-lines.js';
import type { KpiSeries } from '../series.service.js';
import { renderQuarterlyReport } from './quarterly-report.js';
import type { QuarterlyReportData } from './report-data.js';

/**
 * The layout on a hand-built set of figures, without a database. A withheld cell here still carries a number
 * (7777, 8888): the renderer must drop it on its own, so the test proves no path prints a suppressed value.
 */
const municipalities = [
  ['0321', 'Houten'],
  ['0353', 'IJsselstein'],
  ['0331', 'Lopik'],
  ['0356', 'Nieuwegein'],
  ['1961', 'Vijfheerenlanden'],
] as const;

function cell(key: string, label: string, value: number | null, extra: Partial<KpiCell> = {}): KpiCell {
  return {
    key,
    label,
    value,
    previous: value === null ? null : Math.round(value * 0.9 * 10) / 10,
    numerator: null,
    denominator: null,
    youths: 40,
    suppressed: false,
    ...extra,
  };
}

function result(index: number): KpiResult {
  const kpi = kpiDefinitions[index]!;
  if (kpi.id === 'satisfaction') return { kpi, available: false, total: cell('total', 'Totaal', null), rows: [] };
  const base =
    kpi.unit === 'euro'
      ? 250_000
      : kpi.unit === 'percent'
        ? 12.5
        : kpi.unit === 'days'
          ? 41
          : kpi.unit === 'ratio'
            ? 6.2
            : 120;
  const rows = municipalities.map(([code, name], i) => {
    if (code === '0331')
      return cell(code, name, 7777, { suppressed: true, previous: null, youths: 8888, numerator: 8888 });
    const value = Math.round(base * (0.6 + i * 0.2) * 10) / 10;
    return cell(code, name, value, kpi.unit === 'euro' ? { budget: Math.round(value * 1.1) } : {});
  });
  const target =
    kpi.id === 'dropout'
      ? { value: 15, comparator: 'atMost' as const, met: true }
      : kpi.id === 'request_wait_days'
        ? { value: 42, comparator: 'atMost' as const, met: false }
        : null;
  return {
    kpi,
    available: true,
    total: cell('total', 'Totaal', base * 3.1, { target, ...(kpi.unit === 'euro' ? { budget: base * 3 } : {}) }),
    rows: rows.map((r) =>
      target && !r.suppressed ? { ...r, target: { ...target, met: (r.value ?? 0) <= target.value } } : r,
    ),
  };
}

const quarters = ['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3'];
const periodOf = (label: string) => {
  const [year, q] = [Number(label.slice(0, 4)), Number(label.slice(5))];
  const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: end, label };
};

function seriesOf(result: KpiResult): KpiSeries {
  return {
    facts: { state: 'ready', asOf: '2025-10-01T06:00:00.000Z', refreshing: false },
    kpi: result.kpi,
    kind: 'quarter',
    filters: {},
    suppressionThreshold: 10,
    rounding: { count: 5, euro: 1000 },
    dataDate: '2025-12-31',
    points: quarters.map((label, i) => ({
      period: periodOf(label),
      total:
        i === 2
          ? cell('total', 'Totaal', 6666, { suppressed: true })
          : cell('total', 'Totaal', Math.round((result.total.value ?? 0) * (0.8 + i * 0.03) * 10) / 10),
      target: result.total.target
        ? { value: result.total.target.value, comparator: result.total.target.comparator }
        : null,
      assessment: i > 0 && i !== 3 ? 'worse' : null,
    })),
    references:
      result.kpi.id === 'request_wait_days'
        ? [
            {
              key: 'treeknormTreatment',
              label: 'Treeknorm aanmelding tot behandeling (70 dagen)',
              value: 70,
              comparator: 'atMost',
            },
          ]
        : [],
  };
}

const money = (period: KpiResponse['period']): MoneyLinesResponse => {
  const figures = (budget: number, spent: number, forecast: number) => ({
    budget,
    spent,
    forecast,
    over: forecast > budget,
    missing: null,
  });
  return {
    building: false,
    period,
    year: 2025,
    rounding: { euro: 1000 },
    lines: [
      {
        code: 'ZIN',
        name: 'Zorg in natura',
        source: 'ijw',
        ...figures(4_250_000, 3_970_000, 5_290_000),
        municipalities: [],
        leavesOut: [],
      },
      {
        code: 'GI',
        name: 'Gecertificeerde instellingen',
        source: 'ledger',
        ...figures(900_000, 650_000, 870_000),
        municipalities: [],
        leavesOut: [],
      },
      {
        code: 'JZP',
        name: 'Jeugdzorgplus',
        source: null,
        budget: 400_000,
        spent: null,
        forecast: null,
        over: false,
        missing: 'noSource',
        municipalities: [],
        leavesOut: [],
      },
    ],
    total: {
      budget: 5_150_000,
      spent: 4_620_000,
      forecast: 6_160_000,
      covers: ['Zorg in natura', 'Gecertificeerde instellingen'],
      leavesOut: [{ line: 'Jeugdzorgplus', reason: 'geen bron: niet via iJw betaald en geen realisatie ingevoerd' }],
      linesOver: [{ line: 'Zorg in natura', region: true, municipalities: [] }],
      met: false,
    },
  };
};

export function handBuiltReport(): QuarterlyReportData {
  const kpis: KpiResponse = {
    facts: { state: 'ready', asOf: '2025-10-01T06:00:00.000Z', refreshing: false },
    period: periodOf('2025Q3'),
    previousPeriod: periodOf('2025Q2'),
    groupBy: 'municipality',
    filters: {},
    suppressionThreshold: 10,
    rounding: { count: 5, euro: 1000 },
    dataDate: '2025-12-31',
    unknownProducts: null,
    data: kpiDefinitions.map((_, i) => result(i)),
  };
  return {
    region: { id: 'r', code: 'lekstroom', name: 'Regio Lekstroom' },
    provider: null,
    quarter: '2025Q3',
    generatedAt: new Date('2026-11-22T13:05:00Z'),
    kpis,
    regionKpis: null,
    series: kpis.data.filter((r) => r.available).map(seriesOf),
    money: money(kpis.period),
    comments: {
      report: 'De regio ziet de uitgaven aan zorg in natura stijgen en bespreekt dit met de grote aanbieders.',
      kpis: { dropout: 'De uitval steeg door het vertrek van twee teams bij een aanbieder.' },
    },
    changes: [
      {
        reportId: 'x',
        quarter: '2025Q2',
        issuedAt: '2025-10-15T09:00:00.000Z',
        issuedByName: 'B. Leid',
        figures: [{ subject: 'Uitval', unit: 'percent', issued: 12.5, current: 13.1 }],
      },
    ],
    issued: null,
    signals: [
      {
        kpi: 'request_wait_days',
        kpiName: 'Wachttijd vanaf aanvraag',
        unit: 'days',
        scopeType: 'municipality',
        key: '1961',
        label: 'Vijfheerenlanden',
        value: 57,
        target: { value: 42, comparator: 'atMost' },
        trajectoriesQuery: '',
      },
      {
        kpi: 'spend_forecast',
        kpiName: 'Prognose jaareinde',
        unit: 'euro',
        scopeType: 'region',
        key: 'region',
        label: 'Regio',
        value: 12_345_678,
        target: { value: 11_000_000, comparator: 'atMost' },
        trajectoriesQuery: '',
      },
    ],
  };
}

let view: PdfView;
let pdf: Buffer;
let fileName: string;
beforeAll(async () => {
  ({ pdf, fileName } = await renderQuarterlyReport(handBuiltReport()));
  view = inspectPdf(pdf);
  // ZL_REPORT_PICTURES=dir keeps the PDF and a PNG per page there, to look at the layout.
  if (process.env.ZL_REPORT_PICTURES) {
    mkdirSync(process.env.ZL_REPORT_PICTURES, { recursive: true });
    view.pictures(process.env.ZL_REPORT_PICTURES, 1, view.pages);
    writeFileSync(join(process.env.ZL_REPORT_PICTURES, fileName), pdf);
  }
});
afterAll(() => view?.dispose());

describe('the quarterly report PDF', () => {
  it('is a PDF of several pages with a file name for the region and quarter', () => {
    expect(isPdf(pdf)).toBe(true);
    expect(view.pages).toBeGreaterThanOrEqual(4);
    expect(fileName).toBe('kwartaalrapportage-lekstroom-2025Q3.pdf');
  });

  it('is tagged: Dutch, with a title, headings, tables with header cells and alternative text on every chart', () => {
    expect(view.info.Tagged).toBe('yes');
    expect(view.info.Title).toBe('Kwartaalrapportage jeugdhulp Regio Lekstroom, 3e kwartaal 2025');
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
    const tags = view.structure.split('\n').map((l) => l.trim().split(/[\s:<]/)[0]);
    expect(tags[0]).toBe('Document');
    for (const tag of ['H1', 'H2', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Figure'])
      expect(tags, tag).toContain(tag);
    expect(view.structure).toContain('/Scope /Column');
    // Headings in reading order: the summary before the key figures, the definitions last.
    const order = ['1. Samenvatting', '2. Kerncijfers', '3. Geld per begrotingspost', '4. Ontwikkeling per indicator'];
    const at = order.map((h) => view.text.indexOf(h));
    expect(at.every((n, i) => n > 0 && (i === 0 || n > at[i - 1]!))).toBe(true);
    expect(view.figures.count).toBeGreaterThan(10);
    expect(view.figures.withAlt).toBe(view.figures.count);
  });

  it('names quarters as the screens do and has no source paths or bare message codes', () => {
    const cover = view.pageTexts[0]!;
    expect(cover).toContain('Regio Lekstroom');
    expect(cover).toContain('3e kwartaal 2025');
    expect(cover).toContain('1 juli – 30 september 2025');
    expect(cover).toContain('22 november 2026 om 14:05 uur');
    // The day up to which the messages count as complete, which herhaald beroep depends on.
    expect(cover.replace(/\s+/g, ' ')).toContain(
      'Gegevens tot en met 31 december 2025: tot die dag gelden de berichten',
    );
    expect(view.text).not.toMatch(/\d{4}Q[1-4]/);
    expect(view.text).not.toContain('docs/');
    expect(view.text).not.toMatch(/\bJW\d{3}\b/);
    expect(view.text).not.toMatch(/reden \d{2}/);
    expect(view.text).not.toMatch(/run rate/i);
    for (let page = 1; page <= view.pages; page++)
      expect(view.pageTexts[page - 1]).toContain(`Pagina ${page} van ${view.pages}`);
  });

  it('summarises what missed its target, what got worse, and the budget lines over and within budget', () => {
    const summary = view.text.slice(view.text.indexOf('1. Samenvatting'), view.text.indexOf('2. Kerncijfers'));
    const flat = summary.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'Doelen: 1 van de 2 indicatoren met een doel halen dat doel. Niet gehaald: wachttijd vanaf aanvraag',
    );
    expect(flat).toMatch(/Slechter werden [^.]*uitval/);
    expect(flat).toContain(
      'Zorg in natura: de prognose voor 2025 is € 5,29 mln tegen een begroting van € 4,25 mln: 24 % boven de begroting.',
    );
    expect(flat).toContain('Binnen de begroting: Gecertificeerde instellingen');
    expect(flat).toContain('Het laat weg: Jeugdzorgplus');
    // The region's own words on the report, and on one KPI beside its trend.
    expect(flat).toContain('Toelichting van de regio De regio ziet de uitgaven aan zorg in natura stijgen');
    expect(view.text.replace(/\s+/g, ' ')).toContain('Toelichting van de regio. De uitval steeg door het vertrek');
  });

  it('gives every KPI its trend over eight quarters as a table, and the key figures with previous quarter and target', () => {
    for (const kpi of kpiDefinitions) expect(view.text, kpi.name).toContain(kpi.name);
    const dropout = view.text.split('\n').find((l) => /^\s*Uitval\s+\d/.test(l))!;
    expect(dropout).toMatch(/38,8 %\s+34,9 %\s+slechter\s+hoogstens 15 %\s+gehaald/);
    const trend = view.text.slice(view.text.indexOf('Ontwikkeling per indicator'));
    const dropoutTrend = trend.slice(
      trend.indexOf('Uitval\nAandeel'),
      trend.indexOf('Beëindigd volgens plan\nAandeel'),
    );
    for (const q of ['4e kwartaal 2023', '1e kwartaal 2024', '3e kwartaal 2025']) expect(dropoutTrend).toContain(q);
    // The withheld quarter of the series says "< 10 jeugdigen", never its number.
    expect(dropoutTrend).toMatch(/2e kwartaal 2024\s+< 10 jeugdigen/);
    expect(view.text).not.toMatch(/6\.?666/);
  });

  it('prints "< 10" for a withheld cell ("< 10 jeugdigen" for euros, days or a share) and never its number, in tables or charts', () => {
    const lopik = view.text.split('\n').filter((l) => /^\s*Lopik\s/.test(l));
    // One table row per chart: Jeugdigen in zorg, Uitgaven, Uitval, Wachttijd vanaf aanvraag.
    expect(lopik.map((line) => line.replace(/^\s*Lopik\s+/, '').split(/\s{2,}/)[0])).toEqual([
      '< 10',
      '< 10 jeugdigen',
      '< 10 jeugdigen',
      '< 10 jeugdigen',
    ]);
    expect(view.text).not.toMatch(/7\.?777|8\.?888/);
  });

  it('shows money per budget line, spend against budget, the signals, and figures changed since an issued report', () => {
    expect(view.text).toMatch(
      /Zorg in natura\s+declaraties\s+€ 4\.250\.000\s+€ 3\.970\.000\s+€ 5\.290\.000\s+24 % boven/,
    );
    expect(view.text).toMatch(
      /Totaal \(vergelijkbare posten\)\s+€ 5\.150\.000\s+€ 4\.620\.000\s+€ 6\.160\.000\s+niet gehaald/,
    );
    expect(view.text).toMatch(/Totaal\s+€\s775\.000\s+€\s750\.000/);
    expect(view.text).toMatch(/Wachttijd vanaf aanvraag\s+Gemeente\s+Vijfheerenlanden\s+57\s+hoogstens 42/);
    expect(view.text).toMatch(/Prognose jaareinde\s+Regio\s+Regio\s+€\s12\.345\.678/);
    const changed = view.text.slice(view.text.indexOf('Gewijzigde cijfers van eerder uitgegeven'));
    expect(changed).toContain('2e kwartaal 2025, uitgegeven 15 oktober 2025');
    expect(changed).toMatch(/Uitval\s+12,5 %\s+13,1 %\s+\+0,6 procentpunt/);
  });
});

describe('the quarterly report of a provisional quarter', () => {
  it('says on the cover, in the key figures and in the trend that the quarter is provisional, and until when', async () => {
    const data = handBuiltReport();
    data.kpis.period = { ...data.kpis.period, provisional: true, finalOn: '2026-01-01' };
    for (const series of data.series) series.points.at(-1)!.period = data.kpis.period;
    const provisional = inspectPdf((await renderQuarterlyReport(data)).pdf);
    try {
      const cover = provisional.pageTexts[0]!.replace(/\s+/g, ' ');
      expect(cover).toContain('Kwartaal 3e kwartaal 2025 (voorlopig)');
      expect(cover).toContain('Voorlopig. De cijfers over het 3e kwartaal 2025 zijn voorlopig');
      expect(cover).toContain('kunnen nog binnenkomen tot 1 januari 2026');
      const figures = provisional.text.slice(provisional.text.indexOf('2. Kerncijfers'));
      expect(figures).toMatch(/\(voorlopig\)/);
      expect(figures.split('\n').find((l) => /^\s*Uitval\s+\d/.test(l))).toMatch(/voorlopig/);
      const trend = provisional.text.slice(provisional.text.indexOf('Ontwikkeling per indicator'));
      expect(trend).toMatch(/3e kwartaal 2025 \(voorlopig\)/);
    } finally {
      provisional.dispose();
    }
    // A complete quarter says nothing of the kind.
    expect(view.text).not.toContain('voorlopig)');
  });
});

describe("a provider's own report", () => {
  it("sets the provider's figures beside the region's", async () => {
    const data = handBuiltReport();
    data.provider = { agb: '12345678', name: 'Jeugdhulp De Lekoever' };
    data.regionKpis = {
      ...data.kpis,
      groupBy: 'region',
      data: data.kpis.data.map((r) => ({ ...r, total: { ...r.total, value: (r.total.value ?? 0) * 10 }, rows: [] })),
    };
    data.money = null;
    data.changes = [];
    const own = inspectPdf((await renderQuarterlyReport(data)).pdf);
    try {
      expect(own.pageTexts[0]).toContain('Jeugdhulp De Lekoever');
      expect(own.text).toMatch(/Aanbieder, 3e\s+Regio, 3e kwartaal\s+Aanbieder, 2e/);
      expect(own.text.split('\n').find((l) => /^\s*Jeugdigen in zorg\s+\d/.test(l))).toMatch(/372\s+3\.720\s+335/);
      expect(own.text).not.toContain('Geld per begrotingspost');
    } finally {
      own.dispose();
    }
  });
});
