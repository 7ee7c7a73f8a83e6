import { can } from '../../../shared/permissions';
import { ButtonGroup, ButtonLink, TextLink } from '../../components/button';
import { DownloadLinks } from '../../components/import-parts';
import { FilterForm } from '../../components/filter-form';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { codeOptions, useCodeList } from '../../lib/code-lists';
import { formatEuro } from '../../lib/format';
import { useRegion } from '../../lib/region';
import type { Product } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { WithdrawnBadge } from '../../components/withdrawal';

const filterKeys = ['q', 'perceel', 'categorie', 'ingetrokken'] as const;

export function tariffFor(product: Product, year: number): number | null {
  return product.tariffs.find((t) => t.year === year)?.tariff ?? null;
}

export function ProductListPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const categories = useCodeList('JZ020');
  const filters = useFilters(filterKeys);
  const year = new Date().getFullYear();
  useDocumentTitle(t('Producten'));
  const { q, perceel, categorie, ingetrokken } = filters.values;
  const includeWithdrawn = ingetrokken ? 'true' : undefined;
  const [loaded] = useLoad(
    (signal) =>
      api<Page<Product>>(
        `/products${toQuery({ q, lotId: perceel, productCategory: categorie, includeWithdrawn, sort: filters.sort, page: filters.page, pageSize: 20 })}`,
        { signal },
      ),
    [q, perceel, categorie, ingetrokken, filters.sort, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;

  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{t('Producten')}</h1>
        {can(user, 'products.edit') && (
          <ButtonGroup>
            <ButtonLink appearance="primary" to="/producten/nieuw">
              {t('Nieuw product')}
            </ButtonLink>
            <ButtonLink to="/producten/inlezen">{t('Producten inlezen')}</ButtonLink>
            <ButtonLink to="/producten/indexatie">{t('Tarieven indexeren')}</ButtonLink>
          </ButtonGroup>
        )}
      </div>
      <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
        {(draft, set) => (
          <>
            <TextField
              id="q"
              type="search"
              label={t('Zoeken')}
              description={t('Productcode of naam')}
              value={draft.q}
              onChange={(v) => set('q', v)}
            />
            <SelectField
              id="perceel"
              label={t('Perceel')}
              placeholder={t('Alle percelen')}
              value={draft.perceel}
              onChange={(v) => set('perceel', v)}
              options={(region?.lots ?? []).map((l) => ({ value: l.id, label: `${l.code} – ${l.name}` }))}
            />
            <SelectField
              id="categorie"
              label={t('Categorie')}
              placeholder={t('Alle categorieën')}
              value={draft.categorie}
              onChange={(v) => set('categorie', v)}
              options={codeOptions(categories)}
            />
            <CheckboxField
              id="ingetrokken"
              label={t('Ingetrokken tonen')}
              checked={draft.ingetrokken === 'ja'}
              onChange={(v) => set('ingetrokken', v ? 'ja' : '')}
            />
          </>
        )}
      </FilterForm>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} product gevonden|{count} producten gevonden', { count: state.data.page.totalElements })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(p) => p.id}
            empty={t('Geen producten gevonden.')}
            sort={{ current: filters.sort, hrefFor: filters.sortHref }}
            columns={[
              {
                header: t('Productcode'),
                sortKey: 'productCode',
                rowHeader: true,
                cell: (p) => (
                  <>
                    <TextLink to={`/producten/${p.id}`}>{p.productCode}</TextLink>
                    {p.withdrawn && (
                      <>
                        {' '}
                        <WithdrawnBadge />
                      </>
                    )}
                  </>
                ),
              },
              { header: t('Naam'), sortKey: 'name', cell: (p) => p.name },
              {
                header: t('Categorie'),
                sortKey: 'productCategory',
                cell: (p) => `${p.productCategory} – ${p.productCategoryName}`,
              },
              { header: t('Eenheid'), sortKey: 'unit', cell: (p) => p.unitName },
              { header: t('Tarief {year}', { year }), numeric: true, cell: (p) => formatEuro(tariffFor(p, year)) },
              { header: t('Met verblijf'), cell: (p) => (p.withStay ? t('Ja') : t('Nee')) },
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
          <DownloadLinks
            label={t('Deze producten met tarieven')}
            href={(format) =>
              `/api/v1/products/export${toQuery({ q, lotId: perceel, productCategory: categorie, includeWithdrawn, format })}`
            }
          />
        </>
      )}
    </>
  );
}
