import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { parseInteger } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import type { Settings, SettingsUpdate } from './types';

const numbers = ['confirmEveryWeeks', 'intakeNormWeeks', 'treatmentNormWeeks', 'marginWeeks'] as const;
type Draft = Record<(typeof numbers)[number] | 'specialisations' | 'crisisLots', string>;

const labels: Record<string, Msg> = {
  confirmEveryWeeks: 'Bevestigen elke (weken)',
  intakeNormWeeks: 'Norm aanmeldwachttijd (weken)',
  treatmentNormWeeks: 'Norm behandelwachttijd (weken)',
  marginWeeks: 'Marge gemeten tegenover opgegeven (weken)',
  specialisations: 'Specialisaties',
  crisisLots: 'Percelen met crisiszorg',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The region's term for confirming, its wait norms and margin, and the specialisations providers choose from. */
export function SettingsPage() {
  const { t } = useT();
  const region = useRegion();
  useDocumentTitle(t('Instellingen beschikbaarheid'));
  const [state] = useLoad(
    (signal) =>
      region ? api<Settings>(`/regions/${region.id}/availability-settings`, { signal }) : new Promise<never>(() => {}),
    [region?.id],
  );
  return <Loaded state={state}>{(settings) => <SettingsForm settings={settings} />}</Loaded>;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<Draft>({
    ...(Object.fromEntries(numbers.map((k) => [k, String(settings[k])])) as Record<(typeof numbers)[number], string>),
    specialisations: settings.specialisations.join('\n'),
    crisisLots: settings.crisisLots.join('\n'),
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const bad = numbers.filter((k) => !Number.isInteger(parseInteger(draft[k])));
    if (bad.length)
      return errors.failWith(bad.map((name) => ({ name, code: 'invalid', reason: 'vul een heel getal in' })));
    setBusy(true);
    try {
      const body: SettingsUpdate = {
        ...(Object.fromEntries(numbers.map((k) => [k, parseInteger(draft[k])])) as Record<
          (typeof numbers)[number],
          number
        >),
        specialisations: lines(draft.specialisations),
        crisisLots: lines(draft.crisisLots),
      };
      const next = await api<Settings>(`/regions/${settings.regionId}/availability-settings`, {
        method: 'PATCH',
        body,
      });
      setDraft((d) => ({
        ...d,
        specialisations: next.specialisations.join('\n'),
        crisisLots: next.crisisLots.join('\n'),
      }));
      errors.clear();
      setSaved(true);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Instellingen beschikbaarheid')}</h1>
      {saved && <Alert type="ok">{t('De gegevens zijn opgeslagen.')}</Alert>}
      <ErrorSummary errors={errors} labels={translateLabels(labels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="confirmEveryWeeks"
          label={t(labels.confirmEveryWeeks!)}
          description={t('Een regel die langer niet is bijgewerkt of bevestigd, staat overal als verouderd.')}
          inputMode="numeric"
          value={draft.confirmEveryWeeks}
          onChange={set('confirmEveryWeeks')}
          error={errors.of('confirmEveryWeeks')}
        />
        <TextField
          id="intakeNormWeeks"
          label={t(labels.intakeNormWeeks!)}
          description={t('De Treeknorm: 4 weken')}
          inputMode="numeric"
          value={draft.intakeNormWeeks}
          onChange={set('intakeNormWeeks')}
          error={errors.of('intakeNormWeeks')}
        />
        <TextField
          id="treatmentNormWeeks"
          label={t(labels.treatmentNormWeeks!)}
          description={t('De Treeknorm: 10 weken')}
          inputMode="numeric"
          value={draft.treatmentNormWeeks}
          onChange={set('treatmentNormWeeks')}
          error={errors.of('treatmentNormWeeks')}
        />
        <TextField
          id="marginWeeks"
          label={t(labels.marginWeeks!)}
          inputMode="numeric"
          value={draft.marginWeeks}
          onChange={set('marginWeeks')}
          error={errors.of('marginWeeks')}
        />
        <TextAreaField
          id="specialisations"
          label={t(labels.specialisations!)}
          description={t('Eén specialisatie per regel. Aanbieders kiezen hieruit; verwijzers zoeken erop.')}
          rows={Math.max(6, lines(draft.specialisations).length + 1)}
          value={draft.specialisations}
          onChange={set('specialisations')}
          error={errors.ofGroup('specialisations')}
        />
        <TextAreaField
          id="crisisLots"
          label={t(labels.crisisLots!)}
          description={t('Eén perceelcode per regel. Crisiszorg kan geen cliëntenstop hebben.')}
          rows={2}
          value={draft.crisisLots}
          onChange={set('crisisLots')}
          error={errors.ofGroup('crisisLots')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
