import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxGroup, SelectField, TextField } from '../../components/form-fields';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api-client';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useFormErrors } from '../../lib/form-errors';
import { useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import type { Combination, Provider } from '../../lib/types';
import { useT, type Msg } from '../../i18n';

const labels: Record<string, Msg> = {
  regionId: 'Regio',
  name: 'Naam',
  leadProviderId: 'Hoofdaannemer',
  subcontractorIds: 'Onderaannemers',
};

const empty = { name: '', leadProviderId: '', subcontractorIds: [] as string[] };

/**
 * "Nieuwe combinatie": a name, the lead provider and any subcontractors. The lead is left out of the
 * subcontractor list, as it is always a member. After saving, the list above shows it and a status says so.
 */
export function CombinationForm({ providers, onCreated }: { providers: Provider[]; onCreated(): Promise<void> }) {
  const { t } = useT();
  const region = useRegion();
  const errors = useFormErrors('combinatie');
  const [draft, setDraft] = useState(empty);
  useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const label = (p: Provider) => `${p.name} (${p.agbCode})`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const created = await api<Combination>('/combinations', {
        method: 'POST',
        body: {
          regionId: region?.id ?? '',
          name: draft.name,
          leadProviderId: draft.leadProviderId,
          subcontractorIds: draft.subcontractorIds.filter((id) => id !== draft.leadProviderId),
        },
      });
      await onCreated();
      errors.clear();
      setDraft(empty);
      setMessage(t('{name} is toegevoegd.', { name: created.name }));
      document.getElementById('combinatie-name')?.focus();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="combinatie-heading">
      <h2 id="combinatie-heading" className="utrecht-heading-2">
        {t('Nieuwe combinatie')}
      </h2>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} labels={translateLabels(labels, t, 'combinatie')} level={3} />
      <form className="form" aria-labelledby="combinatie-heading" onSubmit={submit} noValidate>
        <TextField
          id="combinatie-name"
          label={t('Naam')}
          description={t('Zoals de combinatie in contracten heet')}
          autoComplete="off"
          value={draft.name}
          onChange={(name) => setDraft((d) => ({ ...d, name }))}
          error={errors.of('name')}
        />
        <SelectField
          id="combinatie-leadProviderId"
          label={t('Hoofdaannemer')}
          placeholder={t('Kies de hoofdaannemer')}
          options={providers.map((p) => ({ value: p.id, label: label(p) }))}
          value={draft.leadProviderId}
          onChange={(leadProviderId) =>
            setDraft((d) => ({
              ...d,
              leadProviderId,
              subcontractorIds: d.subcontractorIds.filter((id) => id !== leadProviderId),
            }))
          }
          error={errors.of('leadProviderId')}
        />
        <CheckboxGroup
          id="combinatie-subcontractorIds"
          legend={t('Onderaannemers')}
          description={t('De hoofdaannemer hoort er altijd bij')}
          options={providers
            .filter((p) => p.id !== draft.leadProviderId)
            .map((p) => ({ value: p.id, label: label(p) }))}
          values={draft.subcontractorIds}
          onChange={(subcontractorIds) => setDraft((d) => ({ ...d, subcontractorIds }))}
          error={errors.ofGroup('subcontractorIds')}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Opslaan')}
        </Button>
      </form>
    </section>
  );
}
