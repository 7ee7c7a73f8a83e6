import { can } from '../../../shared/permissions';
import { useLocation, useNavigate } from 'react-router';
import { TextLink } from '../../components/button';
import { Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { useUser } from '../../lib/auth';
import { forbidden } from '../providers/provider-form';
import { useT } from '../../i18n';
import type { KpiResponse, KpiResult } from '../../../shared/kpi';
import { DashboardControls, periodLabel } from './dashboard-controls';
import { FactsStatus } from './facts-status';
import {
  DrillPath,
  LoadProblem,
  MonitoringNav,
  ProvisionalNotice,
  UnknownProductsNotice,
  useShownPeriod,
} from './dashboard-parts';
import { readState, reportQuarter, toSearch, type DashboardState } from './dashboard-state';
import { KpiChange, KpiTarget, KpiValue, kpiName, locale, NoValueReason, ProvisionalBadge } from './kpi-figures';
import { formatKpiValue, whyNoValue } from '../../../shared/kpi-charts';
import { exportHref, reportHref, useKpis, usePeriods, type KpiPeriods } from './monitoring-api';
import { IssuedChangesNotice } from './issued-changes-notice';
import { GoalCompletenessNotice } from '../outcomes/completeness-notice';

/** /dashboard: every KPI for the chosen period and drill-down level, as tiles that lead to the KPI's page. */
export function DashboardPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Dashboard'));
  const [periods] = usePeriods();
  if (!can(user, 'kpis.read')) return <ProblemPage error={forbidden(t, t('Uw rol mag het dashboard niet inzien.'))} />;
  const problem = pageProblem(periods);
  if (problem) return problem;
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Dashboard')}</h1>
      <MonitoringNav />
      {periods.status === 'loading' ? <Loading /> : periods.status === 'ok' && <Dashboard periods={periods.data} />}
    </>
  );
}

function Dashboard({ periods }: { periods: KpiPeriods }) {
  const { t, lang } = useT();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = readState(new URLSearchParams(location.search));
  const shown = useShownPeriod(fromUrl.period || periods.defaultPeriod);
  const state: DashboardState = { ...fromUrl, period: shown.period, groupBy: '' };
  const [kpis, reload] = useKpis(state, 'region');
  const response = kpis.status === 'ok' ? kpis.data : null;
  // While the figures are being built there is nothing to download or describe.
  const building = response?.facts.state === 'building';
  const ownProvider = user.role === 'aanbieder' ? response?.filters.provider : undefined;
  const quarter = reportQuarter(state.period, periods.defaultPeriod);
  const reportProvider = state.provider || ownProvider;

  return (
    <>
      <DashboardControls
        key={location.search}
        state={state}
        periods={periods}
        onApply={(next) => navigate(`/dashboard${toSearch(next)}`)}
      />
      <DrillPath state={state} basePath="/dashboard" ownProvider={ownProvider} />
      {shown.notice}
      <IssuedChangesNotice />
      {response && !building && (
        <p className="utrecht-paragraph dashboard-lead">
          {t('Cijfers over {period}, vergeleken met {previous}.', {
            period: periodLabel(response.period.label, lang),
            previous: periodLabel(response.previousPeriod.label, lang),
          })}{' '}
          {t('Groepen van minder dan {n} jeugdigen staan er als "< {n}".', { n: response.suppressionThreshold })}
          {response.rounding && (
            <>
              {' '}
              {t(
                'Aantallen zijn afgerond op vijftallen en bedragen op duizenden euro’s, zodat niemand uit twee cijfers een kind kan terugrekenen.',
              )}
            </>
          )}
        </p>
      )}
      {!building && (
        <ul className="plain-list dashboard-downloads">
          {quarter && (
            <li>
              <a className="utrecht-link utrecht-link--html-a" href={reportHref(quarter, reportProvider)} download>
                {t('Kwartaalrapportage {quarter} (PDF)', { quarter: periodLabel(quarter, lang) })}
              </a>
            </li>
          )}
          <li>
            <a className="utrecht-link utrecht-link--html-a" href={exportHref(state, 'region', 'csv')} download>
              {t('Alle cijfers als CSV')}
            </a>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a" href={exportHref(state, 'region', 'xlsx')} download>
              {t('Alle cijfers als Excel (XLSX)')}
            </a>
          </li>
        </ul>
      )}
      <FactsStatus facts={response?.facts ?? null} dataDate={response?.dataDate} retry={reload} />
      {response && !building && <ProvisionalNotice period={response.period} previous={response.previousPeriod} />}
      {response && !building && <UnknownProductsNotice unknown={response.unknownProducts} />}
      {response && !building && <GoalCompletenessNotice period={response.period.label} />}
      {kpis.status === 'loading' && <Loading />}
      {kpis.status === 'error' && <LoadProblem error={kpis.error} />}
      {response && !building && <KpiTiles response={response} state={state} />}
    </>
  );
}

