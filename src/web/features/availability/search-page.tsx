import { useMemo } from 'react';
import { offerForms } from '../../../shared/availability';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FilterForm } from '../../components/filter-form';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { Loading } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination } from '../../components/pagination';
import { DataList } from '../../components/table';
import { api, fetchAll, toQuery, type Page } from '../../lib/api-client';
import { formatDate, todayIso } from '../../lib/format';
import { inUse, useRegion } from '../../lib/region';
import type { Product } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { Freshness, Intake, languagesLabel, locationLabel, MeasuredWait, productLabel } from './parts';
import { offerFormLabels, type Offer, type Settings } from './types';

const filterKeys = [
  'gemeente',
  'postcode',
  'afstand',
  'sortering',
  'product',
  'categorie',
  'specialisatie',
  'leeftijd',
  'vorm',
  'nieuw',
] as const;
const maxDistances = ['5', '10', '15', '25', '50'];

/**
 * The referrer's search: contracted providers with room for this child, shortest wait first, as the API orders them.
 * The filters live in the address, so a result can be shared as a link; "Afdrukken" prints the shortlist on one page.
 */
export function SearchPage() {
  const { t } = useT();
  const region = useRegion();
  const filters = useFilters(filterKeys);
  const v = filters.values;
  useDocumentTitle(t('Beschikbaarheid zoeken'));
  const [reference] = useLoad(
    async (signal) => {
      const [products, settings] = await Promise.all([
        fetchAll<Product>('/products', {}, signal),
        region ? api<Settings>(`/regions/${region.id}/availability-settings`, { signal }) : Promise.resolve(null),
      ]);
      return { products, vocabulary: settings?.specialisations ?? [] };
    },
    [region?.id],
  );
  const [state] = useLoad(
    (signal) =>
      api<Page<Offer>>(
        `/availability/offers${toQuery({
          municipality: v.gemeente,
          productId: v.product,
          productCategory: v.product ? undefined : v.categorie,
          specialisation: v.specialisatie,
          age: v.leeftijd,
          offerForm: v.vorm,
          takesNewClients: v.nieuw ? 'true' : undefined,
          postcode: v.postcode || undefined,
          maxDistanceKm: v.afstand || undefined,
          sort: v.sortering === 'afstand' ? 'distance' : undefined,
          page: filters.page,
          pageSize: 20,
        })}`,
        { signal },
      ),
    [
      v.gemeente,
      v.postcode,
      v.afstand,
      v.sortering,
      v.product,
      v.categorie,
      v.specialisatie,
      v.leeftijd,
      v.vorm,
      v.nieuw,
      filters.page,
    ],
    { keepPrevious: true },
  );
  const products = reference.status === 'ok' ? reference.data.products : [];
  const categories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of products) seen.set(p.productCategory, p.productCategoryName);
    return [...seen]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, name]) => ({ value, label: `${value} ${name}` }));
  }, [products]);
  const queryLabels: Record<string, string> = {
    municipality: t('Gemeente van de jeugdige'),
    age: t('Leeftijd (jaar)'),
    productId: t('Product'),
    productCategory: t('Productcategorie'),
    specialisation: t('Specialisatie'),
    offerForm: t('Vorm'),
    postcode: t('Postcode van de jeugdige'),
    maxDistanceKm: t('Maximale afstand'),
    sort: t('Sorteren op'),
  };
  const municipality = region?.municipalities.find((m) => m.cbsCode === v.gemeente)?.name;
  const summary = [
    municipality,
    v.postcode,
    v.afstand && t('binnen {km} km', { km: v.afstand }),
    v.leeftijd && t('{age} jaar', { age: v.leeftijd }),
    products.find((p) => p.id === v.product)?.name ??
      (v.categorie && categories.find((c) => c.value === v.categorie)?.label),
    v.specialisatie,
    v.vorm,
    v.nieuw && t('neemt nieuwe cliënten aan'),
  ].filter(Boolean);

  return (
    <div className="availability-search">
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{t('Beschikbaarheid zoeken')}</h1>
        <Button appearance="secondary" className="no-print" onClick={() => window.print()}>
          {t('Afdrukken')}
        </Button>
      </div>
      <p className="utrecht-paragraph no-print">
        {v.sortering === 'afstand'
          ? t(
              'Alleen aanbieders met een lopend contract voor het product in de gemeente van de jeugdige. Dichtstbij eerst (hemelsbreed), onbekende afstand achteraan. Deel het resultaat door de link te kopiëren.',
            )
          : t(
              'Alleen aanbieders met een lopend contract voor het product in de gemeente van de jeugdige. Kortste wachttijd eerst. Deel het resultaat door de link te kopiëren.',
            )}
      </p>
      <FilterForm key={filters.key} initial={v} onApply={filters.apply}>
        {(draft, set) => (
          <>
            <SelectField
              id="gemeente"
              label={t('Gemeente van de jeugdige')}
              placeholder={t('Alle gemeenten')}
              options={inUse(region?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))}
              value={draft.gemeente}
              onChange={(x) => set('gemeente', x)}
            />
            <TextField
              id="postcode"
              label={t('Postcode van de jeugdige')}
              description={t('Voor de afstand tot de locaties (hemelsbreed), bijvoorbeeld 3991 AB.')}
              autoComplete="off"
              className="utrecht-textbox--postal-code-nl-size"
              value={draft.postcode}
              onChange={(x) => set('postcode', x)}
            />
            <SelectField
              id="afstand"
              label={t('Maximale afstand')}
              placeholder={t('Geen maximum')}
              options={maxDistances.map((km) => ({ value: km, label: t('binnen {km} km', { km }) }))}
              value={draft.afstand}
              onChange={(x) => set('afstand', x)}
            />
            <SelectField
              id="sortering"
              label={t('Sorteren op')}
              placeholder={t('Kortste wachttijd')}
              options={[{ value: 'afstand', label: t('Kortste afstand') }]}
              value={draft.sortering}
              onChange={(x) => set('sortering', x)}
            />
            <TextField
              id="leeftijd"
              label={t('Leeftijd (jaar)')}
              inputMode="numeric"
              size={4}
              value={draft.leeftijd}
              onChange={(x) => set('leeftijd', x)}
            />
            <SelectField
              id="categorie"
              label={t('Productcategorie')}
              placeholder={t('Alle categorieën')}
              options={categories}
              value={draft.categorie}
              onChange={(x) => set('categorie', x)}
            />
            <SelectField
              id="product"
              label={t('Product')}
              placeholder={t('Alle producten')}
              options={products
                .filter((p) => !draft.categorie || p.productCategory === draft.categorie)
                .map((p) => ({ value: p.id, label: `${p.productCode} ${p.name}` }))}
              value={draft.product}
              onChange={(x) => set('product', x)}
            />
            <SelectField
              id="specialisatie"
              label={t('Specialisatie')}
              placeholder={t('Alle specialisaties')}
              options={(reference.status === 'ok' ? reference.data.vocabulary : []).map((s) => ({
                value: s,
                label: s,
              }))}
              value={draft.specialisatie}
              onChange={(x) => set('specialisatie', x)}
            />
            <SelectField
              id="vorm"
              label={t('Vorm')}
              placeholder={t('Alle vormen')}
              options={offerForms.map((f) => ({ value: f, label: t(offerFormLabels[f]) }))}
              value={draft.vorm}
              onChange={(x) => set('vorm', x)}
            />
            <CheckboxField
              id="nieuw"
              label={t('Alleen wie nieuwe cliënten aanneemt')}
              checked={draft.nieuw === 'ja'}
              onChange={(x) => set('nieuw', x ? 'ja' : '')}
            />
          </>
        )}
      </FilterForm>
      <p className="utrecht-paragraph print-only">
        {t('Afgedrukt op {date}. Wachttijden en plaatsen zoals de aanbieders ze opgaven.', {
          date: formatDate(todayIso()),
        })}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <Alert type="error">
          {state.error.invalidParams.length
            ? state.error.invalidParams.map((p) => `${queryLabels[p.name] ?? p.name}: ${p.reason}`).join(' ')
            : state.error.message}
        </Alert>
      )}
      {state.status === 'ok' && (
        <section aria-labelledby="resultaten" aria-busy={state.refreshing || undefined}>
          <h2 id="resultaten" className="utrecht-heading-2">
            {t('{count} resultaat|{count} resultaten', { count: state.data.page.totalElements })}
            {summary.length > 0 && <span className="availability-muted"> — {summary.join(', ')}</span>}
          </h2>
          {state.data.data.length === 0 && (
            <p className="utrecht-paragraph">{t('Geen aanbod gevonden. Maak de zoekvraag ruimer.')}</p>
          )}
          <ol className="offer-list">
            {state.data.data.map((o) => (
              <OfferCard key={o.id} offer={o} withDistance={Boolean(v.postcode)} />
            ))}
          </ol>
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
        </section>
      )}
    </div>
  );
}

