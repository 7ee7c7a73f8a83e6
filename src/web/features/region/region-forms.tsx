import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api-client';
import { useFormErrors } from '../../lib/form-errors';
import { useUser } from '../../lib/auth';
import { useRegionRefresh } from '../../lib/region';
import { chooseRegion } from '../../lib/region-choice';
import type { Region } from '../../lib/types';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useT } from '../../i18n';

/**
 * A new region from nothing (the installation's beheerder): its code and name; the region gets the default tier
 * schemes, and its municipalities, lots and budget lines are added on the page that follows. `another`: the keeper
 * already works in a region (a shared service centre); the new one becomes the region every page shows, read anew.
 */
export function NewRegionForm({ another = false }: { another?: boolean }) {
  const { t } = useT();
  const user = useUser();
  const refresh = useRegionRefresh();
  const errors = useFormErrors('regio');
  const [draft, setDraft] = useState({ code: '', name: '' });
  const unsaved = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const labels = another
    ? { code: t('Code van de nieuwe regio'), name: t('Naam van de nieuwe regio') }
    : { code: t('Code van de regio'), name: t('Naam van de regio') };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api<Region>('/regions', {
        method: 'POST',
        body: { code: draft.code.trim(), name: draft.name.trim() },
      });
      unsaved.allowLeave();
      if (!another) return await refresh();
      chooseRegion(user, created.id);
      window.location.assign('/regio');
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="regio-nieuw-heading">
      <h2 id="regio-nieuw-heading" className="utrecht-heading-2">
        {another ? t('Nog een regio aanmaken') : t('Regio aanmaken')}
      </h2>
      <p className="utrecht-paragraph">
        {t(
          'Daarna voegt u de gemeenten, percelen en begrotingsposten toe. De regio krijgt de standaardniveaus (hoog/midden/basis en A/B/C), die u kunt aanpassen.',
        )}
      </p>
      <ErrorSummary errors={errors} labels={labels} level={3} />
      <form className="inline-form" aria-labelledby="regio-nieuw-heading" onSubmit={submit} noValidate>
        <TextField
          id="regio-code"
          label={labels.code}
          description={t('Kleine letters, cijfers en streepjes, zoals lekstroom; staat in adressen en blijft gelijk')}
          autoComplete="off"
          value={draft.code}
          onChange={(code) => setDraft((d) => ({ ...d, code }))}
          error={errors.of('code')}
        />
        <TextField
          id="regio-name"
          label={labels.name}
          autoComplete="off"
          value={draft.name}
          onChange={(name) => setDraft((d) => ({ ...d, name }))}
          error={errors.of('name')}
        />
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('Regio aanmaken')}
        </Button>
      </form>
    </section>
  );
}

/** The region's name, changed in place; its code stays (public addresses use it). */
export function RegionNameForm({ region }: { region: Region }) {
  const { t } = useT();
  const refresh = useRegionRefresh();
  const errors = useFormErrors('regionaam');
  const [name, setName] = useState(region.name);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useUnsavedChanges(name === region.name ? '' : name);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await api<Region>(`/regions/${region.id}`, { method: 'PATCH', body: { name: name.trim() } });
      await refresh();
      errors.clear();
      setMessage(t('De naam van de regio is gewijzigd.'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} labels={{ name: t('Naam van de regio') }} level={2} />
      <form className="inline-form" aria-label={t('Regio hernoemen')} onSubmit={submit} noValidate>
        <TextField
          id="regionaam-name"
          label={t('Naam van de regio')}
          description={t('Code: {code}', { code: region.code })}
          autoComplete="off"
          value={name}
          onChange={setName}
          error={errors.of('name')}
        />
        <Button type="submit" disabled={busy || name.trim() === region.name}>
          {t('Naam opslaan')}
        </Button>
      </form>
    </>
  );
}
