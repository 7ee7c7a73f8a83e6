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
import { formatDate } from '../../lib/format';
import { contractStatusLabels, fundingVariantLabels } from '../../lib/labels';
import { useRegion } from '../../lib/region';
import type { Contract, FundingVariant } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { WithdrawnBadge } from '../../components/withdrawal';

const filterKeys = ['q', 'perceel', 'variant', 'peildatum', 'ingetrokken'] as const;

export function ContractListPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const filters = useFilters(filterKeys);
  useDocumentTitle(t('Contracten'));
  const { q, perceel, variant, peildatum, ingetrokken } = filters.values;
  const includeWithdrawn = ingetrokken ? 'true' : undefined;
  const [loaded] = useLoad(
    (signal) =>
      api<Page<Contract>>(
        `/contracts${toQuery({ q, lotId: perceel, fundingVariant: variant, activeOn: peildatum, includeWithdrawn, sort: filters.sort, page: filters.page, pageSize: 20 })}`,
        { signal },
      ),
    [q, perceel, variant, peildatum, ingetrokken, filters.sort, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;

  const lotOptions = (region?.lots ?? []).map((l) => ({ value: l.id, label: `${l.code} – ${l.name}` }));
  const variantOptions = (Object.keys(fundingVariantLabels) as FundingVariant[]).map((v) => ({
    value: v,
    label: t(fundingVariantLabels[v]),
  }));
  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{t('Contracten')}</h1>
        {can(user, 'contracts.edit') && (
          <ButtonGroup>
            <ButtonLink appearance="primary" to="/contracten/nieuw">
              {t('Nieuw contract')}
            </ButtonLink>
            <ButtonLink to="/contracten/inlezen">{t('Contracten inlezen')}</ButtonLink>
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
              description={t('Kenmerk of aanbieder')}
              value={draft.q}
              onChange={(v) => set('q', v)}
            />
            <SelectField
              id="perceel"
              label={t('Perceel')}
              placeholder={t('Alle percelen')}
              options={lotOptions}
              value={draft.perceel}
              onChange={(v) => set('perceel', v)}
            />
            <SelectField
              id="variant"
              label={t('Uitvoeringsvariant')}
              placeholder={t('Alle varianten')}
              options={variantOptions}
              value={draft.variant}
              onChange={(v) => set('variant', v)}
            />
            <TextField
              id="peildatum"
              type="date"
              label={t('Lopend op')}
              value={draft.peildatum}
              onChange={(v) => set('peildatum', v)}
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
            caption={t('{count} contract gevonden|{count} contracten gevonden', {
              count: state.data.page.totalElements,
            })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(c) => c.id}
            empty={t('Geen contracten gevonden.')}
            sort={{ current: filters.sort, hrefFor: filters.sortHref }}
            columns={[
              {
                header: t('Kenmerk'),
                sortKey: 'reference',
                rowHeader: true,
                cell: (c) => <TextLink to={`/contracten/${c.id}`}>{c.reference}</TextLink>,
              },
              {
                header: t('Aanbieder'),
                sortKey: 'provider',
                cell: (c) => (c.combinationName ? `${c.providerName} (${c.combinationName})` : c.providerName),
              },
              { header: t('Perceel'), cell: (c) => c.lotName },
              { header: t('Start'), sortKey: 'startDate', cell: (c) => formatDate(c.startDate) },
              { header: t('Einde'), sortKey: 'endDate', cell: (c) => formatDate(c.effectiveEndDate) },
              {
                header: t('Status'),
                cell: (c) => (c.withdrawn ? <WithdrawnBadge /> : <ContractStatus status={c.status} />),
              },
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
          <DownloadLinks
            label={t('Deze contracten')}
            href={(format) =>
              `/api/v1/contracts/export${toQuery({ q, lotId: perceel, fundingVariant: variant, activeOn: peildatum, includeWithdrawn, format })}`
            }
          />
        </>
      )}
    </>
  );
}

export function ContractStatus({ status }: { status: Contract['status'] }) {
  const { t } = useT();
  const modifier = status === 'lopend' ? 'active' : status === 'toekomstig' ? 'neutral' : 'inactive';
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${modifier}`}>{t(contractStatusLabels[status])}</span>
  );
}
