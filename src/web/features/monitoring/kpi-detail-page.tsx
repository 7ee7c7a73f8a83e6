import { can } from '../../../shared/permissions';
import { lazy, Suspense, useMemo } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { TextLink } from '../../components/button';
import { Loading, NotFoundPage, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { useUser } from '../../lib/auth';
import { useT } from '../../i18n';
import {
  kpiDefinitionById,
  kpiGroupings,
  type KpiDefinitionInfo,
  type KpiGroupBy,
  type KpiId,
  type KpiResponse,
} from '../../../shared/kpi';
import { forbidden } from '../providers/provider-form';
import { DashboardControls, groupLabels, periodLabel } from './dashboard-controls';
import { DrillPath, LoadProblem, MonitoringNav, ProvisionalNotice, useShownPeriod } from './dashboard-parts';
import { KpiTrend } from './kpi-trend';
import { defaultGroupBy, drillDown, readState, toSearch, type DashboardState } from './dashboard-state';
import { kpiName, locale } from './kpi-figures';
import { kpiDefinitionTexts } from './kpi-definition-texts';
import { KpiTable } from './kpi-table';
import { exportHref, useKpis, usePeriods, type KpiPeriods } from './monitoring-api';
import { FactsStatus } from './facts-status';

const KpiChart = lazy(() => import('./kpi-chart'));

/** /dashboard/:kpi: one KPI's chart and table per group, with drill-down, exports and its definition. */
export function KpiDetailPage() {
  const { t, lang } = useT();
  const user = useUser();
  const { kpi: id } = useParams();
  const kpi = kpiDefinitionById.get(id as KpiId);
  useDocumentTitle(kpi ? kpiName(kpi, lang) : t('Niet gevonden'));
  const [periods] = usePeriods();
  if (!kpi) return <NotFoundPage />;
  if (!can(user, 'kpis.read')) return <ProblemPage error={forbidden(t, t('Uw rol mag het dashboard niet inzien.'))} />;
  const problem = pageProblem(periods);
  if (problem) return problem;
  const summary = lang === 'en' ? kpiDefinitionTexts[kpi.id].summaryEn : kpi.description;
  return (
    <>
      <h1 className="utrecht-heading-1">{kpiName(kpi, lang)}</h1>
      <MonitoringNav />
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {summary}{' '}
        <a className="utrecht-link utrecht-link--html-a" href="#definitie">
          {t('Definitie')}
        </a>
      </p>
      {periods.status === 'loading' ? (
        <Loading />
      ) : (
        periods.status === 'ok' && <KpiDetail kpi={kpi} periods={periods.data} />
      )}
    </>
  );
}

function KpiDetail({ kpi, periods }: { kpi: KpiDefinitionInfo; periods: KpiPeriods }) {
  const { t, lang } = useT();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const ownOnly = user.role === 'aanbieder';
  const fromUrl = readState(new URLSearchParams(location.search));
  const shown = useShownPeriod(fromUrl.period || periods.defaultPeriod);
  const state: DashboardState = { ...fromUrl, period: shown.period };
  const groupings = kpiGroupings.filter(
    (g) => (g !== 'budgetLine' || kpi.unit === 'euro') && (g !== 'provider' || !ownOnly),
  );
  // A grouping this KPI (or this user) does not have falls back to the drill-down's next level.
  const groupBy = state.groupBy && groupings.includes(state.groupBy) ? state.groupBy : defaultGroupBy(state, ownOnly);
  const [kpis, reload] = useKpis(state, groupBy, kpi.id);
  const response = kpis.status === 'ok' ? kpis.data : null;
  const result = response?.data.find((r) => r.kpi.id === kpi.id) ?? null;
  const basePath = `/dashboard/${kpi.id}`;
  const dashboardState = { ...state, groupBy: '' as const };

  return (
    <>
      <DashboardControls
        key={location.search}
        state={{ ...state, groupBy }}
        periods={periods}
        groupBy={groupBy}
        groupings={groupings}
        onApply={(next) => navigate(`${basePath}${toSearch(next)}`)}
      />
      <DrillPath state={state} basePath={basePath} ownProvider={ownOnly ? response?.filters.provider : undefined} />
      {shown.notice}
      <FactsStatus facts={response?.facts ?? null} dataDate={response?.dataDate} retry={reload} />
      {kpis.status === 'loading' && <Loading />}
      {kpis.status === 'error' && <LoadProblem error={kpis.error} />}
      {response && result && !result.available && (
        <Alert type="info">
          {t('Geen gegevens')}: {t('De regio heeft voor dit cijfer (nog) geen gegevens.')}
        </Alert>
      )}
      {response && result?.available && (
        <ProvisionalNotice period={response.period} previous={response.previousPeriod} />
      )}
      {response && result?.available && (
        <KpiFigures kpiId={kpi.id} response={response} groupBy={groupBy} state={state} ownOnly={ownOnly} />
      )}
      {response?.facts.state === 'ready' && result?.available && <KpiTrend kpi={kpi} state={state} />}
      {response?.facts.state !== 'building' && result?.available !== false && (
        <ul className="plain-list dashboard-downloads" aria-label={t('Downloads')}>
          <li>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={exportHref(state, groupBy, 'csv', kpi.id)}
              download
            >
              {t('CSV downloaden')}
            </a>
          </li>
          <li>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={exportHref(state, groupBy, 'xlsx', kpi.id)}
              download
            >
              {t('Excel (XLSX) downloaden')}
            </a>
          </li>
        </ul>
      )}
      <section id="definitie" className="kpi-definition" aria-labelledby="definitie-kop" tabIndex={-1}>
        <h2 id="definitie-kop" className="utrecht-heading-2">
          {t('Definitie')}
        </h2>
        <p className="utrecht-paragraph">
          {lang === 'en' ? kpiDefinitionTexts[kpi.id].en : kpiDefinitionTexts[kpi.id].nl}
        </p>
        <p className="utrecht-paragraph">
          {t('Bron')}: {kpiDefinitionTexts[kpi.id].source}
        </p>
      </section>
      <p className="utrecht-paragraph">
        <TextLink to={`/dashboard${toSearch(dashboardState)}`}>{t('Terug naar het dashboard')}</TextLink>
      </p>
    </>
  );
}

function KpiFigures({
  kpiId,
  response,
  groupBy,
  state,
  ownOnly,
}: {
  kpiId: KpiId;
  response: KpiResponse;
  groupBy: KpiGroupBy;
  state: DashboardState;
  ownOnly: boolean;
}) {
  const { t, lang } = useT();
  const result = response.data.find((r) => r.kpi.id === kpiId)!;
  const kpi = result.kpi;
  const period = periodLabel(response.period.label, lang);
  const previous = periodLabel(response.previousPeriod.label, lang);
  const group = t(groupLabels[groupBy]).toLowerCase();
  const caption = t('{kpi} per {group}, {period}', {
    kpi: kpiName(kpi, lang),
    group,
    period: response.period.provisional ? `${period} (${t('voorlopig')})` : period,
  });
  const labels = useMemo(
    () => ({
      // The chart's legend marks a provisional period as the table's caption does.
      current: response.period.provisional ? `${period} (${t('voorlopig')})` : period,
      previous: response.previousPeriod.provisional ? `${previous} (${t('voorlopig')})` : previous,
      target: t('Doel'),
      description: t(
        'Staafdiagram: {kpi} per {group} in {period} tegenover {previous}. De tabel bij de grafiek bevat alle cijfers.',
        { kpi: kpiName(kpi, lang), group, period, previous },
      ),
    }),
    [period, previous, t, kpi, lang, group, response.period.provisional, response.previousPeriod.provisional],
  );
  const anySuppressed = [result.total, ...result.rows].some((c) => c.suppressed);
  const drawable = (result.rows.length ? result.rows : [result.total]).some(
    (c) => c.value !== null || c.previous !== null,
  );
  return (
    <div className="kpi-figures">
      <div className="kpi-figures__chart">
        {drawable ? (
          <Suspense fallback={<Loading />}>
            <KpiChart result={result} labels={labels} locale={locale(lang)} />
          </Suspense>
        ) : (
          <p className="utrecht-paragraph kpi-note">
            {t('Geen grafiek: er is geen cijfer om te tekenen (te kleine groepen of geen gegevens).')}
          </p>
        )}
        {result.rows.length > 12 && (
          <p className="utrecht-paragraph kpi-note">
            {t('De grafiek toont de 12 grootste; de tabel toont ze allemaal.')}
          </p>
        )}
      </div>
      <div className="kpi-figures__table">
        <KpiTable
          result={result}
          groupBy={groupBy}
          threshold={response.suppressionThreshold}
          caption={caption}
          provisional={!!(response.period.provisional || response.previousPeriod.provisional)}
          drillHref={(row) => {
            const next = row.key && row.key !== '–' ? drillDown(state, groupBy, row.key, ownOnly) : null;
            return next ? `/dashboard/${kpi.id}${toSearch(next)}` : null;
          }}
        />
        {anySuppressed && (
          <p className="utrecht-paragraph kpi-note">
            {t('"< {n}": minder dan {n} jeugdigen. Dat cijfer wordt niet getoond, zodat niemand herkenbaar is.', {
              n: response.suppressionThreshold,
            })}
          </p>
        )}
      </div>
    </div>
  );
}