function OfferCard({ offer: o, withDistance }: { offer: Offer; withDistance: boolean }) {
  const { t } = useT();
  const distance =
    o.distanceKm === null
      ? t('afstand onbekend')
      : o.distanceKm < 1
        ? t('minder dan 1 km')
        : t('ca. {km} km', { km: Math.round(o.distanceKm) });
  return (
    <li className="offer-card">
      <h3 className="utrecht-heading-3 offer-card__title">
        {o.provider.name} <span className="offer-card__product">— {productLabel(o, t('Productcategorie'))}</span>
      </h3>
      <DataList
        items={[
          [t('Locatie'), withDistance ? `${locationLabel(o)} (${distance})` : locationLabel(o)],
          [
            t('Wachttijd'),
            t('aanmelding {intake}, behandeling {treatment}', {
              intake: t('{count} week|{count} weken', { count: o.intakeWaitWeeks }),
              treatment: t('{count} week|{count} weken', { count: o.treatmentWaitWeeks }),
            }),
          ],
          [t('Gemeten wachttijd'), <MeasuredWait key="measured" entry={o} />],
          [
            t('Wachtlijst en plaatsen'),
            o.openPlaces === null
              ? t('{count} op de wachtlijst', { count: o.waitingListCount })
              : t('{count} op de wachtlijst, {places} open plaatsen', {
                  count: o.waitingListCount,
                  places: o.openPlaces,
                }),
          ],
          [t('Aanname'), <Intake key="intake" entry={o} />],
          [t('Actualiteit'), <Freshness key="fresh" entry={o} />],
          [
            t('Voor wie'),
            `${t('{from} t/m {to} jaar', { from: o.ageFrom, to: o.ageTo })}; ${o.offerForms
              .map((f) => t(offerFormLabels[f as keyof typeof offerFormLabels]))
              .join(', ')}; ${languagesLabel(o.languages)}`,
          ],
          [t('Specialisaties'), [o.specialisations.join(', '), o.note].filter(Boolean).join('. ') || '—'],
          [
            t('Aanmelden'),
            <span key="contact">
              {o.intakePhone && (
                <a className="utrecht-link utrecht-link--html-a" href={`tel:${o.intakePhone.replace(/[^+\d]/g, '')}`}>
                  {o.intakePhone}
                </a>
              )}
              {o.intakePhone && o.intakeEmail && ' · '}
              {o.intakeEmail && (
                <a className="utrecht-link utrecht-link--html-a" href={`mailto:${o.intakeEmail}`}>
                  {o.intakeEmail}
                </a>
              )}
              {o.intakeHow && <span className="offer-card__how"> {o.intakeHow}</span>}
            </span>,
          ],
        ]}
      />
    </li>
  );
}
