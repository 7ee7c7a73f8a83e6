import { useState } from 'react';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { Button, ButtonLink, TextLink } from '../../components/button';
import { FilterForm } from '../../components/filter-form';
import { SelectField } from '../../components/form-fields';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { SavedNotice } from '../../components/saved-notice';
import { StatusMessage } from '../../components/status-message';
import { Table } from '../../components/table';
import { api, fetchAll, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import type { Provider } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { Freshness, Intake, locationLabel, MeasuredWait, productLabel } from './parts';
import type { Entry } from './types';

const filterKeys = ['aanbieder', 'status', 'gemeten'] as const;
const staleQuery: Record<string, 'true' | 'false'> = { verouderd: 'true', actueel: 'false' };
const differsQuery: Record<string, 'true' | 'false'> = { 'wijkt-af': 'true', klopt: 'false' };

/**
 * The entries of a provider's availability: a provider's own (an aanbieder sees no other), or for the backoffice and
 * policy all providers' with a filter on provider and on stale, so the contract manager sees who is behind. Who may
 * edit confirms one entry or all of a provider's entries unchanged in one click.
 */
export function EntryListPage() {
  const { t } = useT();
  const user = useUser();
  const filters = useFilters(filterKeys);
  const own = user.providerId ?? null;
  const providerId = own ?? filters.values.aanbieder;
  const stale = staleQuery[filters.values.status];
  const waitDiffers = differsQuery[filters.values.gemeten];
  const mayEdit = can(user, 'availability.edit');
  useDocumentTitle(t('Beschikbaarheid'));
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, reload] = useLoad(
    (signal) =>
      api<Page<Entry>>(
        `/availability/entries${toQuery({ providerId: providerId || undefined, stale, waitDiffers, page: filters.page, pageSize: 50 })}`,
        { signal },
      ),
    [providerId, stale, waitDiffers, filters.page],
    { keepPrevious: true },
  );
  const [providers] = useLoad(
    (signal) => (own ? Promise.resolve([]) : fetchAll<Provider>('/providers', {}, signal)),
    [own],
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;

  async function confirm(ids: string[] | 'all') {
    setBusy(true);
    setMessage(null);
    setFailure(null);
    try {
      const entryIds =
        ids === 'all'
          ? (await fetchAll<Entry>('/availability/entries', { providerId: providerId || undefined })).map((e) => e.id)
          : ids;
      const result = await api<{ data: Entry[] }>('/availability/confirmations', {
        method: 'POST',
        body: { entryIds },
      });
      setMessage(
        t('{count} regel bevestigd als ongewijzigd.|{count} regels bevestigd als ongewijzigd.', {
          count: result.data.length,
        }),
      );
      reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const providerOptions = providers.status === 'ok' ? providers.data.map((p) => ({ value: p.id, label: p.name })) : [];
  const oneProvider = Boolean(providerId);
  const rows = state.status === 'ok' ? state.data.data : [];
  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{t('Beschikbaarheid')}</h1>
        {mayEdit && (
          <ButtonLink
            appearance="secondary"
            to={`/beschikbaarheid/aanbod/nieuw${providerId && !own ? `?aanbieder=${providerId}` : ''}`}
          >
            {t('Regel toevoegen')}
          </ButtonLink>
        )}
      </div>
      <p className="utrecht-paragraph">
        {own
          ? t(
              'Houd uw wachttijden, wachtlijst en plaatsen actueel. Verwijzers zien deze gegevens bij het zoeken; een regel die niet op tijd is bevestigd, staat als verouderd bij hen.',
            )
          : t('De gegevens die aanbieders opgeven, met wanneer ze voor het laatst zijn bevestigd.')}
      </p>
      <SavedNotice />
      <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
        {(draft, set) => (
          <>
            {!own && (
              <SelectField
                id="aanbieder"
                label={t('Aanbieder')}
                placeholder={t('Alle aanbieders')}
                options={providerOptions}
                value={draft.aanbieder}
                onChange={(v) => set('aanbieder', v)}
              />
            )}
            <SelectField
              id="status"
              label={t('Actualiteit')}
              placeholder={t('Alle regels')}
              options={[
                { value: 'verouderd', label: t('Alleen verouderd') },
                { value: 'actueel', label: t('Alleen actueel') },
              ]}
              value={draft.status}
              onChange={(v) => set('status', v)}
            />
            {!own && (
              <SelectField
                id="gemeten"
                label={t('Gemeten wachttijd')}
                placeholder={t('Alle regels')}
                options={[
                  { value: 'wijkt-af', label: t('Wijkt meer dan de marge af van de gemelde') },
                  { value: 'klopt', label: t('Binnen de marge of niet gemeten') },
                ]}
                value={draft.gemeten}
                onChange={(v) => set('gemeten', v)}
              />
            )}
          </>
        )}
      </FilterForm>
      <StatusMessage message={message} />
      {failure && <Alert type="error">{failure}</Alert>}
      {mayEdit && oneProvider && rows.length > 0 && (
        <p className="utrecht-paragraph">
          <Button appearance="primary" disabled={busy} onClick={() => void confirm('all')}>
            {t('Alles ongewijzigd bevestigen')}
          </Button>
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} regel|{count} regels', { count: state.data.page.totalElements })}
            rows={rows}
            busy={state.refreshing}
            rowKey={(e) => e.id}
            empty={t('Geen regels gevonden.')}
            columns={[
              ...(own ? [] : [{ header: t('Aanbieder'), cell: (e: Entry) => e.provider.name }]),
              {
                header: t('Product'),
                rowHeader: true,
                cell: (e) => (
                  <TextLink to={`/beschikbaarheid/aanbod/${e.id}`}>{productLabel(e, t('Productcategorie'))}</TextLink>
                ),
              },
              { header: t('Locatie'), cell: (e) => locationLabel(e) },
              {
                header: t('Wachttijd (weken)'),
                cell: (e) =>
                  t('aanmelding {intake}, behandeling {treatment}', {
                    intake: e.intakeWaitWeeks,
                    treatment: e.treatmentWaitWeeks,
                  }),
              },
              { header: t('Gemeten wachttijd'), cell: (e) => <MeasuredWait entry={e} /> },
              { header: t('Wachtlijst'), numeric: true, cell: (e) => e.waitingListCount },
              { header: t('Plaatsen'), numeric: true, cell: (e) => e.openPlaces ?? '—' },
              { header: t('Aanname'), cell: (e) => <Intake entry={e} /> },
              { header: t('Laatst bevestigd'), cell: (e) => <Freshness entry={e} /> },
              ...(mayEdit
                ? [
                    {
                      header: t('Actie'),
                      cell: (e: Entry) => (
                        <Button
                          appearance="subtle"
                          disabled={busy}
                          onClick={() => void confirm([e.id])}
                          aria-label={t('{product} op {location} ongewijzigd bevestigen', {
                            product: productLabel(e, t('Productcategorie')),
                            location: e.location.name,
                          })}
                        >
                          {t('Bevestigen')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
        </>
      )}
    </>
  );
}
