import { TextLink } from '../../components/button';
import { StartTile, TileCount } from '../../components/start-tile';
import { api, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatCount } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { kpiDefinitionById, kpiIds, type KpiId } from '../../../shared/kpi';
import { periodLabel } from './dashboard-controls';
import { readState, toSearch, type DashboardState } from './dashboard-state';
import { kpiName, KpiValue } from './kpi-figures';
import { useKpis, usePeriods, type KpiSignal } from './monitoring-api';

const shownSignals = 5;
/** The figures a policy officer (or a provider, about itself) looks at first; the dashboard has all of them. */
const keyFigures: KpiId[] = ['youths_in_care', 'inflow', 'spend', 'request_wait_days', 'allocation_wait_days'];

/** Start page: how many figures miss their target in the last complete quarter, and the first few of them. */
export function SignalsTile() {
  const { t, lang } = useT();
  const [state] = useLoad(async (signal) => {
    const { defaultPeriod } = await api<{ defaultPeriod: string }>('/kpis/periods', { signal });
    const result = await api<{ data: KpiSignal[] }>(`/kpis/signals${toQuery({ period: defaultPeriod })}`, { signal });
    const order = (s: KpiSignal) => kpiIds.indexOf(s.kpi);
    return { period: defaultPeriod, signals: [...result.data].sort((a, b) => order(a) - order(b)) };
  }, []);
  const title =
    state.status === 'ok' ? t('Signalen {period}', { period: periodLabel(state.data.period, lang) }) : t('Signalen');
  return (
    <StartTile title={title} state={state}>
      {(loaded) => {
        const signals = loaded?.signals ?? [];
        const period = loaded?.period ?? '';
        const href = (s: KpiSignal) => {
          const scope =
            s.scopeType === 'municipality'
              ? { municipality: s.key }
              : s.scopeType === 'provider'
                ? { provider: s.key }
                : {};
          return `/dashboard/${s.kpi}${toSearch({ period, ...scope })}`;
        };
        const name = (s: KpiSignal) => {
          const kpi = kpiDefinitionById.get(s.kpi);
          return kpi ? kpiName(kpi, lang) : s.kpiName;
        };
        return (
          <>
            <TileCount
              count={formatCount(signals.length, lang)}
              label={t('cijfer haalt zijn doel niet|cijfers halen hun doel niet', { count: signals.length })}
            />
            {signals.length > 0 && (
              <ul className="start-tile__list">
                {signals.slice(0, shownSignals).map((s) => (
                  <li key={`${s.kpi}-${s.scopeType}-${s.key}`}>
                    <TextLink to={href(s)}>{name(s)}</TextLink> – {s.label}
                  </li>
                ))}
              </ul>
            )}
            <p className="utrecht-paragraph">
              <TextLink to={`/signalen${toSearch({ period })}`}>{t('Alle signalen')}</TextLink>
            </p>
          </>
        );
      }}
    </StartTile>
  );
}

/** Start page: a few key figures of the last complete quarter (for a provider: its own), with the way to the dashboard. */
export function KeyFiguresTile() {
  const { t } = useT();
  const [periods] = usePeriods();
  const title = useUser().providerId ? t('Cijfers van uw organisatie') : t('Kerncijfers');
  if (periods.status !== 'ok')
    return (
      <StartTile title={title} state={periods}>
        {() => null}
      </StartTile>
    );
  const state: DashboardState = { ...readState(new URLSearchParams()), period: periods.data.defaultPeriod };
  return <KeyFigures title={title} state={state} />;
}

function KeyFigures({ title, state }: { title: string; state: DashboardState }) {
  const { t, lang } = useT();
  const [kpis] = useKpis(state, 'region');
  return (
    <StartTile title={title} state={kpis}>
      {(response) => (
        <>
          {response && (
            <>
              <p className="utrecht-paragraph">{periodLabel(response.period.label, lang)}</p>
              <dl className="start-tile__figures">
                {response.data
                  .filter((r) => keyFigures.includes(r.kpi.id))
                  .map((r) => (
                    <div key={r.kpi.id}>
                      <dt>
                        <TextLink to={`/dashboard/${r.kpi.id}${toSearch(state)}`}>{kpiName(r.kpi, lang)}</TextLink>
                      </dt>
                      <dd>
                        {r.available ? (
                          <KpiValue cell={r.total} unit={r.kpi.unit} threshold={response.suppressionThreshold} />
                        ) : (
                          t('Geen gegevens')
                        )}
                      </dd>
                    </div>
                  ))}
              </dl>
            </>
          )}
          <p className="utrecht-paragraph">
            <TextLink to={`/dashboard${toSearch(state)}`}>{t('Naar het dashboard')}</TextLink>
          </p>
        </>
      )}
    </StartTile>
  );
}
