import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { defaultSpecialisations } from '../../../shared/availability';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField } from '../../components/form-fields';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { DataList, Table } from '../../components/table';
import { api, ApiError, fetchAll } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import type { Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import {
  draftFromEntry,
  emptyEntry,
  entryFieldLabels,
  toCreate,
  toUpdate,
  unreadable,
  type EntryDraft,
} from './entry-draft';
import { EntryFields } from './entry-fields';
import { Freshness, Intake, locationLabel, productLabel } from './parts';
import { eventLabels, type ContractedProduct, type Entry, type EntryWithHistory, type Settings } from './types';

/** The region's specialisations: the vocabulary the server checks against. */
function useVocabulary(): string[] {
  const region = useRegion();
  const [settings] = useLoad(
    (signal) =>
      region ? api<Settings>(`/regions/${region.id}/availability-settings`, { signal }) : Promise.resolve(null),
    [region?.id],
  );
  return settings.status === 'ok' && settings.data ? settings.data.specialisations : [...defaultSpecialisations];
}

/** Adds an entry for one of the provider's own locations and a product it is contracted for today (the server checks). */
export function EntryNewPage() {
  const user = useUser();
  const [params] = useSearchParams();
  const providerId = user.providerId ?? params.get('aanbieder') ?? '';
  return providerId ? <NewEntry providerId={providerId} /> : <ChooseProvider />;
}

function NewEntry({ providerId }: { providerId: string }) {
  const [state] = useLoad(
    async (signal) => {
      const [provider, products] = await Promise.all([
        api<Provider>(`/providers/${encodeURIComponent(providerId)}`, { signal }),
        api<{ data: ContractedProduct[] }>(
          `/availability/contracted-products?providerId=${encodeURIComponent(providerId)}`,
          { signal },
        ).then((r) => r.data),
      ]);
      return { provider, products };
    },
    [providerId],
  );
  return <Loaded state={state}>{(data) => <EntryForm provider={data.provider} products={data.products} />}</Loaded>;
}

/** The backoffice adds an entry for a provider it chooses first. */
function ChooseProvider() {
  const { t } = useT();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState('');
  const [providers] = useLoad((signal) => fetchAll<Provider>('/providers', {}, signal), []);
  useDocumentTitle(t('Regel toevoegen'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Regel toevoegen')}</h1>
      <Loaded state={providers}>
        {(list) => (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              if (chosen) navigate(`?aanbieder=${chosen}`);
            }}
          >
            <SelectField
              id="aanbieder"
              label={t('Aanbieder')}
              placeholder={t('Kies een aanbieder')}
              options={list.map((p) => ({ value: p.id, label: p.name }))}
              value={chosen}
              onChange={setChosen}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary">
                {t('Verder')}
              </Button>
              <TextLink to="/beschikbaarheid/aanbod">{t('Annuleren')}</TextLink>
            </ButtonGroup>
          </form>
        )}
      </Loaded>
    </>
  );
}

