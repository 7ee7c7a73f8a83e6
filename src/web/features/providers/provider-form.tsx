import { can } from '../../../shared/permissions';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxField, CheckboxGroup, TextAreaField, TextField } from '../../components/form-fields';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { DataList } from '../../components/table';
import { api, ApiError } from '../../lib/api-client';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { editProvider, selfServiceOnly, useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { domainLabels } from '../../lib/labels';
import { useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import type { Provider, ProviderDomain } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT, type Translate } from '../../i18n';
import { LocationsEditor } from './locations-editor';
import {
  draftFromProvider,
  emptyProvider,
  providerFieldLabels,
  toCreate,
  toUpdate,
  type ProviderDraft,
  unreadableLocations,
} from './provider-draft';
import { TierFields } from './tier-fields';

export function forbidden(t: Translate, detail: string): ApiError {
  return new ApiError({ type: 'about:blank', title: t('Geen toegang'), status: 403, code: 'forbidden', detail });
}

export function ProviderNewPage() {
  const { t } = useT();
  const user = useUser();
  if (!can(user, 'providers.create'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag geen aanbieders toevoegen.'))} />;
  return <ProviderForm />;
}

export function ProviderEditPage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const [state] = useLoad((signal) => api<Provider>(`/providers/${encodeURIComponent(id)}`, { signal }), [id]);
  return (
    <Loaded state={state}>
      {(provider) =>
        editProvider(user, provider.id) ? (
          <ProviderForm provider={provider} />
        ) : (
          <ProblemPage error={forbidden(t, t('Uw rol mag deze aanbieder niet wijzigen.'))} />
        )
      }
    </Loaded>
  );
}

function ProviderForm({ provider }: { provider?: Provider }) {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<ProviderDraft>(() => (provider ? draftFromProvider(provider) : emptyProvider));
  const unsaved = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const selfOnly = selfServiceOnly(user);
  const title = provider ? t('{name} bewerken', { name: provider.name }) : t('Nieuwe aanbieder');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);

  const set =
    <K extends keyof ProviderDraft>(key: K) =>
    (value: ProviderDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const bad = unreadableLocations(draft);
    if (bad.length) return errors.failWith(bad);
    setBusy(true);
    try {
      const saved = provider
        ? await api<Provider>(`/providers/${provider.id}`, { method: 'PATCH', body: toUpdate(draft, selfOnly) })
        : await api<Provider>('/providers', { method: 'POST', body: toCreate(draft) });
      unsaved.allowLeave();
      navigate(`/aanbieders/${saved.id}`, { state: { saved: true } });
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  const domainOptions = (Object.keys(domainLabels) as ProviderDomain[]).map((d) => ({
    value: d,
    label: t(domainLabels[d]),
  }));
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} labels={translateLabels(providerFieldLabels, t)} />
      <form onSubmit={submit} noValidate className="form">
        {selfOnly && provider ? (
          <>
            <Alert type="info">
              {t(
                'AGB-code, KvK-nummer, naam, status en niveaus beheert de regio. U houdt de overige gegevens actueel.',
              )}
            </Alert>
            <DataList
              items={[
                [t('AGB-code'), provider.agbCode],
                [t('KvK-nummer'), provider.kvkNumber ?? '—'],
                [t('Naam'), provider.name],
                [t('Actief'), provider.active ? t('Ja') : t('Nee')],
                [t('Niveaus'), provider.tiers.map((tier) => tier.name).join(', ') || '—'],
              ]}
            />
          </>
        ) : (
          <>
            <TextField
              id="agbCode"
              label={t('AGB-code')}
              description={t('8 cijfers')}
              inputMode="numeric"
              autoComplete="off"
              value={draft.agbCode}
              onChange={set('agbCode')}
              error={errors.of('agbCode')}
            />
            <TextField
              id="kvkNumber"
              label={t('KvK-nummer')}
              description={t('8 cijfers, mag leeg blijven')}
              inputMode="numeric"
              autoComplete="off"
              value={draft.kvkNumber}
              onChange={set('kvkNumber')}
              error={errors.of('kvkNumber')}
            />
            <TextField
              id="name"
              label={t('Naam')}
              autoComplete="organization"
              value={draft.name}
              onChange={set('name')}
              error={errors.of('name')}
            />
          </>
        )}
        <CheckboxGroup
          id="domains"
          legend={t('Domeinen')}
          options={domainOptions}
          values={draft.domains}
          onChange={(v) => set('domains')(v as ProviderDomain[])}
          error={errors.ofGroup('domains')}
        />
        <TextAreaField
          id="specialisations"
          label={t('Specialisaties')}
          description={t('Eén specialisatie per regel')}
          rows={4}
          value={draft.specialisations}
          onChange={set('specialisations')}
          error={errors.ofGroup('specialisations')}
        />
        <TextField
          id="website"
          type="url"
          label={t('Website')}
          description={t('Volledig webadres, zoals https://www.voorbeeld.nl')}
          autoComplete="url"
          value={draft.website}
          onChange={set('website')}
          error={errors.of('website')}
        />
        {!selfOnly && (
          <>
            <CheckboxField
              id="active"
              label={t('Actief')}
              checked={draft.active}
              onChange={set('active')}
              error={errors.of('active')}
            />
            <TierFields
              levels={region?.tierLevels ?? []}
              selected={draft.tierLevelIds}
              onChange={set('tierLevelIds')}
              error={errors.ofGroup('tierLevelIds')}
            />
          </>
        )}
        <LocationsEditor rows={draft.locations} onChange={set('locations')} errors={errors} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <TextLink to={provider ? `/aanbieders/${provider.id}` : '/aanbieders'}>{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}
