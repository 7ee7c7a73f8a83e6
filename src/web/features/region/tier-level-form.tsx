import { useEffect, useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { StatusMessage } from '../../components/status-message';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { api } from '../../lib/api-client';
import { useFormErrors, type FormErrors } from '../../lib/form-errors';
import { tierSchemeLabels } from '../../lib/labels';
import { useRegionRefresh } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import type { TierLevel } from '../../lib/types';
import { useT } from '../../i18n';
import {
  draftFromTierLevel,
  emptyTierLevel,
  tierLevelFieldLabels,
  toTierLevelCreate,
  toTierLevelUpdate,
  type TierLevelDraft,
  type TierScheme,
} from './tier-level-draft';

/** The fields of a tier level; scheme and code only when adding, since the API does not change them. */
function TierLevelFields({
  prefix,
  draft,
  set,
  errors,
  levels,
  self,
}: {
  prefix: string;
  draft: TierLevelDraft;
  set(patch: Partial<TierLevelDraft>): void;
  errors: FormErrors;
  levels: TierLevel[];
  self?: TierLevel;
}) {
  const { t } = useT();
  const excludable = levels
    .filter((l) => l.scheme === draft.scheme && l.id !== self?.id)
    .map((l) => ({ value: l.code, label: `${l.code} – ${l.name}` }));
  if (draft.excludesCode && !excludable.some((o) => o.value === draft.excludesCode))
    excludable.push({ value: draft.excludesCode, label: draft.excludesCode });
  return (
    <>
      {!self && (
        <>
          <RadioGroup
            id={`${prefix}-scheme`}
            legend={t('Indeling')}
            options={(Object.keys(tierSchemeLabels) as TierScheme[]).map((s) => ({
              value: s,
              label: t(tierSchemeLabels[s]),
            }))}
            value={draft.scheme}
            onChange={(scheme) => set({ scheme: scheme as TierScheme, excludesCode: '' })}
            error={errors.of('scheme')}
          />
          <TextField
            id={`${prefix}-code`}
            label={t('Code')}
            description={t('Uniek binnen de indeling, zoals hoog of A')}
            className="narrow"
            autoComplete="off"
            value={draft.code}
            onChange={(code) => set({ code })}
            error={errors.of('code')}
          />
        </>
      )}
      <TextField
        id={`${prefix}-name`}
        label={t('Naam')}
        autoComplete="off"
        value={draft.name}
        onChange={(name) => set({ name })}
        error={errors.of('name')}
      />
      <TextAreaField
        id={`${prefix}-description`}
        label={t('Omschrijving')}
        description={t('Mag leeg blijven')}
        rows={2}
        value={draft.description}
        onChange={(description) => set({ description })}
        error={errors.of('description')}
      />
      <TextField
        id={`${prefix}-accountMeetingsPerYear`}
        label={t('Accountgesprekken per jaar')}
        description={t('Een heel getal van 0 tot en met 52; mag leeg blijven')}
        inputMode="numeric"
        autoComplete="off"
        className="narrow"
        value={draft.accountMeetingsPerYear}
        onChange={(accountMeetingsPerYear) => set({ accountMeetingsPerYear })}
        error={errors.of('accountMeetingsPerYear')}
      />
      <SelectField
        id={`${prefix}-excludesCode`}
        label={t('Sluit uit')}
        description={t('Een niveau in dezelfde indeling dat een aanbieder er niet bij mag hebben')}
        placeholder={t('Geen')}
        options={excludable}
        value={draft.excludesCode}
        onChange={(excludesCode) => set({ excludesCode })}
        error={errors.of('excludesCode')}
      />
    </>
  );
}

/** "Niveau toevoegen": posts a level to one of the region's two schemes. */
export function TierLevelAddForm({ regionId, levels }: { regionId: string; levels: TierLevel[] }) {
  const { t } = useT();
  const refresh = useRegionRefresh();
  const prefix = 'niveau';
  const errors = useFormErrors(prefix);
  const [draft, setDraft] = useState<TierLevelDraft>(emptyTierLevel);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const { problems, body } = toTierLevelCreate(draft, t('moet een heel getal zijn'));
    if (problems.length) return errors.failWith(problems);
    setBusy(true);
    try {
      const level = await api<TierLevel>(`/regions/${regionId}/tier-levels`, { method: 'POST', body });
      await refresh();
      errors.clear();
      setDraft({ ...emptyTierLevel, scheme: draft.scheme });
      setMessage(
        t('{name} is toegevoegd aan {scheme}.', {
          name: `${level.code} – ${level.name}`,
          scheme: t(tierSchemeLabels[level.scheme]),
        }),
      );
      document.getElementById(`${prefix}-code`)?.focus();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3 id="niveau-add-heading" className="utrecht-heading-3">
        {t('Niveau toevoegen')}
      </h3>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} labels={translateLabels(tierLevelFieldLabels, t, prefix)} level={4} />
      <form className="form" aria-labelledby="niveau-add-heading" onSubmit={submit} noValidate>
        <TierLevelFields
          prefix={prefix}
          draft={draft}
          set={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
          levels={levels}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Toevoegen')}
        </Button>
      </form>
    </>
  );
}

/** Changes one level in place (PATCH /tier-levels/{id}); it takes focus when it opens. */
export function TierLevelEditForm({
  level,
  levels,
  onDone,
}: {
  level: TierLevel;
  levels: TierLevel[];
  onDone(saved: TierLevel | null): void;
}) {
  const { t } = useT();
  const refresh = useRegionRefresh();
  const prefix = 'niveau-wijzigen';
  const errors = useFormErrors(prefix);
  const [draft, setDraft] = useState<TierLevelDraft>(() => draftFromTierLevel(level));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.getElementById(`${prefix}-name`)?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { problems, body } = toTierLevelUpdate(draft, t('moet een heel getal zijn'));
    if (problems.length) return errors.failWith(problems);
    setBusy(true);
    try {
      const saved = await api<TierLevel>(`/tier-levels/${level.id}`, { method: 'PATCH', body });
      await refresh();
      onDone(saved);
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  return (
    <div className="tier-edit">
      <h4 id="niveau-wijzigen-heading" className="utrecht-heading-4">
        {t('{name} bewerken', { name: `${level.code} – ${level.name}` })}
      </h4>
      <ErrorSummary errors={errors} labels={translateLabels(tierLevelFieldLabels, t, prefix)} level={4} />
      <form className="form" aria-labelledby="niveau-wijzigen-heading" onSubmit={submit} noValidate>
        <TierLevelFields
          prefix={prefix}
          draft={draft}
          set={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
          levels={levels}
          self={level}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <Button appearance="subtle" onClick={() => onDone(null)}>
            {t('Annuleren')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