/** One entry: its figures, the form to change them (who may edit) and who changed or confirmed what, when. */
export function EntryPage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const [state, reload] = useLoad(
    (signal) => api<EntryWithHistory>(`/availability/entries/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  if (state.status === 'error' && state.error.status === 404 && user.providerId)
    return (
      <ProblemPage
        error={
          new ApiError({
            ...state.error.problem,
            detail: t(
              'Deze beschikbaarheidsregel bestaat niet of hoort bij een andere organisatie. U ziet en wijzigt alleen de beschikbaarheid van uw eigen organisatie.',
            ),
          })
        }
      />
    );
  const refreshing = state.status === 'ok' && Boolean(state.refreshing);
  return (
    <Loaded state={state}>{(entry) => <EntryView entry={entry} refreshing={refreshing} reload={reload} />}</Loaded>
  );
}

function EntryView({
  entry,
  refreshing,
  reload,
}: {
  entry: EntryWithHistory;
  /** The saved entry is being read again: the figures and history shown are still the ones from before saving. */
  refreshing: boolean;
  reload(): void;
}) {
  const { t } = useT();
  const user = useUser();
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  // "Saved" is said once the page shows the saved figures and the history with the change, not before: the form is
  // drawn anew with them, and the focus goes to the message.
  const savedShown = saved && !refreshing;
  useEffect(() => {
    if (savedShown) savedRef.current?.focus();
  }, [savedShown, entry.updatedAt]);
  const title = `${productLabel(entry, t('Productcategorie'))}, ${entry.location.name}`;
  useDocumentTitle(title);
  return (
    <>
      <p className="utrecht-paragraph">
        <TextLink to="/beschikbaarheid/aanbod">{t('Terug naar de beschikbaarheid')}</TextLink>
      </p>
      <h1 className="utrecht-heading-1">{title}</h1>
      <SavedNotice />
      <DataList
        items={[
          [t('Aanbieder'), entry.provider.name],
          [t('Locatie'), locationLabel(entry)],
          [t('Aanname'), <Intake key="intake" entry={entry} />],
          [t('Laatst bevestigd'), <Freshness key="fresh" entry={entry} />],
        ]}
      />
      <div ref={savedRef} tabIndex={-1}>
        {savedShown && <Alert type="ok">{t('De gegevens zijn opgeslagen.')}</Alert>}
      </div>
      {can(user, 'availability.edit') && (
        <EntryForm
          key={entry.updatedAt}
          entry={entry}
          onSaved={() => {
            setSaved(true);
            reload();
          }}
          onEdit={() => setSaved(false)}
        />
      )}
      <h2 className="utrecht-heading-2">{t('Historie')}</h2>
      <Table
        caption={t('Wie wat wanneer bijwerkte of bevestigde')}
        captionHidden
        rows={entry.history}
        busy={refreshing}
        rowKey={(h) => `${h.at}-${h.kind}`}
        empty={t('Nog geen historie.')}
        columns={[
          { header: t('Wanneer'), rowHeader: true, cell: (h) => formatDateTime(h.at) },
          { header: t('Wat'), cell: (h) => t(eventLabels[h.kind]) },
          { header: t('Wie'), cell: (h) => h.user ?? '—' },
          {
            header: t('Wachttijd (weken)'),
            cell: (h) =>
              t('aanmelding {intake}, behandeling {treatment}', {
                intake: h.intakeWaitWeeks,
                treatment: h.treatmentWaitWeeks,
              }),
          },
          { header: t('Wachtlijst'), numeric: true, cell: (h) => h.waitingListCount },
          { header: t('Plaatsen'), numeric: true, cell: (h) => h.openPlaces ?? '—' },
        ]}
      />
    </>
  );
}

function EntryForm({
  entry,
  provider,
  products,
  onSaved,
  onEdit,
}: {
  entry?: Entry;
  provider?: Provider;
  products?: ContractedProduct[];
  onSaved?(): void;
  onEdit?(): void;
}) {
  const { t } = useT();
  const user = useUser();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const vocabulary = useVocabulary();
  const [draft, setDraft] = useState<EntryDraft>(() =>
    entry ? draftFromEntry(entry) : { ...emptyEntry, locationId: provider?.locations[0]?.id ?? '' },
  );
  const [busy, setBusy] = useState(false);
  const title = entry ? t('Bijwerken') : t('Regel toevoegen voor {name}', { name: provider?.name ?? '' });
  useDocumentTitle(entry ? null : errors.hasAny ? `${t('Fout')}: ${title}` : title);
  const set =
    <K extends keyof EntryDraft>(key: K) =>
    (value: EntryDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    onEdit?.();
    const bad = unreadable(draft);
    if (bad.length) return errors.failWith(bad);
    setBusy(true);
    try {
      if (entry) {
        await api<Entry>(`/availability/entries/${entry.id}`, { method: 'PATCH', body: toUpdate(draft) });
        onSaved?.();
      } else {
        const created = await api<Entry>('/availability/entries', {
          method: 'POST',
          body: toCreate(draft, user.providerId ? null : (provider?.id ?? null)),
        });
        navigate(`/beschikbaarheid/aanbod/${created.id}`, { state: { saved: true } });
      }
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  const Heading = entry ? 'h2' : 'h1';
  return (
    <>
      <Heading className={entry ? 'utrecht-heading-2' : 'utrecht-heading-1'}>{title}</Heading>
      <ErrorSummary errors={errors} labels={translateLabels(entryFieldLabels, t)} level={entry ? 3 : 2} />
      <form onSubmit={submit} noValidate className="form">
        {!entry && provider && products && (
          <>
            <SelectField
              id="locationId"
              label={t('Locatie')}
              options={provider.locations.map((l) => ({
                value: l.id,
                label: `${l.name}, ${l.postcode} ${l.city ?? ''}`,
              }))}
              placeholder={provider.locations.length ? undefined : t('Geen locaties')}
              value={draft.locationId}
              onChange={set('locationId')}
              error={errors.of('locationId')}
            />
            <SelectField
              id="productId"
              label={t('Product')}
              description={t('Alleen een product waarvoor de aanbieder een lopend contract heeft.')}
              placeholder={products.length ? t('Kies een product') : t('Geen lopende contracten')}
              options={products.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              value={draft.productId}
              onChange={set('productId')}
              error={errors.of('productId') ?? errors.of('productCategory')}
            />
          </>
        )}
        <EntryFields draft={draft} set={set} errors={errors} vocabulary={vocabulary} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <TextLink to="/beschikbaarheid/aanbod">{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}
