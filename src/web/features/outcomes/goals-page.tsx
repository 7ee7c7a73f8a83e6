import { useState, type FormEvent } from 'react';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup } from '../../components/button';
import { SelectField, TextField } from '../../components/form-fields';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { api, ApiError, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { GoalRegistration } from './goals-register';
import type { GoalCell, GoalCompleteness, GoalSummary } from './types';

/** The last eight quarters and the last three years, newest first; empty: the last complete quarter. */
function periodOptions(): Array<{ value: string; label: string }> {
  const now = new Date();
  const out = [];
  let [year, quarter] = [now.getFullYear(), Math.floor(now.getMonth() / 3) + 1];
  for (let i = 0; i < 8; i++) {
    out.push({ value: `${year}Q${quarter}`, label: `${year} kwartaal ${quarter}` });
    [year, quarter] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  }
  for (let y = now.getFullYear(); y > now.getFullYear() - 3; y--) out.push({ value: String(y), label: String(y) });
  return out;
}

const percent = (cell: GoalCell | null | undefined) =>
  !cell ? '–' : cell.suppressed ? '< 10' : cell.value === null ? '–' : `${String(cell.value).replace('.', ',')}%`;
const share = (c: GoalCompleteness) => (c.percent === null ? '–' : `${String(c.percent).replace('.', ',')}%`);

/**
 * /doelrealisatie: goal attainment (outcome set 3.1, 3.3, 3.4). The region sees completeness per provider and the
 * figures; a provider its own beside the region's, and registers its ended allocations here.
 */
export function GoalsPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Doelrealisatie'));
  const [period, setPeriod] = useState('');
  const [state, reload] = useLoad(
    (signal) => api<GoalSummary>(`/goal-attainments/summary${toQuery({ period })}`, { signal }),
    [period],
  );
  const problem = pageProblem(state);
  if (problem) return problem;
  const isProvider = can(user, 'goalAttainment.register');
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Doelrealisatie')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Per beëindigde toewijzing legt de aanbieder vast of de jeugdige zonder hulp verder kan (3.1), of de problemen verminderd zijn (3.3) en in welke mate de afgesproken doelen zijn gehaald (3.4). De cijfers zijn om van te leren en op te sturen; er is geen rangorde van aanbieders.',
        )}
      </p>
      <div className="filter-form">
        <SelectField
          id="periode"
          label={t('Periode')}
          value={period}
          options={[{ value: '', label: t('Laatste volledige kwartaal') }, ...periodOptions()]}
          onChange={setPeriod}
        />
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && <Summary summary={state.data} isProvider={isProvider} />}
      {isProvider && <GoalRegistration onSaved={reload} />}
      {can(user, 'goalAttainment.settings') && state.status === 'ok' && (
        <ThresholdForm current={state.data.minCompletenessPercent} onSaved={reload} />
      )}
    </>
  );
}

function Summary({ summary, isProvider }: { summary: GoalSummary; isProvider: boolean }) {
  const { t } = useT();
  const low = summary.providers.filter((p) => !p.sufficient);
  const providerNames = new Map(summary.providers.map((p) => [p.providerAgb, p.name]));
  return (
    <section aria-labelledby="volledigheid">
      <h2 id="volledigheid" className="utrecht-heading-2">
        {t('Volledigheid {period}', { period: summary.period.label })}
      </h2>
      {low.length > 0 && (
        <Alert type="warning">
          {t(
            'Te onvolledig om op te vertrouwen: minder dan {min}% van de beëindigde toewijzingen is vastgelegd bij {names}.',
            { min: summary.minCompletenessPercent, names: low.map((p) => p.name).join(', ') },
          )}
        </Alert>
      )}
      <div className="table-scroll" role="region" aria-labelledby="volledigheid-caption" tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table">
          <caption id="volledigheid-caption" className="utrecht-table__caption">
            {t('Vastgelegd ÷ beëindigd per aanbieder')}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {[t('Aanbieder'), t('Beëindigd'), t('Vastgelegd'), t('Volledigheid')].map((h, i) => (
                <th
                  key={h}
                  scope="col"
                  className={`utrecht-table__header-cell${i ? ' utrecht-table__header-cell--numeric-column' : ''}`}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {[...summary.providers, { providerAgb: '', name: t('Regio totaal'), ...summary.total }].map((p) => (
              <tr key={p.providerAgb || 'regio'} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {p.name}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{p.ended}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{p.registered}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {share(p)}
                  {!p.sufficient && p.percent !== null && ` (${t('te laag')})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="cijfers" className="utrecht-heading-2">
        {t('Doelrealisatie {period}', { period: summary.period.label })}
      </h2>
      {summary.figures.length === 0 ? (
        <p className="utrecht-paragraph">{t('Nog geen doelrealisatie vastgelegd.')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="cijfers-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table">
            <caption id="cijfers-caption" className="utrecht-table__caption">
              {t('Aandeel van de vastgelegde beëindigde toewijzingen; minder dan {n} jeugdigen: weggelaten (< 10)', {
                n: summary.suppressionThreshold,
              })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {isProvider ? t('Wie') : t('Aanbieder')}
                </th>
                {summary.figures.map((f) => (
                  <th
                    key={f.kpi}
                    scope="col"
                    className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                  >
                    {f.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {figureRows(summary, isProvider, t('Eigen organisatie'), t('Regio')).map((row) => (
                <tr key={row.key} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {providerNames.get(row.key) ?? row.label}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={summary.figures[i]!.kpi} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                      {percent(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The figure table's rows: own beside the region for a provider; per provider, then the region, for the region. */
function figureRows(summary: GoalSummary, isProvider: boolean, ownLabel: string, regionLabel: string) {
  const region = { key: 'regio', label: regionLabel, cells: summary.figures.map((f) => f.region) };
  if (isProvider) return [{ key: 'eigen', label: ownLabel, cells: summary.figures.map((f) => f.own) }, region];
  const keys = summary.figures[0]?.rows.map((r) => ({ key: r.key, label: r.label })) ?? [];
  return [
    ...keys.map((k) => ({ ...k, cells: summary.figures.map((f) => f.rows.find((r) => r.key === k.key) ?? null) })),
    region,
  ];
}

function ThresholdForm({ current, onSaved }: { current: number; onSaved(): void }) {
  const { t } = useT();
  const [value, setValue] = useState(String(current));
  const [outcome, setOutcome] = useState<ApiError | 'saved' | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api('/goal-attainments/settings', { method: 'PUT', body: { minCompletenessPercent: Number(value) } });
      setOutcome('saved');
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setOutcome(error);
      else throw error;
    }
  };
  return (
    <section aria-labelledby="drempel">
      <h2 id="drempel" className="utrecht-heading-2">
        {t('Drempel voor de volledigheid')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="minimum"
          label={t('Minimaal vastgelegd (procent)')}
          description={t('Daaronder krijgen de cijfers van een aanbieder een waarschuwing.')}
          inputMode="numeric"
          value={value}
          onChange={setValue}
          error={outcome instanceof ApiError ? outcome.problem.detail : undefined}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary">
            {t('Opslaan')}
          </Button>
        </ButtonGroup>
      </form>
      <div role="status">{outcome === 'saved' && <p className="utrecht-paragraph">{t('Opgeslagen.')}</p>}</div>
    </section>
  );
}
