import { useState } from 'react';
import { can } from '../../../shared/permissions';
import { FilterForm } from '../../components/filter-form';
import { SelectField, TextField } from '../../components/form-fields';
import { useRegion } from '../../lib/region';
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
import { QuarantineHandling, QuarantineStateBadge, type QuarantineState } from './quarantine-handling';
import type { ImportedFile, ReasonGroup } from './types';

/** /berichten/quarantaine: the rejected files with their reasons, the retour message and the original. */
export function QuarantinePage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Quarantaine'));
  if (!can(user, 'imports.read'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag de berichten niet inzien.'))} />;
  return <Quarantine />;
}

const filterKeys = ['status', 'reden', 'berichttype', 'afzender', 'vanaf', 'tot'] as const;
type FilterValues = Record<(typeof filterKeys)[number], string>;
/** The status filter's values in the address; none is "open", the work still to do. */
const stateQuery: Record<string, QuarantineState | undefined> = {
  '': 'open',
  behandeld: 'handled',
  opgelost: 'resolved',
  alle: undefined,
};

/** The API query of the page's filters (without the page), shared by the list, the groups and the zip. */
function filterQuery(v: FilterValues) {
  return {
    quarantineState: stateQuery[v.status],
    reason: v.reden || undefined,
    messageType: v.berichttype || undefined,
    sender: v.afzender || undefined,
    receivedFrom: v.vanaf || undefined,
    receivedTo: v.tot || undefined,
  };
}

function Quarantine() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const filters = useFilters(filterKeys);
  const names = usePartyNames();
  const query = filterQuery(filters.values);
  const deps = [...filterKeys.map((k) => filters.values[k]), filters.page];
  const [loaded] = useLoad(
    (signal) =>
      api<Page<ImportedFile>>(
        `/imports${toQuery({ status: 'rejected', ...query, page: filters.page, pageSize: 25 })}`,
        { signal },
      ),
    deps,
    { keepPrevious: true },
  );
  const [groups] = useLoad(
    (signal) =>
      api<{ data: ReasonGroup[] }>(`/quarantine/reasons${toQuery({ ...query, reason: undefined })}`, { signal }),
    deps,
    { keepPrevious: true },
  );
  const state = useClampToLastPage(loaded, filters.hrefFor);
  const problem = pageProblem(state);
  if (problem) return problem;
  const withReason = (rule: string) => {
    const params = new URLSearchParams();
    for (const k of filterKeys) if (filters.values[k] && k !== 'reden') params.set(k, filters.values[k]);
    if (rule) params.set('reden', rule);
    return `?${params.toString()}`;
  };
  const typeOptions = Object.entries(messageTypeLabels).map(([code, label]) => ({
    value: code,
    label: `${code} – ${t(label)}`,
  }));
  const senderOptions = [
    ...(region?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: `${m.name} (${m.cbsCode})` })),
    ...names.providers.map((p) => ({ value: p.agbCode, label: `${p.name} (${p.agbCode})` })),
  ];
  const groupList = groups.status === 'ok' ? groups.data.data : [];
  const total = state.status === 'ok' ? state.data.page.totalElements : 0;
  return (
    <>
      <MessagesNav />
      <h1 className="utrecht-heading-1">{t('Quarantaine')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Afgekeurde bestanden, nieuwste eerst. Niets uit een afgekeurd bestand is ingelezen; de afzender krijgt de redenen in het retourbericht.',
        )}
      </p>
      <FilterForm key={filters.key} initial={filters.values} onApply={filters.apply}>
        {(draft, set) => (
          <>
            <SelectField
              id="status"
              label={t('Status')}
              options={[
                { value: '', label: t('Open') },
                { value: 'behandeld', label: t('Behandeld') },
                { value: 'opgelost', label: t('Vanzelf opgelost') },
                { value: 'alle', label: t('Alle statussen') },
              ]}
              value={draft.status}
              onChange={(v) => set('status', v)}
            />
            <SelectField
              id="reden"
              label={t('Reden')}
              placeholder={t('Alle redenen')}
              options={groupList.map((g) => ({ value: g.rule, label: `${g.title} (${g.rule})` }))}
              value={draft.reden}
              onChange={(v) => set('reden', v)}
            />
            <SelectField
              id="berichttype"
              label={t('Berichttype')}
              placeholder={t('Alle berichttypen')}
              options={typeOptions}
              value={draft.berichttype}
              onChange={(v) => set('berichttype', v)}
            />
            <SelectField
              id="afzender"
              label={t('Afzender')}
              placeholder={t('Alle afzenders')}
              options={senderOptions}
              value={draft.afzender}
              onChange={(v) => set('afzender', v)}
            />
            <TextField
              id="vanaf"
              type="date"
              label={t('Ontvangen vanaf')}
              value={draft.vanaf}
              onChange={(v) => set('vanaf', v)}
            />
            <TextField
              id="tot"
              type="date"
              label={t('Ontvangen tot en met')}
              value={draft.tot}
              onChange={(v) => set('tot', v)}
            />
          </>
        )}
      </FilterForm>
      <section aria-labelledby="per-reden" className="reason-groups">
        <h2 className="utrecht-heading-2" id="per-reden">
          {t('Per reden')}
        </h2>
        {groupList.length === 0 ? (
          <p className="utrecht-paragraph">{t('Geen afgekeurde bestanden met deze filters.')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {groupList.map((g) => (
              <li key={g.rule} className="utrecht-unordered-list__item">
                <TextLink to={withReason(g.rule)} aria-current={filters.values.reden === g.rule ? 'true' : undefined}>
                  {g.title} ({g.rule})
                </TextLink>
                : {t('{count} bestand|{count} bestanden', { count: g.files })}
                <br />
                <span className="cell-note">{g.advice}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          {can(user, 'imports.download') && total > 0 && (
            <p className="utrecht-paragraph">
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`/api/v1/quarantine/retours${toQuery(query)}`}
                download="retourberichten.zip"
              >
                {t('Retourberichten van deze selectie downloaden (zip)')}
              </a>
            </p>
          )}
          <Table
            caption={t('{count} afgekeurd bestand|{count} afgekeurde bestanden', { count: total })}
            rows={state.data.data}
            busy={state.refreshing}
            rowKey={(f) => f.id}
            empty={t('Geen afgekeurde bestanden met deze filters.')}
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
              {
                header: t('Status'),
                cell: (f) => (f.quarantine ? <QuarantineStateBadge state={f.quarantine.state} /> : '—'),
              },
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
  return <Loaded state={state}>{(file) => file && <FileDetail initial={file} />}</Loaded>;
}

function FileDetail({ initial }: { initial: ImportedFile }) {
  const [file, setFile] = useState(initial);
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
      <ReasonList reasons={file.reasons} advice />
      <QuarantineHandling file={file} onChange={setFile} />
      <FileTrajectories file={file} />
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

/**
 * The trajectories a file's messages belong to: of an accepted file its own, of a quarantined file the one that later
 * resolved it (nothing of a rejected file itself is imported, so it names no trajectory).
 */
function FileTrajectories({ file }: { file: ImportedFile }) {
  const { t } = useT();
  const user = useUser();
  const source = file.status === 'accepted' ? file.id : (file.quarantine?.resolvedBy ?? null);
  if (!source || !can(user, 'trajectories.read')) return null;
  return (
    <p className="utrecht-paragraph">
      <TextLink to={`/trajecten?bestand=${source}`}>
        {file.status === 'accepted'
          ? t('Trajecten met een bericht uit dit bestand')
          : t('Trajecten uit het bestand dat dit oploste')}
      </TextLink>
    </p>
  );
}
