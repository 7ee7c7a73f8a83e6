import { TextLink } from '../../components/button';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import type { User } from '../../lib/types';
import { formatDateTime } from '../../lib/format';
import { auditActionLabels } from '../../lib/labels';
import type { AuditEvent } from '../../lib/types';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { AuditFilters, auditFilterKeys, entityOf, exportHref } from './audit-filters';

/** What a read was of when it names no single object (a trajectory search, a retour export). */
const occasionLabels: Record<string, Msg> = { search: 'zoekopdracht', export: 'export' };

/** The filters that stay when the list narrows to one object: who, what and when. */
function pick(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => v && !['entity', 'entityId', 'q'].includes(k)));
}

/** The top-level fields whose value differs, so a reader sees at once what an update changed. */
function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
}

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/** Who changed which master data, or opened which client-level data, when, newest first; details on request. */
export function AuditLogPage() {
  const { t } = useT();
  const filters = useFilters(auditFilterKeys);
  useDocumentTitle(t('Audit-log'));
  const [people] = useLoad((signal) => api<{ data: User[] }>('/users', { signal }), []);
  const [loaded] = useLoad(
    (signal) =>
      api<Page<AuditEvent>>(`/audit-events${toQuery({ ...filters.values, page: filters.page, pageSize: 25 })}`, {
        signal,
      }),
    [filters.key],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;
  const only = (e: AuditEvent) =>
    `?${new URLSearchParams({ ...pick(filters.values), entity: e.entity, entityId: e.entityId })}`;
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Audit-log')}</h1>
      <AuditFilters
        key={filters.key}
        values={filters.values}
        users={people.status === 'ok' ? people.data.data : []}
        onApply={filters.apply}
      />
      <ul className="plain-list dashboard-downloads" aria-label={t('Downloads')}>
        <li>
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={exportHref(filters.values, 'csv')}
            download
          >
            {t('CSV downloaden')}
          </a>
        </li>
        <li>
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href={exportHref(filters.values, 'xlsx')}
            download
          >
            {t('Excel (XLSX) downloaden')}
          </a>
        </li>
      </ul>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} gebeurtenis|{count} gebeurtenissen, nieuwste eerst', {
              count: state.data.page.totalElements,
            })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(e) => String(e.id)}
            empty={t('Nog niets vastgelegd.')}
            columns={[
              {
                header: t('Tijdstip'),
                rowHeader: true,
                cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
              },
              { header: t('Gebruiker'), cell: (e) => e.userEmail },
              { header: t('Actie'), cell: (e) => t(auditActionLabels[e.action]) },
              {
                header: t('Object'),
                cell: (e) => {
                  const known = entityOf(e.entity);
                  const kind = known ? t(known.label) : e.entity;
                  // A search or export is named as such, not by the filters it was asked with.
                  const name = occasionLabels[e.entityId]
                    ? t(occasionLabels[e.entityId]!)
                    : (e.label ?? e.entityId.slice(0, 8));
                  const linked = known?.path && e.action !== 'delete' && !occasionLabels[e.entityId];
                  return (
                    <>
                      {kind}: {linked ? <TextLink to={`${known.path}/${e.entityId}`}>{name}</TextLink> : name}
                      {filters.values.entityId !== e.entityId && !occasionLabels[e.entityId] && (
                        <>
                          <br />
                          <TextLink to={only(e)}>
                            {t('Alleen dit object')}
                            <span className="visually-hidden"> ({name})</span>
                          </TextLink>
                        </>
                      )}
                    </>
                  );
                },
              },
              {
                header: t('Details'),
                cell: (e) => (
                  <details className="audit-details">
                    <summary>
                      {t('Voor en na')}
                      <span className="visually-hidden"> ({formatDateTime(e.at)})</span>
                    </summary>
                    <div className="audit-details__body">
                      {e.action === 'update' && (
                        <p className="utrecht-paragraph">
                          {t('Gewijzigde velden: {fields}', {
                            fields: changedFields(e.before, e.after).join(', ') || '—',
                          })}
                        </p>
                      )}
                      <h3 id={`audit-${e.id}-voor`} className="utrecht-heading-5">
                        {t('Voor')}
                      </h3>
                      <pre
                        className="utrecht-code-block"
                        role="region"
                        aria-labelledby={`audit-${e.id}-voor`}
                        tabIndex={0}
                      >
                        {json(e.before)}
                      </pre>
                      <h3 id={`audit-${e.id}-na`} className="utrecht-heading-5">
                        {t('Na')}
                      </h3>
                      <pre
                        className="utrecht-code-block"
                        role="region"
                        aria-labelledby={`audit-${e.id}-na`}
                        tabIndex={0}
                      >
                        {json(e.after)}
                      </pre>
                    </div>
                  </details>
                ),
              },
            ]}
          />
          <Pagination
            page={state.data.page.number}
            totalPages={state.data.page.totalPages}
            hrefFor={filters.hrefFor}
            numbered
          />
        </>
      )}
    </>
  );
}
