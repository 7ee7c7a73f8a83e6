import { can } from '../../../shared/permissions';
import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { Table } from '../../components/table';
import { api, ApiError } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { formatKpiValue } from '../../../shared/kpi-charts';
import { kpiDefinitionById, kpiIds } from '../../../shared/kpi';
import { forbidden } from '../providers/provider-form';
import { MonitoringNav, useDashboardNames } from './dashboard-parts';
import { comparatorLabels, kpiName, locale } from './kpi-figures';
import type { KpiTarget } from './monitoring-api';
import { TargetForm } from './target-form';
import { KpiSettingsSection } from './kpi-settings-form';

/** /doelen: the region's targets per KPI; beheerder and contractmanager add, change and remove them. */
export function TargetsPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Doelen'));
  if (!can(user, 'targets.read')) return <ProblemPage error={forbidden(t, t('Uw rol mag de doelen niet inzien.'))} />;
  return <Targets />;
}

function Targets() {
  const { t, lang } = useT();
  const user = useUser();
  const names = useDashboardNames();
  const editable = can(user, 'targets.edit');
  const [state, reload] = useLoad((signal) => api<{ data: KpiTarget[] }>('/kpi-targets', { signal }), []);
  const [editing, setEditing] = useState<KpiTarget | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const problem = pageProblem(state);
  if (problem) return problem;

  const kpiLabel = (target: KpiTarget) => {
    const kpi = kpiDefinitionById.get(target.kpi);
    return kpi ? kpiName(kpi, lang) : target.kpi;
  };
  const scope = (target: KpiTarget) => {
    if (target.scopeType === 'region') return t('Regio');
    if (target.scopeKey === null) return target.scopeType === 'municipality' ? t('Elke gemeente') : t('Elke aanbieder');
    return target.scopeType === 'municipality' ? names.municipality(target.scopeKey) : names.provider(target.scopeKey);
  };
  const goal = (target: KpiTarget) => {
    const unit = kpiDefinitionById.get(target.kpi)?.unit ?? 'ratio';
    const comparator = t(comparatorLabels[target.comparator]);
    if (target.changePercent !== null) {
      const change = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: 'always' }).format(
        target.changePercent,
      );
      return t('{comparator} {change} % ten opzichte van {baseline}, in {year}', {
        comparator,
        change,
        baseline: target.baselineYear ?? '?',
        year: target.targetYear ?? '?',
      });
    }
    return `${comparator} ${formatKpiValue(target.value, unit, locale(lang))}`;
  };
  const order = (target: KpiTarget) => kpiIds.indexOf(target.kpi);
  const rows = state.status === 'ok' ? [...state.data.data].sort((a, b) => order(a) - order(b)) : [];

  const edit = (target: KpiTarget) => {
    setEditing(target);
    setMessage(null);
    requestAnimationFrame(() => document.getElementById('doel-formulier-kop')?.focus());
  };
  const remove = async (target: KpiTarget) => {
    setFailure(null);
    try {
      await api(`/kpi-targets/${target.id}`, { method: 'DELETE' });
      setConfirming(null);
      if (editing?.id === target.id) setEditing(null);
      setMessage(t('Het doel voor {kpi} ({scope}) is verwijderd.', { kpi: kpiLabel(target), scope: scope(target) }));
      reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error));
    }
  };

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Doelen')}</h1>
      <MonitoringNav />
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Doelen per cijfer, voor de regio, elke gemeente of aanbieder, of één ervan. Een cijfer dat zijn doel niet haalt, komt bij de signalen.',
        )}
      </p>
      <StatusMessage message={message} />
      {failure && <Alert type="error">{failure}</Alert>}
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <Table
          caption={t('{count} doel|{count} doelen', { count: rows.length })}
          rows={rows}
          rowKey={(r) => r.id}
          busy={state.status === 'ok' && state.refreshing}
          empty={t('Nog geen doelen.')}
          columns={[
            { header: t('Cijfer'), rowHeader: true, cell: kpiLabel },
            { header: t('Geldt voor'), cell: scope },
            { header: t('Doel'), cell: goal },
            { header: t('Notitie'), cell: (r) => r.note ?? '–' },
            ...(editable
              ? [
                  {
                    header: t('Actie'),
                    cell: (r: KpiTarget) =>
                      confirming === r.id ? (
                        <span className="target-actions" role="group" aria-label={t('Doel verwijderen?')}>
                          <Button appearance="primary" autoFocus onClick={() => void remove(r)}>
                            {t('Ja, verwijderen')}
                            <span className="visually-hidden">
                              {' '}
                              {kpiLabel(r)}, {scope(r)}
                            </span>
                          </Button>
                          <Button appearance="subtle" onClick={() => setConfirming(null)}>
                            {t('Annuleren')}
                          </Button>
                        </span>
                      ) : (
                        <span className="target-actions">
                          <Button appearance="secondary" onClick={() => edit(r)}>
                            {t('Bewerken')}
                            <span className="visually-hidden">
                              {' '}
                              {kpiLabel(r)}, {scope(r)}
                            </span>
                          </Button>
                          <Button appearance="subtle" onClick={() => setConfirming(r.id)}>
                            {t('Verwijderen')}
                            <span className="visually-hidden">
                              {' '}
                              {kpiLabel(r)}, {scope(r)}
                            </span>
                          </Button>
                        </span>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editable && (
        <TargetForm
          key={editing?.id ?? 'nieuw'}
          target={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setMessage(
              created
                ? t('Het doel voor {kpi} ({scope}) is toegevoegd.', { kpi: kpiLabel(saved), scope: scope(saved) })
                : t('Het doel voor {kpi} ({scope}) is opgeslagen.', { kpi: kpiLabel(saved), scope: scope(saved) }),
            );
            reload();
          }}
        />
      )}
      <KpiSettingsSection />
    </>
  );
}
