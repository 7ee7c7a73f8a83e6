import { can } from '../../../shared/permissions';
import { useSearchParams } from 'react-router';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SelectField } from '../../components/form-fields';
import { fetchAll } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatEuro } from '../../lib/format';
import { useRegion } from '../../lib/region';
import type { Budget } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { BudgetCell } from './budget-cell';
import { BudgetIndexation } from './budget-indexation';
import { BudgetImport } from './budget-import';
import { DownloadLinks } from '../../components/import-parts';
import { toQuery } from '../../lib/api-client';

const firstYear = 2015;

/** Budgets of one year as a matrix: municipalities down, budget lines across, totals on both edges. */
export function BudgetPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const year = Number.parseInt(params.get('jaar') ?? '', 10) || current;
  useDocumentTitle(t('Budgetten'));
  const [state, reload] = useLoad((signal) => fetchAll<Budget>('/budgets', { year: String(year) }, signal), [year]);
  const problem = pageProblem(state);
  if (problem) return problem;

  const years = Array.from({ length: current + 2 - firstYear + 1 }, (_, i) => current + 2 - i);
  const municipalities = region?.municipalities ?? [];
  const lines = region?.budgetLines ?? [];
  const budgets = state.status === 'ok' ? state.data : [];
  const find = (m: string, l: string) =>
    budgets.find((b) => b.municipalityId === m && b.budgetLineId === l && b.year === year);
  const rowTotal = (m: string) =>
    budgets.filter((b) => b.municipalityId === m && b.year === year).reduce((s, b) => s + b.amount, 0);
  const colTotal = (l: string) =>
    budgets.filter((b) => b.budgetLineId === l && b.year === year).reduce((s, b) => s + b.amount, 0);
  const total = budgets.filter((b) => b.year === year).reduce((s, b) => s + b.amount, 0);
  const editable = can(user, 'budgets.edit');

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Budgetten')}</h1>
      <div className="filter-form">
        <SelectField
          id="jaar"
          label={t('Jaar')}
          value={String(year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(v) => setParams(v === String(current) ? {} : { jaar: v })}
        />
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && editable && (
        <p className="utrecht-paragraph">
          {t('Kies een bedrag om het te wijzigen; Enter slaat op, Escape annuleert.')}
        </p>
      )}
      {state.status === 'ok' && (
        <div className="table-scroll" role="region" aria-labelledby="budget-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table utrecht-table--distanced budget-matrix">
            <caption id="budget-caption" className="utrecht-table__caption">
              {t('Budget {year} per gemeente en begrotingspost', { year })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('Gemeente')}
                </th>
                {lines.map((l) => (
                  <th
                    key={l.id}
                    scope="col"
                    className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                  >
                    {l.name}
                  </th>
                ))}
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {t('Totaal')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {municipalities.map((m) => (
                <tr key={m.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {m.name}
                  </th>
                  {lines.map((l) => (
                    <td key={l.id} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                      <BudgetCell
                        cell={{
                          municipalityId: m.id,
                          municipalityName: m.name,
                          budgetLineId: l.id,
                          budgetLineName: l.name,
                          year,
                        }}
                        budget={find(m.id, l.id)}
                        editable={editable}
                        onSaved={reload}
                      />
                    </td>
                  ))}
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data total">
                    {formatEuro(rowTotal(m.id), { whole: true })}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {t('Totaal')}
                </th>
                {lines.map((l) => (
                  <td key={l.id} className="utrecht-table__cell utrecht-table__cell--numeric-data total">
                    {formatEuro(colTotal(l.id), { whole: true })}
                  </td>
                ))}
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data total">
                  {formatEuro(total, { whole: true })}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {state.status === 'ok' && budgets.length === 0 && (
        <p className="utrecht-paragraph">{t('Voor {year} zijn nog geen budgetten vastgelegd.', { year })}</p>
      )}
      {state.status === 'ok' && region && (
        <DownloadLinks
          label={t('Budget {year}', { year })}
          href={(format) => `/api/v1/budgets/export${toQuery({ regionId: region.id, year, format })}`}
        />
      )}
      {editable && region && (
        <BudgetIndexation
          years={years}
          onApplied={(to) => {
            if (to === year) reload();
            else setParams(to === current ? {} : { jaar: String(to) });
          }}
        />
      )}
      {editable && region && <BudgetImport regionId={region.id} year={year} onApplied={reload} />}
    </>
  );
}
