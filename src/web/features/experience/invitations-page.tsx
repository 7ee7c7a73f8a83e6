import type { InvitationBatch } from '../../../server/modules/experience/index';
import { useState, type FormEvent } from 'react';
import { can } from '../../../shared/permissions';
import { experienceLimits } from '../../../shared/experience';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { FilterForm } from '../../components/filter-form';
import { RadioGroup, SelectField, TextField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, fetchAll, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDate } from '../../lib/format';
import type { Product, Provider } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';

const fieldLabels: Record<string, Msg> = {
  providerId: 'Aanbieder',
  productId: 'Product',
  count: 'Aantal',
  endedFrom: 'Zorg beëindigd vanaf',
  endedTo: 'Zorg beëindigd tot en met',
  validDays: 'Geldig (dagen)',
};

const linksOf = (b: InvitationBatch) => `/api/v1/invitation-batches/${b.id}/links`;

/**
 * /ervaringwijzer/uitnodigingen: a provider (its own) or the region's backoffice makes batches of one-time, anonymous
 * invitations per provider and product, by number or one per youth whose care ended in a period, and downloads their
 * links as CSV to hand out (link, text message, QR code on a tablet). No contact data is asked or kept. A region makes
 * hundreds of batches a year: the list is paged, and the backoffice can show one provider's.
 */
export function InvitationsPage() {
  const { t } = useT();
  const title = t('Uitnodigingen voor de Ervaringwijzer');
  useDocumentTitle(title);
  const user = useUser();
  const [choices] = useLoad(async (signal) => {
    const [providers, products] = await Promise.all([
      fetchAll<Provider>('/providers', {}, signal),
      fetchAll<Product>('/products', {}, signal),
    ]);
    return { providers, products };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t(
          'Jongeren en ouders vullen de vragenlijst anoniem in, op hun telefoon en zonder account. Elke link werkt één keer en verloopt. Zorglandschap bewaart geen e-mailadres of telefoonnummer, en koppelt geen antwoord aan een cliënt. De uitkomsten zijn om van te leren, niet om aanbieders te rangschikken of in te kopen.',
        )}
      </p>
      <Loaded state={choices}>
        {(data) => (
          <Batches providers={data.providers} products={data.products} canCreate={can(user, 'invitations.create')} />
        )}
      </Loaded>
    </>
  );
}

const filterKeys = ['aanbieder'] as const;

