import { can } from '../../../shared/permissions';
import { useLocation, useNavigate } from 'react-router';
import { TextLink } from '../../components/button';
import { Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { formatKpiValue } from '../../../shared/kpi-charts';
import { kpiDefinitionById, kpiIds, type KpiPeriod } from '../../../shared/kpi';
import { endedValue } from '../exchange/trajectory-filters';
import { forbidden } from '../providers/provider-form';
import { DashboardControls, periodLabel } from './dashboard-controls';
import { LoadProblem, MonitoringNav, ProvisionalNotice, scopeLabels } from './dashboard-parts';
import { readState, toSearch, type DashboardState } from './dashboard-state';
import { comparatorLabels, kpiName, locale } from './kpi-figures';
import { usePeriods, type KpiPeriods, type KpiSignal } from './monitoring-api';

/** The API's trajectory search parameters as /trajecten names them in its address (its filter form reads those). */
const trajectoryParams: Record<string, string> = {
  providerAgb: 'aanbieder',
  municipalityCode: 'gemeente',
  productCategory: 'categorie',
  endReason: 'reden',
  from: 'van',
  to: 'tot',
  ended: 'geeindigd',
};

export function trajectoriesHref(apiQuery: string): string {
  const result = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(apiQuery)) {
    // ended=true is the checkbox "Alleen trajecten die in de periode eindigden" (geeindigd=ja); false is its absence.
    if (key === 'ended') {
      if (value === 'true') result.set(trajectoryParams[key]!, endedValue);
    } else {
      result.set(trajectoryParams[key] ?? key, value);
    }
  }
  return `/trajecten?${result.toString()}`;
}

/** /signalen: every figure that crosses its target in the period, per municipality and provider. */
export function SignalsPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Signalen'));
  const [periods] = usePeriods();
  if (!can(user, 'kpis.read')) return <ProblemPage error={forbidden(t, t('Uw rol mag de signalen niet inzien.'))} />;
  const problem = pageProblem(periods);
  if (problem) return problem;
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Signalen')}</h1>
      <MonitoringNav />
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {user.role === 'aanbieder'
          ? t('De cijfers van uw organisatie die hun doel niet halen.')
          : t(
              'Cijfers die hun doel niet halen, voor de regio, elke gemeente en elke aanbieder. Groepen van minder dan 10 jeugdigen staan er niet in.',
            )}
      </p>
      {periods.status === 'loading' ? <Loading /> : periods.status === 'ok' && <Signals periods={periods.data} />}
    </>
  );
}

function Signals({ periods }: { periods: KpiPeriods }) {
  const { t, lang } = useT();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = readState(new URLSearchParams(location.search));
  const state: DashboardState = { ...fromUrl, period: fromUrl.period || periods.defaultPeriod };
  const [signals] = useLoad(
    (signal) =>
      api<{ period: KpiPeriod; data: KpiSignal[] }>(`/kpis/signals${toQuery({ period: state.period })}`, { signal }),
    [state.period],
  );
  const trajectories = can(user, 'trajectories.read');
  const order = (s: KpiSignal) => kpiIds.indexOf(s.kpi);
  const rows =
    signals.status === 'ok'
      ? [...signals.data.data].sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label, 'nl'))
      : [];
  const detailHref = (s: KpiSignal) => {
    const scope: Partial<DashboardState> =
      s.scopeType === 'municipality' ? { municipality: s.key } : s.scopeType === 'provider' ? { provider: s.key } : {};
    return `/dashboard/${s.kpi}${toSearch({ period: state.period, ...scope })}`;
  };
  const name = (s: KpiSignal) => {
    const kpi = kpiDefinitionById.get(s.kpi);
    return kpi ? kpiName(kpi, lang) : s.kpiName;
  };

  return (
    <>
      <DashboardControls
        key={location.search}
        state={state}
        periods={periods}
        onApply={(next) => navigate(`/signalen${toSearch({ period: next.period })}`)}
      />
      {signals.status === 'loading' && <Loading />}
      {signals.status === 'error' && <LoadProblem error={signals.error} />}
      {signals.status === 'ok' && <ProvisionalNotice period={signals.data.period} />}
      {signals.status === 'ok' && (
        <Table
          caption={t('{count} signaal in {period}|{count} signalen in {period}', {
            count: rows.length,
            period: periodLabel(state.period, lang),
          })}
          rows={rows}
          rowKey={(s) => `${s.kpi}-${s.scopeType}-${s.key}`}
          empty={t('Geen signalen: elk cijfer haalt zijn doel.')}
          columns={[
            { header: t('Cijfer'), rowHeader: true, cell: (s) => <TextLink to={detailHref(s)}>{name(s)}</TextLink> },
            {
              header: t('Niveau'),
              cell: (s) => (s.scopeType === 'budgetLine' ? t('Begrotingspost') : t(scopeLabels[s.scopeType])),
            },
            { header: t('Naam'), cell: (s) => s.label },
            { header: t('Waarde'), numeric: true, cell: (s) => formatKpiValue(s.value, s.unit, locale(lang)) },
            {
              header: t('Doel'),
              numeric: true,
              cell: (s) =>
                `${t(comparatorLabels[s.target.comparator])} ${formatKpiValue(s.target.value, s.unit, locale(lang))}`,
            },
            ...(trajectories
              ? [
                  {
                    header: t('Trajecten'),
                    cell: (s: KpiSignal) => (
                      <TextLink to={trajectoriesHref(s.trajectoriesQuery)}>
                        {t('Trajecten')}
                        <span className="visually-hidden">
                          {' '}
                          {t('achter {kpi}, {name}', { kpi: name(s), name: s.label })}
                        </span>
                      </TextLink>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
