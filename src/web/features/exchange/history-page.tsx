import { can } from '../../../shared/permissions';
import { FilterForm } from '../../components/filter-form';
import { SelectField } from '../../components/form-fields';
import { Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatCount, formatDateTime } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import {
  DownloadLinks,
  FileName,
  ImportStatusBadge,
  MessagesNav,
  messageTypeLabels,
  usePartyNames,
} from './exchange-parts';
import type { ImportedFile } from './types';

const filterKeys = ['status', 'berichttype'] as const;
const statusQuery: Record<string, 'accepted' | 'rejected' | undefined> = {
  aanvaard: 'accepted',
  afgekeurd: 'rejected',
};

/** /berichten: every imported file, newest first, with its verdict and (for editors) the retour message. */
export function HistoryPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Ingelezen berichten'));
  if (!can(user, 'imports.read'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag de berichten niet inzien.'))} />;
  return <History />;
}

function History() {
  const { t, lang } = useT();
  const user = useUser();
  const filters = useFilters(filterKeys);
  const names = usePartyNames();
  const { status, berichttype } = filters.values;
  const [loaded] = useLoad(
    (signal) =>
      api<Page<ImportedFile>>(
        `/imports${toQuery({ status: statusQuery[status], messageType: berichttype, sort: filters.sort, page: filters.page, pageSize: 25 })}`,
        { signal },
      ),
    [status, berichttype, filters.sort, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;

  const statusOptions = [
    { value: 'aanvaard', label: t('Aanvaard') },
    { value: 'afgekeurd', label: t('Afgekeurd') },
  ];
  const typeOptions = Object.entries(messageTypeLabels).map(([code, label]) => ({
    value: code,
    label: `${code} – ${t(label)}`,
  }));
  return (
    <>
      <MessagesNav />
      <h1 className="utrecht-heading-1">{t('Ingelezen berichten')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t('Alle ingelezen iJw-bestanden, nieuwste eerst, met hun uitslag.')}
      </p>
      <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
        {(draft, set) => (
          <>
            <SelectField
              id="status"
              label={t('Status')}
              placeholder={t('Alle statussen')}
              options={statusOptions}
              value={draft.status}
              onChange={(v) => set('status', v)}
            />
            <SelectField
              id="berichttype"
              label={t('Berichttype')}
              placeholder={t('Alle berichttypen')}
              options={typeOptions}
              value={draft.berichttype}
              onChange={(v) => set('berichttype', v)}
            />
          </>
        )}
      </FilterForm>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} bestand gevonden|{count} bestanden gevonden', { count: state.data.page.totalElements })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(f) => f.id}
            empty={t('Geen bestanden gevonden.')}
            sort={{ current: filters.sort, hrefFor: filters.sortHref }}
            columns={[
              {
                header: t('Ontvangen'),
                sortKey: 'receivedAt',
                cell: (f) => <time dateTime={f.receivedAt}>{formatDateTime(f.receivedAt)}</time>,
              },
              {
                header: t('Bestand'),
                sortKey: 'fileName',
                rowHeader: true,
                cell: (f) => (
                  <FileName
                    path={f.fileName}
                    {...(f.status === 'rejected' ? { link: `/berichten/quarantaine/${f.id}` } : {})}
                  />
                ),
              },
              { header: t('Type'), sortKey: 'messageType', cell: (f) => f.messageType ?? '—' },
              { header: t('Afzender'), sortKey: 'sender', cell: (f) => names.party(f.sender) },
              { header: t('Ontvanger'), cell: (f) => names.party(f.receiver) },
              { header: t('Status'), cell: (f) => <ImportStatusBadge status={f.status} /> },
              { header: t('Records'), sortKey: 'records', numeric: true, cell: (f) => formatCount(f.records, lang) },
              ...(can(user, 'imports.download')
                ? [{ header: t('Downloads'), cell: (f: ImportedFile) => <DownloadLinks file={f} /> }]
                : []),
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
        </>
      )}
    </>
  );
}