function KpiTiles({ response, state }: { response: KpiResponse; state: DashboardState }) {
  return (
    <ul className="kpi-tiles">
      {response.data.map((result) => (
        <KpiTile key={result.kpi.id} result={result} response={response} state={state} />
      ))}
    </ul>
  );
}

function KpiTile({ result, response, state }: { result: KpiResult; response: KpiResponse; state: DashboardState }) {
  const { t, lang } = useT();
  const { kpi, total } = result;
  const crossed = result.available && !total.suppressed && total.target?.met === false;
  const headingId = `tegel-${kpi.id}`;
  const why = whyNoValue(kpi.id, total, response.period, response.dataDate);
  const previous = { value: total.previous, suppressed: !!total.previousSuppressed };
  const whyPrevious = whyNoValue(kpi.id, previous, response.previousPeriod, response.dataDate);
  return (
    <li className={`kpi-tile${crossed ? ' kpi-tile--signal' : ''}`}>
      <h2 id={headingId} className="utrecht-heading-2 kpi-tile__heading">
        <TextLink to={`/dashboard/${kpi.id}${toSearch(state)}`}>{kpiName(kpi, lang)}</TextLink>
      </h2>
      {!result.available ? (
        <>
          <p className="kpi-tile__value kpi-tile__value--none">{t('Geen gegevens')}</p>
          <p className="kpi-tile__line">{t('De regio heeft voor dit cijfer (nog) geen gegevens.')}</p>
        </>
      ) : (
        <>
          <p className="kpi-tile__value">
            <KpiValue cell={total} unit={kpi.unit} threshold={response.suppressionThreshold} />
            <ProvisionalBadge period={response.period} />
          </p>
          {why && (
            <p className="kpi-tile__line kpi-tile__why">
              <NoValueReason kpiId={kpi.id} why={why} dataDate={response.dataDate} />
            </p>
          )}
          <dl className="kpi-tile__facts">
            <div>
              <dt>{t('Vorige periode')}</dt>
              <dd>
                <KpiValue cell={total} unit={kpi.unit} threshold={response.suppressionThreshold} which="previous" />
                {whyPrevious && (
                  <> ({whyPrevious.reason === 'follow-up-open' ? t('nog niet te meten') : t('niets te tellen')})</>
                )}
                {total.value !== null && total.previous !== null && (
                  <span className="kpi-tile__change">
                    <KpiChange
                      cell={total}
                      unit={kpi.unit}
                      direction={kpi.direction}
                      provisional={!!(response.period.provisional || response.previousPeriod.provisional)}
                    />
                  </span>
                )}
              </dd>
            </div>
            {total.budget !== undefined && total.budget !== null && (
              <div>
                <dt>{t('Budget')}</dt>
                <dd>{formatKpiValue(total.budget, 'euro', locale(lang))}</dd>
              </div>
            )}
            <div>
              <dt>{t('Doel')}</dt>
              <dd>
                <KpiTarget cell={total} unit={kpi.unit} compact />
              </dd>
            </div>
          </dl>
        </>
      )}
    </li>
  );
}
