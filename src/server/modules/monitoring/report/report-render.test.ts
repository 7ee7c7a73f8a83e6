import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDefinitions, type KpiCell, type KpiResponse, type KpiResult } from '../../../../shared/kpi.js';
import { inspectPdf, isPdf, type PdfView } from '../testing/pdf-check.js';
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

export function handBuiltReport(): QuarterlyReportData {
  const kpis: KpiResponse = {
    facts: { state: 'ready', asOf: '2025-10-01T06:00:00.000Z', refreshing: false },
    period: { from: '2025-07-01', to: '2025-09-30', label: '2025Q3' },
    previousPeriod: { from: '2025-04-01', to: '2025-06-30', label: '2025Q2' },
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

  it('names the region, quarter and audience on the cover and numbers every page', () => {
    const cover = view.pageTexts[0]!;
    expect(cover).toContain('Regio Lekstroom');
    expect(cover).toContain('2025Q3');
    expect(cover).toContain('1 juli – 30 september 2025');
    expect(cover).toContain('22 november 2026 om 14:05 uur');
    expect(cover).toMatch(/Voor\s+Gemeenten, contractmanagement en beleid/);
    for (let page = 1; page <= view.pages; page++)
      expect(view.pageTexts[page - 1]).toContain(`Pagina ${page} van ${view.pages}`);
  });

  it('lists every KPI by name with its definition, and the key figures with previous quarter and target', () => {
    for (const kpi of kpiDefinitions) {
      expect(view.text, kpi.name).toContain(kpi.name);
      expect(view.text.replace(/\s+/g, ' '), kpi.id).toContain(kpi.description.slice(0, 40));
    }
    const dropout = view.text.split('\n').find((l) => /^\s*Uitval\s+\d/.test(l))!;
    expect(dropout).toMatch(/38,8 %\s+34,9 %\s+hoogstens 15 %/);
    expect(view.text).toMatch(/Cliënttevredenheid\s+niet beschikbaar/);
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
    for (const line of lopik) expect(line).toMatch(/^\s*Lopik\s+< 10( jeugdigen)?\s+–/);
    expect(view.text).not.toMatch(/7\.?777|8\.?888/);
  });

  it('shows spend against budget and the signals with their targets', () => {
    expect(view.text).toMatch(/Gemeente\s+2025Q3\s+Begroting\s*\n/);
    expect(view.text).toMatch(/Totaal\s+€\s775\.000\s+€\s750\.000/);
    expect(view.text).toMatch(/Wachttijd vanaf aanvraag\s+Gemeente\s+Vijfheerenlanden\s+57\s+hoogstens 42/);
    expect(view.text).toMatch(/Prognose jaareinde\s+Regio\s+Regio\s+€\s12\.345\.678/);
  });
});

describe('the quarterly report of a provisional quarter', () => {
  it('says on the cover and at the key figures that the quarter is provisional, and until when', async () => {
    const data = handBuiltReport();
    data.kpis.period = { ...data.kpis.period, provisional: true, finalOn: '2026-01-01' };
    const provisional = inspectPdf((await renderQuarterlyReport(data)).pdf);
    try {
      const cover = provisional.pageTexts[0]!.replace(/\s+/g, ' ');
      expect(cover).toContain('Kwartaal 2025Q3 (voorlopig)');
      expect(cover).toContain('Voorlopig. De cijfers over 2025Q3 zijn voorlopig');
      expect(cover).toContain('kunnen nog binnenkomen tot 1 januari 2026');
      // The key figures: the quarter's column says it (the header wraps in its narrow column), and a note explains.
      const figures = provisional.pageTexts.find((p) => p.includes('Doel gehaald'))!;
      expect(figures).toMatch(/Indicator\s+2025Q3\s+2025Q2[^\n]*\n\s*\(voorlopig\)/);
      expect(figures.replace(/\s+/g, ' ')).toContain('De cijfers over 2025Q3 zijn voorlopig');
    } finally {
      provisional.dispose();
    }
    // A complete quarter says nothing of the kind.
    expect(view.text).not.toContain('voorlopig');
  });
});
