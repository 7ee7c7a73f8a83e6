import { useState, type FormEvent } from 'react';
import { can } from '../../../shared/permissions';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { Loading } from '../../components/page-state';
import { StatusMessage } from '../../components/status-message';
import { DataList } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { parseInteger } from '../../lib/format';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';

/** The region's settings for reading figures over time (GET/PUT /kpi-settings). */
export interface KpiSettings {
  provisionalLagMonths: number;
  treeknormIntakeDays: number;
  treeknormTreatmentDays: number;
}
type Field = keyof KpiSettings;
const fields: Field[] = ['provisionalLagMonths', 'treeknormIntakeDays', 'treeknormTreatmentDays'];

const fieldLabels: Record<Field, Msg> = {
  provisionalLagMonths: 'Voorlopig tot (maanden na de periode)',
  treeknormIntakeDays: 'Treeknorm tot intake (dagen)',
  treeknormTreatmentDays: 'Treeknorm tot behandeling (dagen)',
};
const fieldHelp: Record<Field, Msg> = {
  provisionalLagMonths:
    'Zo lang na het einde van een periode komen er nog declaraties binnen; tot dan heet de periode voorlopig. Standaard 3.',
  treeknormIntakeDays: 'De referentielijn bij de wachttijd tot intake. Standaard 28 dagen (4 weken).',
  treeknormTreatmentDays: 'De referentielijn bij de wachttijd tot de start van de zorg. Standaard 70 dagen (10 weken).',
};

/**
 * The settings under the targets: when a period stops being provisional, and the Treeknorm lines in the series. A
 * role that may change targets changes them here; others read them.
 */
export function KpiSettingsSection() {
  const { t } = useT();
  const user = useUser();
  const [state, reload] = useLoad((signal) => api<KpiSettings>('/kpi-settings', { signal }), []);
  return (
    <section className="target-form" aria-labelledby="instellingen-kop">
      <h2 id="instellingen-kop" className="utrecht-heading-2">
        {t('Voorlopige perioden en Treeknorm')}
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <p className="utrecht-paragraph">{t('De instellingen konden niet worden geladen.')}</p>
      )}
      {state.status === 'ok' &&
        (can(user, 'targets.edit') ? (
          <SettingsForm settings={state.data} onSaved={reload} />
        ) : (
          <DataList items={fields.map((f) => [t(fieldLabels[f]), state.data[f]])} />
        ))}
    </section>
  );
}

function SettingsForm({ settings, onSaved }: { settings: KpiSettings; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<Record<Field, string>>(() => ({
    provisionalLagMonths: String(settings.provisionalLagMonths),
    treeknormIntakeDays: String(settings.treeknormIntakeDays),
    treeknormTreatmentDays: String(settings.treeknormTreatmentDays),
  }));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const labels = translateLabels(fieldLabels, t);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const body = Object.fromEntries(fields.map((f) => [f, parseInteger(draft[f])])) as Record<Field, number>;
    const wrong = fields
      .filter((f) => Number.isNaN(body[f]) || draft[f].trim() === '')
      .map((name) => ({ name, code: 'invalid', reason: t('moet een heel getal zijn') }));
    if (wrong.length) {
      errors.failWith(wrong);
      return;
    }
    setBusy(true);
    try {
      await api<KpiSettings>('/kpi-settings', { method: 'PUT', body });
      errors.clear();
      setMessage(t('De instellingen zijn opgeslagen; de cijfers gebruiken ze meteen.'));
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} labels={labels} level={3} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="instellingen-kop">
        {fields.map((f) => (
          <TextField
            key={f}
            id={f}
            label={t(fieldLabels[f])}
            inputMode="numeric"
            autoComplete="off"
            value={draft[f]}
            onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
            error={errors.of(f)}
            description={t(fieldHelp[f])}
          />
        ))}
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Instellingen opslaan')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
