import { can } from '../../../shared/permissions';
import { useParams } from 'react-router';
import { TextLink } from '../../components/button';
import { Loaded, Loading, pageProblem, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Pagination, useClampToLastPage } from '../../components/pagination';
import { DataList, Table } from '../../components/table';
import { api, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import {
  baseName,
  DownloadLinks,
  FileName,
  ImportStatusBadge,
  MessagesNav,
  messageTypeLabels,
  ReasonList,
  usePartyNames,
} from './exchange-parts';
import type { ImportedFile } from './types';

/** /berichten/quarantaine: the rejected files with their reasons, the retour message and the original. */
export function QuarantinePage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Quarantaine'));
  if (!can(user, 'imports.read'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag de berichten niet inzien.'))} />;
  return <Quarantine />;
}

function Quarantine() {
  const { t } = useT();
  const user = useUser();
  const filters = useFilters([] as const);
  const names = usePartyNames();
  const [loaded] = useLoad(
    (signal) =>
      api<Page<ImportedFile>>(`/imports${toQuery({ status: 'rejected', page: filters.page, pageSize: 25 })}`, {
        signal,
      }),
    [filters.page],
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;
  return (
    <>
      <MessagesNav />
      <h1 className="utrecht-heading-1">{t('Quarantaine')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Afgekeurde bestanden, nieuwste eerst. Niets uit een afgekeurd bestand is ingelezen; de afzender krijgt de redenen in het retourbericht.',
        )}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <Table
            caption={t('{count} afgekeurd bestand|{count} afgekeurde bestanden', {
              count: state.data.page.totalElements,
            })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(f) => f.id}
            empty={t('De quarantaine is leeg.')}
            columns={[
              {
                header: t('Bestand'),
                rowHeader: true,
                cell: (f) => <FileName path={f.fileName} link={`/berichten/quarantaine/${f.id}`} />,
              },
              {
                header: t('Ontvangen'),
                cell: (f) => <time dateTime={f.receivedAt}>{formatDateTime(f.receivedAt)}</time>,
              },
              { header: t('Type'), cell: (f) => f.messageType ?? '—' },
              { header: t('Afzender'), cell: (f) => names.party(f.sender) },
              { header: t('Redenen'), cell: (f) => <ReasonList reasons={f.reasons} /> },
              ...(can(user, 'imports.download')
                ? [{ header: t('Downloads'), cell: (f: ImportedFile) => <DownloadLinks file={f} original /> }]
                : []),
            ]}
          />
          <Pagination page={state.data.page.number} totalPages={state.data.page.totalPages} hrefFor={filters.hrefFor} />
        </>
      )}
    </>
  );
}

/** /berichten/quarantaine/:id: one file with everything known about it; reached from an upload's results. */
export function QuarantineFilePage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const readable = can(user, 'imports.read');
  const [state] = useLoad(
    (signal) =>
      readable ? api<ImportedFile>(`/imports/${encodeURIComponent(id)}`, { signal }) : Promise.resolve(null),
    [id, readable],
  );
  if (!readable) return <ProblemPage error={forbidden(t, t('Uw rol mag de berichten niet inzien.'))} />;
  return <Loaded state={state}>{(file) => file && <FileDetail file={file} />}</Loaded>;
}

function FileDetail({ file }: { file: ImportedFile }) {
  const { t, lang } = useT();
  const names = usePartyNames();
  const name = baseName(file.fileName);
  useDocumentTitle(name);
  const type = file.messageType
    ? `${file.messageType}${messageTypeLabels[file.messageType] ? ` – ${t(messageTypeLabels[file.messageType]!)}` : ''}`
    : '—';
  return (
    <>
      <MessagesNav />
      <h1 className="utrecht-heading-1 file-path">{name}</h1>
      <DataList
        items={[
          [t('Status'), <ImportStatusBadge key="status" status={file.status} />],
          [
            t('Bestand'),
            <span key="file" className="file-path">
              {file.fileName}
            </span>,
          ],
          [
            t('Ontvangen'),
            <time key="at" dateTime={file.receivedAt}>
              {formatDateTime(file.receivedAt)}
            </time>,
          ],
          [t('Berichttype'), type],
          [t('Afzender'), names.party(file.sender)],
          [t('Ontvanger'), names.party(file.receiver)],
          [t('Berichtidentificatie'), file.messageId ? `${file.messageId} (${formatDate(file.messageDate)})` : '—'],
          [t('Grootte'), t('{count} bytes', { count: file.sizeBytes })],
          [t('Records'), formatCount(file.records, lang)],
          [t('Downloads'), <DownloadLinks key="downloads" file={file} original />],
        ]}
      />
      <h2 className="utrecht-heading-2">{t('Redenen')}</h2>
      <ReasonList reasons={file.reasons} />
      <p className="utrecht-paragraph">
        {file.status === 'rejected' ? (
          <TextLink to="/berichten/quarantaine">{t('Terug naar de quarantaine')}</TextLink>
        ) : (
          <TextLink to="/berichten">{t('Terug naar de ingelezen berichten')}</TextLink>
        )}
      </p>
    </>
  );
}
