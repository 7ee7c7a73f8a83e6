import { TextLink } from '../../components/button';
import { FilterForm } from '../../components/filter-form';
import { SelectField } from '../../components/form-fields';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import { formatCount, formatDateTime } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { MailStatusBadge, mailStatusLabels, type Mail } from './mail-parts';

const filterKeys = ['status'] as const;

/** /beheer/postvak-uit: every mail the installation sent, is sending, failed to send or would have sent; newest first. */
export function OutboxPage() {
  const { t, lang } = useT();
  useDocumentTitle(t('Postvak uit'));
  const filters = useFilters(filterKeys);
  const { status } = filters.values;
  const known = Object.hasOwn(mailStatusLabels, status) ? status : undefined;
  const [loaded] = useLoad(
    (signal) => api<Page<Mail>>(`/mails${toQuery({ status: known, page: filters.page, pageSize: 25 })}`, { signal }),
    [known, filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;
  const statusOptions = Object.entries(mailStatusLabels).map(([value, label]) => ({ value, label: t(label) }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Postvak uit')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Elke e-mail die Zorglandschap verstuurt, zoals herinneringen aan aanbieders, nieuwste eerst. Een mislukte verzending wordt later opnieuw geprobeerd. Zonder ingestelde mailserver (SMTP_URL) gaat niets de deur uit: dan staat hier wat verstuurd zou zijn.',
        )}
      </p>
      <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
        {(draft, set) => (
          <SelectField
            id="status"
            label={t('Status')}
            placeholder={t('Alle statussen')}
            options={statusOptions}
            value={draft.status}
            onChange={(v) => set('status', v)}
          />
        )}
      </FilterForm>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} e-mail, nieuwste eerst|{count} e-mails, nieuwste eerst', {
              count: state.data.page.totalElements,
            })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(m) => m.id}
            empty={t('Geen e-mails gevonden.')}
            columns={[
              {
                header: t('Aangemaakt'),
                cell: (m) => <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>,
              },
              { header: t('Aan'), cell: (m) => m.to },
              {
                header: t('Onderwerp'),
                rowHeader: true,
                cell: (m) => <TextLink to={`/beheer/postvak-uit/${m.id}`}>{m.subject}</TextLink>,
              },
              { header: t('Soort'), cell: (m) => <code>{m.kind}</code> },
              { header: t('Status'), cell: (m) => <MailStatusBadge status={m.status} /> },
              { header: t('Pogingen'), numeric: true, cell: (m) => formatCount(m.attempts, lang) },
              { header: t('Laatste fout'), cell: (m) => (m.lastError ? <span lang="nl">{m.lastError}</span> : '—') },
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
        </>
      )}
    </>
  );
}
