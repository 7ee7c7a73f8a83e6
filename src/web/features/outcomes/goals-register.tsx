import { useState, type FormEvent } from 'react';
import { goalMeasures, type GoalAnswers } from '../../../shared/outcomes';
import { Refusal, UploadForm } from '../../components/import-parts';
import { Button, ButtonGroup } from '../../components/button';
import { SelectField } from '../../components/form-fields';
import { Loading } from '../../components/page-state';
import { useT } from '../../i18n';
import { api, ApiError } from '../../lib/api-client';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import type { EndedAllocation } from './types';

/** How many ended allocations the list shows; the template holds them all. */
const shown = 50;

type Saved = { saved: number; unchanged: number };

/** The provider's part: the quarterly file, one allocation at a time, and its ended allocations. */
export function GoalRegistration({ onSaved }: { onSaved(): void }) {
  const { t } = useT();
  const [state, reload] = useLoad((signal) => api<{ data: EndedAllocation[] }>('/goal-attainments', { signal }), []);
  const saved = () => {
    reload();
    onSaved();
  };
  const ended = state.status === 'ok' ? state.data.data : [];
  const open = ended.filter((a) => !a.registered);
  return (
    <>
      <UploadFile onSaved={saved} />
      <section aria-labelledby="een-voor-een">
        <h2 id="een-voor-een" className="utrecht-heading-2">
          {t('Eén toewijzing vastleggen')}
        </h2>
        {state.status === 'loading' && <Loading />}
        {state.status === 'ok' && <OneAllocation ended={ended} onSaved={saved} />}
      </section>
      <section aria-labelledby="beeindigd">
        <h2 id="beeindigd" className="utrecht-heading-2">
          {t('Uw beëindigde toewijzingen')}
        </h2>
        <p className="utrecht-paragraph">
          {t('{ended} beëindigd, waarvan {open} nog niet vastgelegd.', { ended: ended.length, open: open.length })}
        </p>
        {ended.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="beeindigd-caption" tabIndex={0}>
            <table className="utrecht-table utrecht-table--html-table">
              <caption id="beeindigd-caption" className="utrecht-table__caption">
                {t('De {n} laatst beëindigde', { n: Math.min(shown, ended.length) })}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {[t('Toewijzing'), t('Gemeente'), t('Product'), t('Einde'), ...goalMeasures.map((m) => m.code)].map(
                    (h) => (
                      <th key={h} scope="col" className="utrecht-table__header-cell">
                        {h}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {ended.slice(0, shown).map((a) => (
                  <tr key={`${a.municipalityCode}-${a.allocationNumber}`} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {a.allocationNumber}
                    </th>
                    <td className="utrecht-table__cell">{a.municipalityCode}</td>
                    <td className="utrecht-table__cell">{a.productCode ?? a.productCategory ?? '–'}</td>
                    <td className="utrecht-table__cell">{formatDate(a.endDate)}</td>
                    {goalMeasures.map((m) => (
                      <td key={m.key} className="utrecht-table__cell">
                        {a.registered ? a.registered[m.key] : t('nog niet')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function OneAllocation({ ended, onSaved }: { ended: EndedAllocation[]; onSaved(): void }) {
  const { t } = useT();
  const key = (a: EndedAllocation) => `${a.municipalityCode}|${a.allocationNumber}`;
  const [chosen, setChosen] = useState(ended.find((a) => !a.registered) ?? ended[0]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ApiError | Saved | null>(null);
  if (!chosen) return <p className="utrecht-paragraph">{t('Er zijn nog geen beëindigde toewijzingen.')}</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const body = {
        municipalityCode: chosen.municipalityCode,
        allocationNumber: chosen.allocationNumber,
        ...(chosen.registered ?? {}),
        ...answers,
      } as Partial<GoalAnswers>;
      setOutcome(await api<Saved>('/goal-attainments', { method: 'POST', body }));
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setOutcome(error);
      else throw error;
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <SelectField
        id="toewijzing"
        label={t('Toewijzing')}
        value={key(chosen)}
        options={ended.map((a) => ({
          value: key(a),
          label: `${a.allocationNumber} (${a.municipalityCode}, ${formatDate(a.endDate)})${a.registered ? ' ✓' : ''}`,
        }))}
        onChange={(v) => {
          setChosen(ended.find((a) => key(a) === v));
          setAnswers({});
        }}
      />
      {goalMeasures.map((m) => (
        <SelectField
          key={m.key}
          id={`antwoord-${m.key}`}
          label={`${m.code} ${m.question}`}
          value={answers[m.key] ?? chosen.registered?.[m.key] ?? ''}
          options={[{ value: '', label: t('Kies…') }, ...m.options.map((o) => ({ value: o, label: o }))]}
          onChange={(v) => setAnswers({ ...answers, [m.key]: v })}
        />
      ))}
      <ButtonGroup>
        <Button type="submit" appearance="primary">
          {t('Vastleggen')}
        </Button>
      </ButtonGroup>
      <div role="status">
        {outcome && !(outcome instanceof ApiError) && <p className="utrecht-paragraph">{t('Vastgelegd.')}</p>}
      </div>
      {outcome instanceof ApiError && <Refusal error={outcome} />}
    </form>
  );
}

function UploadFile({ onSaved }: { onSaved(): void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="inlezen">
      <h2 id="inlezen" className="utrecht-heading-2">
        {t('Kwartaalbestand inlezen')}
      </h2>
      <p className="utrecht-paragraph">
        {t(
          'Download het bestand met uw beëindigde toewijzingen, vul per rij de drie antwoorden in en lees het hier in. Klopt één rij niet, dan wordt niets opgeslagen en staat elke foute rij hieronder. Opnieuw inlezen telt niets dubbel.',
        )}
      </p>
      <ul className="plain-list dashboard-downloads">
        <li>
          <a
            className="utrecht-link utrecht-link--html-a"
            href="/api/v1/goal-attainments/template?format=xlsx"
            download
          >
            {t('Bestand met beëindigde toewijzingen (Excel)')}
          </a>
        </li>
        <li>
          <a className="utrecht-link utrecht-link--html-a" href="/api/v1/goal-attainments/template?format=csv" download>
            {t('Bestand met beëindigde toewijzingen (CSV)')}
          </a>
        </li>
      </ul>
      <UploadForm<Saved>
        path="/goal-attainments/import"
        done={(r) => t('Ingelezen: {saved} toewijzingen vastgelegd, {unchanged} ongewijzigd.', r)}
        onSaved={onSaved}
      />
    </section>
  );
}
