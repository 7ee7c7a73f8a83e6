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
  endedOn: 'Laatste dag',
  endReason: 'Reden beëindiging',
};

const empty = { name: '', leadProviderId: '', subcontractorIds: [] as string[], endedOn: '', endReason: '' };

const draftOf = (c: Combination) => ({
  name: c.name,
  leadProviderId: c.leadProviderId,
  subcontractorIds: c.members.filter((m) => m.role === 'onderaannemer').map((m) => m.providerId),
  endedOn: c.endedOn ?? '',
  endReason: c.endReason ?? '',
});

/**
 * "Nieuwe combinatie": a name, the lead provider and any subcontractors. The lead is left out of the
 * subcontractor list, as it is always a member. After saving, the list above shows it and a status says so.
 * With `combination` it changes that one instead, and can end it: a last day with a reason (emptied, it exists again).
 */
export function CombinationForm({
  providers,
  combination,
  onCreated,
}: {
  providers: Provider[];
  combination?: Combination;
  onCreated(saved: Combination): Promise<void>;
}) {
  const { t } = useT();
  const region = useRegion();
  const errors = useFormErrors('combinatie');
  const [draft, setDraft] = useState(combination ? draftOf(combination) : empty);
  const { allowLeave } = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const label = (p: Provider) => `${p.name} (${p.agbCode})`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const members = {
        name: draft.name,
        leadProviderId: draft.leadProviderId,
        subcontractorIds: draft.subcontractorIds.filter((id) => id !== draft.leadProviderId),
      };
      const created = combination
        ? await api<Combination>(`/combinations/${combination.id}`, {
            method: 'PUT',
            body: { ...members, endedOn: draft.endedOn || null, endReason: draft.endReason.trim() || null },
          })
        : await api<Combination>('/combinations', { method: 'POST', body: { regionId: region?.id ?? '', ...members } });
      allowLeave();
      await onCreated(created);
      if (combination) return;
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
        {combination ? t('Combinatie wijzigen of beëindigen') : t('Nieuwe combinatie')}
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
        {combination && (
          <>
            <TextField
              id="combinatie-endedOn"
              type="date"
              label={t('Laatste dag')}
              description={t('Alleen als de combinatie stopt; leeg laten zolang zij bestaat')}
              value={draft.endedOn}
              onChange={(endedOn) => setDraft((d) => ({ ...d, endedOn }))}
              error={errors.of('endedOn')}
            />
            <TextField
              id="combinatie-endReason"
              label={t('Reden beëindiging')}
              value={draft.endReason}
              onChange={(endReason) => setDraft((d) => ({ ...d, endReason }))}
              error={errors.of('endReason')}
            />
          </>
        )}
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Opslaan')}
        </Button>
      </form>
    </section>
  );
}
