import { lazy, Suspense, useMemo } from 'react';
import { Loading } from '../../components/page-state';
import { Table } from '../../components/table';
import { useT, type Msg } from '../../i18n';
import type { KpiDefinitionInfo, KpiDirection } from '../../../shared/kpi';
import { parsePeriod } from '../../../shared/period';
import { periodLabel } from './dashboard-controls';
import { LoadProblem } from './dashboard-parts';
import type { DashboardState } from './dashboard-state';
import { KpiValue, kpiName, locale, ProvisionalBadge } from './kpi-figures';
import { seriesExportHref, useKpiSeries, type KpiSeries, type SeriesAsk } from './monitoring-api';
import { formatKpiValue } from '../../../shared/kpi-charts';

const KpiTrendChart = lazy(() => import('./kpi-trend-chart'));

const directionTexts: Record<KpiDirection, Msg> = {
  'lower-is-better': 'Bij dit cijfer is lager beter.',
  'higher-is-better': 'Bij dit cijfer is hoger beter.',
  neutral: 'Bij dit cijfer is hoger of lager niet vanzelf beter of slechter.',
};
const assessmentTexts: Record<'better' | 'worse' | 'same', Msg> = {
  better: 'beter',
  worse: 'slechter',
  same: 'gelijk gebleven',
};

type Point = KpiSeries['points'][number];

/**
 * A KPI's course over the last quarters (or months, when a month is shown), ending with the period on the page: a
 * line chart with the region's target and, for the wait, the Treeknorm, and the same in a table. Each period says
 * whether it got better or worse in the KPI's direction; provisional periods are marked and not judged.
 */
export function KpiTrend({ kpi, state }: { kpi: KpiDefinitionInfo; state: DashboardState }) {
  const { t, lang } = useT();
  const shown = parsePeriod(state.period);
  const kind = shown?.kind === 'month' ? 'month' : 'quarter';
  const ask: SeriesAsk = { kpi: kpi.id, kind, until: shown?.kind === kind ? shown.label : undefined };
  const [series] = useKpiSeries(state, ask);
  const data = series.status === 'ok' ? series.data : null;
  const chart = useMemo(
    () =>
      data && {
        points: data.points.map((p) => ({
          label: periodLabel(p.period.label, lang),
          value: p.total.suppressed ? null : p.total.value,
          provisional: !!p.period.provisional,
          target: p.target?.value ?? null,
        })),
        references: data.references.map((r) => ({ label: r.label, value: r.value })),
        labels: {
          value: kpiName(kpi, lang),
          provisional: t('voorlopig'),
          target: t('Doel'),
          description: t(
            'Lijngrafiek: {kpi} per {kind}, van {first} tot en met {last}, met het doel en de normen. De tabel onder de grafiek bevat alle cijfers.',
            {
              kpi: kpiName(kpi, lang),
              kind: kind === 'month' ? t('maand') : t('kwartaal'),
              first: data.points[0] ? periodLabel(data.points[0].period.label, lang) : '',
              last: data.points.at(-1) ? periodLabel(data.points.at(-1)!.period.label, lang) : '',
            },
          ),
        },
      },
    [data, kpi, lang, t, kind],
  );
  const unit = kpi.unit;
  const format = (v: number) => formatKpiValue(v, unit, locale(lang));
  const columns = [
    {
      header: t('Periode'),
      rowHeader: true,
      cell: (p: Point) => (
        <>
          {periodLabel(p.period.label, lang)}
          <ProvisionalBadge period={p.period} />
        </>
      ),
    },
    {
      header: t('Waarde'),
      numeric: true,
      cell: (p: Point) => (
        <KpiValue cell={{ ...p.total, previous: null }} unit={unit} threshold={data?.suppressionThreshold ?? 10} />
      ),
    },
    {
      header: t('Doel'),
      cell: (p: Point) =>
        p.target ? `${p.target.comparator === 'atMost' ? '≤' : '≥'} ${format(p.target.value)}` : '–',
    },
    ...(data?.references ?? []).map((r) => ({ header: r.label, cell: () => `≤ ${format(r.value)}` })),
    {
      header: t('Ten opzichte van de periode ervoor'),
      cell: (p: Point) =>
        p.period.provisional ? (
          <span className="kpi-change kpi-change--provisional">{t('voorlopig, nog niet te vergelijken')}</span>
        ) : p.assessment ? (
          <span className={`kpi-change kpi-change--${p.assessment}`}>{t(assessmentTexts[p.assessment])}</span>
        ) : (
          '–'
        ),
    },
  ];
  return (
    <section className="kpi-trend" aria-labelledby="verloop-kop">
      <h2 id="verloop-kop" className="utrecht-heading-2">
        {t('Verloop')}
      </h2>
      <p className="utrecht-paragraph">
        {t(directionTexts[kpi.direction])}{' '}
        {t('Een gestippelde lijn en open punten zijn voorlopige perioden: daarvoor komen nog declaraties binnen.')}
      </p>
      {series.status === 'loading' && <Loading />}
      {series.status === 'error' && <LoadProblem error={series.error} />}
      {data && chart && data.points.some((p) => p.total.value !== null) && (
        <Suspense fallback={<Loading />}>
          <KpiTrendChart
            points={chart.points}
            references={chart.references}
            unit={unit}
            labels={chart.labels}
            locale={locale(lang)}
          />
        </Suspense>
      )}
      {data && (
        <Table
          caption={t('{kpi} per {kind}', {
            kpi: kpiName(kpi, lang),
            kind: kind === 'month' ? t('maand') : t('kwartaal'),
          })}
          columns={columns}
          rows={data.points}
          rowKey={(p) => p.period.label}
          empty={t('Geen cijfers voor deze keuze.')}
        />
      )}
      <ul className="plain-list dashboard-downloads" aria-label={t('Verloop downloaden')}>
        <li>
          <a className="utrecht-link utrecht-link--html-a" href={seriesExportHref(state, ask, 'csv')} download>
            {t('Verloop als CSV')}
          </a>
        </li>
        <li>
          <a className="utrecht-link utrecht-link--html-a" href={seriesExportHref(state, ask, 'xlsx')} download>
            {t('Verloop als Excel (XLSX)')}
          </a>
        </li>
      </ul>
    </section>
  );
}
