import { can } from '../../../shared/permissions';
import { ButtonGroup, ButtonLink, TextLink } from '../../components/button';
import { DownloadLinks } from '../../components/import-parts';
import { FilterForm } from '../../components/filter-form';
import { SelectField, TextField } from '../../components/form-fields';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { domainLabels, tierSchemeLabels } from '../../lib/labels';
import { useRegion } from '../../lib/region';
import type { Provider, ProviderDomain } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

const filterKeys = ['q', 'domein', 'niveau', 'status'] as const;

/** The status filter in the address bar, in Dutch, and what the API takes. */
const statusQuery: Record<string, 'true' | 'false'> = { actief: 'true', 'niet-actief': 'false' };

export function ProviderListPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const filters = useFilters(filterKeys);
  useDocumentTitle(t('Aanbieders'));
  const { q, domein, niveau, status } = filters.values;
  const [loaded] = useLoad(
    (signal) =>
      api<Page<Provider>>(
        `/providers${toQuery({ q, domain: domein, tierLevelId: niveau, active: statusQuery[status], sort: filters.sort, page: filters.page, pageSize: 20 })}`,
        { signal },
      ),
    [q, domein, niveau, status, filters.sort, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;

  const domainOptions = (Object.keys(domainLabels) as ProviderDomain[]).map((d) => ({
    value: d,
    label: t(domainLabels[d]),
  }));
  const tierOptions = (region?.tierLevels ?? []).map((l) => ({
    value: l.id,
    label: `${t(tierSchemeLabels[l.scheme])}: ${l.name}`,
  }));
  const statusOptions = [
    { value: 'actief', label: t('Actief') },
    { value: 'niet-actief', label: t('Niet actief') },
  ];
  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{t('Aanbieders')}</h1>
        {can(user, 'providers.create') && (
          <ButtonGroup>
            <ButtonLink appearance="primary" to="/aanbieders/nieuw">
              {t('Nieuwe aanbieder')}
            </ButtonLink>
            <ButtonLink to="/aanbieders/inlezen">{t('Aanbieders inlezen')}</ButtonLink>
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
              description={t('Naam of AGB-code')}
              value={draft.q}
              onChange={(v) => set('q', v)}
            />
            <SelectField
              id="domein"
              label={t('Domein')}
              placeholder={t('Alle domeinen')}
              options={domainOptions}
              value={draft.domein}
              onChange={(v) => set('domein', v)}
            />
            <SelectField
              id="niveau"
              label={t('Niveau')}
              placeholder={t('Alle niveaus')}
              options={tierOptions}
              value={draft.niveau}
              onChange={(v) => set('niveau', v)}
            />
            <SelectField
              id="status"
              label={t('Status')}
              placeholder={t('Alle statussen')}
              options={statusOptions}
              value={draft.status}
              onChange={(v) => set('status', v)}
            />
          </>
        )}
      </FilterForm>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} aanbieder gevonden|{count} aanbieders gevonden', {
              count: state.data.page.totalElements,
            })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(p) => p.id}
            empty={t('Geen aanbieders gevonden.')}
            sort={{ current: filters.sort, hrefFor: filters.sortHref }}
            columns={[
              {
                header: t('Naam'),
                sortKey: 'name',
                rowHeader: true,
                cell: (p) => <TextLink to={`/aanbieders/${p.id}`}>{p.name}</TextLink>,
              },
              { header: t('AGB-code'), sortKey: 'agbCode', cell: (p) => p.agbCode },
              { header: t('Domeinen'), cell: (p) => p.domains.map((d) => t(domainLabels[d])).join(', ') || '—' },
              { header: t('Niveau'), cell: (p) => p.tiers.map((tier) => tier.name).join(', ') || '—' },
              { header: t('Status'), cell: (p) => <ActiveBadge active={p.active} /> },
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
          <DownloadLinks
            label={t('Deze aanbieders')}
            href={(format) =>
              `/api/v1/providers/export${toQuery({ q, domain: domein, tierLevelId: niveau, active: statusQuery[status], format })}`
            }
          />
        </>
      )}
    </>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useT();
  return (
    <span
      className={`utrecht-status-badge ${active ? 'utrecht-status-badge--active' : 'utrecht-status-badge--inactive'}`}
    >
      {active ? t('Actief') : t('Inactief')}
    </span>
  );
}