function Batches({
  providers,
  products,
  canCreate,
}: {
  providers: Provider[];
  products: Product[];
  canCreate: boolean;
}) {
  const { t } = useT();
  const filters = useFilters(filterKeys);
  const { aanbieder } = filters.values;
  const [loaded, reload] = useLoad(
    (signal) =>
      api<Page<InvitationBatch>>(
        `/invitation-batches${toQuery({ providerId: aanbieder, page: filters.page, pageSize: 20 })}`,
        { signal },
      ),
    [aanbieder, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  return (
    <>
      {canCreate && <NewBatch providers={providers} products={products} onMade={reload} />}
      <h2 className="utrecht-heading-2">{t('Reeksen')}</h2>
      {providers.length > 1 && (
        <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
          {(draft, set) => (
            <SelectField
              id="aanbieder"
              label={t('Aanbieder')}
              placeholder={t('Alle aanbieders')}
              value={draft.aanbieder}
              onChange={(v) => set('aanbieder', v)}
              options={providers.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
        </FilterForm>
      )}
      <Loaded state={state}>
        {(list) => (
          <>
            <Table<InvitationBatch>
              caption={t('Reeksen uitnodigingen, nieuwste eerst')}
              captionHidden
              rows={list.data}
              busy={state.status === 'ok' && state.refreshing}
              rowKey={(b) => b.id}
              empty={aanbieder ? t('Geen reeksen voor deze aanbieder.') : t('Nog geen uitnodigingen gemaakt.')}
              columns={[
                { header: t('Gemaakt'), rowHeader: true, cell: (b) => formatDate(b.createdAt) },
                { header: t('Aanbieder'), cell: (b) => b.provider.name },
                { header: t('Product'), cell: (b) => `${b.product.code} ${b.product.name}` },
                { header: t('Voor'), cell: (b) => (b.audience === 'ouder' ? t('Ouders') : t('Jongeren (12+)')) },
                { header: t('Aantal'), numeric: true, cell: (b) => String(b.size) },
                { header: t('Ingevuld'), numeric: true, cell: (b) => String(b.used) },
                { header: t('Geldig tot en met'), cell: (b) => formatDate(b.expiresAt) },
                {
                  header: t('Links'),
                  cell: (b) =>
                    b.links ? (
                      <a className="utrecht-link" href={linksOf(b)} download>
                        {t('CSV downloaden')}
                      </a>
                    ) : (
                      t('Geen (demogegevens)')
                    ),
                },
              ]}
            />
            <Pagination page={list.page.number} totalPages={list.page.totalPages} hrefFor={filters.hrefFor} />
          </>
        )}
      </Loaded>
    </>
  );
}

function NewBatch({ providers, products, onMade }: { providers: Provider[]; products: Product[]; onMade(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [providerId, setProviderId] = useState(providers.length === 1 ? providers[0]!.id : '');
  const [productId, setProductId] = useState('');
  const [audience, setAudience] = useState('ouder');
  const [source, setSource] = useState('count');
  const [count, setCount] = useState('20');
  const [endedFrom, setEndedFrom] = useState('');
  const [endedTo, setEndedTo] = useState('');
  const [validDays, setValidDays] = useState(String(experienceLimits.defaultTokenDays));
  const [made, setMade] = useState<InvitationBatch | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMade(null);
    const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);
    if (Number.isNaN(whole(validDays)) || (source === 'count' && Number.isNaN(whole(count))))
      return errors.failWith([
        ...(Number.isNaN(whole(validDays))
          ? [{ name: 'validDays', code: 'number', reason: t('vul een aantal dagen in') }]
          : []),
        ...(source === 'count' && Number.isNaN(whole(count))
          ? [{ name: 'count', code: 'number', reason: t('vul een aantal in') }]
          : []),
      ]);
    setBusy(true);
    try {
      const batch = await api<InvitationBatch>('/invitation-batches', {
        method: 'POST',
        body: {
          providerId,
          productId,
          audience,
          source,
          validDays: whole(validDays),
          ...(source === 'count' ? { count: whole(count) } : { endedFrom, endedTo }),
        },
      });
      errors.clear();
      setMade(batch);
      onMade();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2 className="utrecht-heading-2">{t('Nieuwe reeks')}</h2>
      {made && (
        <Alert type="ok">
          {t('{count} uitnodigingen gemaakt.', { count: made.size })}{' '}
          <a className="utrecht-link" href={linksOf(made)} download>
            {t('CSV met de links downloaden')}
          </a>
        </Alert>
      )}
      <ErrorSummary
        errors={errors}
        labels={Object.fromEntries(Object.entries(fieldLabels).map(([k, v]) => [k, t(v)]))}
      />
      <form onSubmit={submit} noValidate className="form">
        <SelectField
          id="providerId"
          label={t('Aanbieder')}
          value={providerId}
          onChange={setProviderId}
          placeholder={t('Kies een aanbieder')}
          options={providers.map((p) => ({ value: p.id, label: p.name }))}
          error={errors.of('providerId')}
        />
        <SelectField
          id="productId"
          label={t('Product')}
          value={productId}
          onChange={setProductId}
          placeholder={t('Kies een product')}
          options={products.map((p) => ({ value: p.id, label: `${p.productCode} ${p.name}` }))}
          error={errors.of('productId')}
        />
        <RadioGroup
          id="audience"
          legend={t('Vragenlijst voor')}
          value={audience}
          onChange={setAudience}
          options={[
            { value: 'ouder', label: t('Ouders') },
            { value: 'jongere', label: t('Jongeren (12+)') },
          ]}
        />
        <RadioGroup
          id="source"
          legend={t('Hoeveel uitnodigingen')}
          value={source}
          onChange={setSource}
          options={[
            { value: 'count', label: t('Een aantal') },
            { value: 'ended', label: t('Eén per jeugdige van wie de zorg in een periode eindigde (stopbericht)') },
          ]}
        />
        {source === 'count' ? (
          <TextField
            id="count"
            label={t('Aantal')}
            inputMode="numeric"
            value={count}
            onChange={setCount}
            error={errors.of('count')}
          />
        ) : (
          <>
            <TextField
              id="endedFrom"
              label={t('Zorg beëindigd vanaf')}
              type="date"
              value={endedFrom}
              onChange={setEndedFrom}
              error={errors.of('endedFrom')}
            />
            <TextField
              id="endedTo"
              label={t('Zorg beëindigd tot en met')}
              type="date"
              value={endedTo}
              onChange={setEndedTo}
              error={errors.of('endedTo')}
            />
          </>
        )}
        <TextField
          id="validDays"
          label={t('Geldig (dagen)')}
          inputMode="numeric"
          value={validDays}
          onChange={setValidDays}
          error={errors.of('validDays')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Uitnodigingen maken')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
