import { can } from '../../../shared/permissions';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Refusal, UploadForm } from '../../components/import-parts';
import { Button, ButtonGroup } from '../../components/button';
import { SelectField, TextField } from '../../components/form-fields';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api, ApiError, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatEuro, parseAmount } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

interface Realisation {
  municipalityId: string;
  budgetLineId: string;
  month: string;
  amount: number;
}

const monthNames = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * /budgetten/realisatie: the ledger's realisation of one budget line and year per municipality and month, entered here
 * or imported from the template, for the lines paid outside iJw.
 */
export function RealisationPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const year = Number.parseInt(params.get('jaar') ?? '', 10) || current;
  const lines = region?.budgetLines ?? [];
  const lineId = params.get('post') ?? lines[0]?.id ?? '';
  const line = lines.find((l) => l.id === lineId);
  useDocumentTitle(t('Realisatie per begrotingspost'));
  const [state, reload] = useLoad(
    (signal) =>
      lineId
        ? api<{ data: Realisation[] }>(`/budget-realisations${toQuery({ year, budgetLineId: lineId })}`, { signal })
        : Promise.resolve({ data: [] }),
    [year, lineId],
  );
  const problem = pageProblem(state);
  if (problem) return problem;
  const editable = can(user, 'budgets.edit');
  const municipalities = region?.municipalities ?? [];
  const booked = state.status === 'ok' ? state.data.data : [];
  const amount = (m: string, month: number) =>
    booked.find((r) => r.municipalityId === m && r.month === `${year}-${String(month).padStart(2, '0')}`)?.amount;
  const choose = (next: { jaar?: string; post?: string }) =>
    setParams({ jaar: next.jaar ?? String(year), post: next.post ?? lineId });
  const template = (format: 'xlsx' | 'csv') =>
    `/api/v1/budget-realisations/template${toQuery({ year, budgetLineId: lineId, format })}`;

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Realisatie per begrotingspost')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Wat de gemeentelijke boekhouding per maand uitgaf aan posten die niet via iJw worden betaald (lumpsum, subsidie, GI, Veilig Thuis, LTA). Het dashboard zet dit naast het budget van de post.',
        )}
      </p>
      <div className="filter-form">
        <SelectField
          id="jaar"
          label={t('Jaar')}
          value={String(year)}
          options={[current + 1, current, current - 1, current - 2, current - 3].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
          onChange={(v) => choose({ jaar: v })}
        />
        <SelectField
          id="post"
          label={t('Begrotingspost')}
          value={lineId}
          options={lines.map((l) => ({ value: l.id, label: l.name }))}
          onChange={(v) => choose({ post: v })}
        />
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && line && (
        <div className="table-scroll" role="region" aria-labelledby="realisatie-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table utrecht-table--distanced">
            <caption id="realisatie-caption" className="utrecht-table__caption">
              {t('Realisatie {line} {year} per gemeente en maand', { line: line.name, year })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('Gemeente')}
                </th>
                {monthNames.map((m) => (
                  <th
                    key={m}
                    scope="col"
                    className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                  >
                    {m}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {municipalities.map((m) => (
                <tr key={m.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {m.name}
                  </th>
                  {monthNames.map((name, i) => (
                    <td key={name} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                      {amount(m.id, i + 1) === undefined ? '–' : formatEuro(amount(m.id, i + 1), { whole: true })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {line && (
        <ul className="plain-list dashboard-downloads">
          <li>
            <a className="utrecht-link utrecht-link--html-a" href={template('xlsx')} download>
              {t('Sjabloon {line} {year} (Excel)', { line: line.name, year })}
            </a>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a" href={template('csv')} download>
              {t('Sjabloon {line} {year} (CSV)', { line: line.name, year })}
            </a>
          </li>
        </ul>
      )}
      {editable && line && <EnterMonth year={year} lineId={lineId} onSaved={reload} />}
      {editable && line && <ImportFile year={year} lineId={lineId} onSaved={reload} />}
    </>
  );
}

function EnterMonth({ year, lineId, onSaved }: { year: number; lineId: string; onSaved(): void }) {
  const { t } = useT();
  const region = useRegion();
  const municipalities = region?.municipalities ?? [];
  const [municipalityId, setMunicipality] = useState(municipalities[0]?.id ?? '');
  const [month, setMonth] = useState('1');
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<ApiError | 'saved' | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = value.trim() === '' ? null : parseAmount(value);
    if (amount !== null && (Number.isNaN(amount) || amount < 0)) {
      const detail = t('Vul een bedrag van 0 of hoger in, zoals 12.500,00.');
      setOutcome(new ApiError({ type: 'about:blank', title: detail, detail, status: 400, code: 'client' }));
      return;
    }
    try {
      await api('/budget-realisations', {
        method: 'PUT',
        body: { municipalityId, budgetLineId: lineId, month: `${year}-${month.padStart(2, '0')}`, amount },
      });
      setOutcome('saved');
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setOutcome(error);
      else throw error;
    }
  };
  return (
    <section aria-labelledby="invoeren">
      <h2 id="invoeren" className="utrecht-heading-2">
        {t('Eén maand invoeren')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id="gemeente"
          label={t('Gemeente')}
          value={municipalityId}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          onChange={setMunicipality}
        />
        <SelectField
          id="maand"
          label={t('Maand')}
          value={month}
          options={monthNames.map((m, i) => ({ value: String(i + 1), label: `${m} ${year}` }))}
          onChange={setMonth}
        />
        <TextField
          id="bedrag"
          label={t('Bedrag in euro')}
          description={t('Leeg laten wist de maand.')}
          inputMode="decimal"
          value={value}
          onChange={setValue}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary">
            {t('Opslaan')}
          </Button>
        </ButtonGroup>
      </form>
      <div role="status">{outcome === 'saved' && <p className="utrecht-paragraph">{t('Opgeslagen.')}</p>}</div>
      {outcome instanceof ApiError && <Refusal error={outcome} />}
    </section>
  );
}

function ImportFile({ year, lineId, onSaved }: { year: number; lineId: string; onSaved(): void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="inlezen">
      <h2 id="inlezen" className="utrecht-heading-2">
        {t('Een bestand inlezen')}
      </h2>
      <p className="utrecht-paragraph">
        {t(
          'Vul het sjabloon in en lees het hier in. Klopt één cel niet, dan wordt niets opgeslagen en staat elke foute cel hieronder.',
        )}
      </p>
      <UploadForm<{ saved: number; unchanged: number }>
        path={`/budget-realisations/import${toQuery({ year, budgetLineId: lineId })}`}
        done={(r) => t('Ingelezen: {saved} maanden vastgelegd, {unchanged} ongewijzigd.', r)}
        onSaved={onSaved}
      />
    </section>
  );
}
