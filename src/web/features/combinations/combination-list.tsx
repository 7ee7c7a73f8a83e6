import { can } from '../../../shared/permissions';
import { useState } from 'react';
import { TextLink } from '../../components/button';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { Table } from '../../components/table';
import { api, fetchAll } from '../../lib/api-client';
import { readProvider, useUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import type { Combination, Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { CombinationForm } from './combination-form';

const list = (signal?: AbortSignal) =>
  api<{ data: Combination[] }>('/combinations', signal ? { signal } : {}).then((r) => r.data);

const subcontractorsOf = (c: Combination) => c.members.filter((m) => m.role === 'onderaannemer');

/** /combinaties: providers that hold contracts together, a lead with subcontractors; editors add one below. */
export function CombinationListPage() {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(t('Combinaties'));
  const readable = can(user, 'combinations.read');
  const editable = can(user, 'combinations.edit');
  const [state] = useLoad((signal) => (readable ? list(signal) : Promise.resolve([])), [readable]);
  const [providers] = useLoad(
    (signal) => (editable ? fetchAll<Provider>('/providers', {}, signal) : Promise.resolve([])),
    [editable],
  );
  /** The list as read again after a combination was added; it replaces the first load. */
  const [fresh, setFresh] = useState<Combination[] | null>(null);
  if (!readable) return <ProblemPage error={forbidden(t, t('Uw rol mag de combinaties niet inzien.'))} />;

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Combinaties')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('Aanbieders die samen een contract houden: een hoofdaannemer met onderaannemers.')}
      </p>
      <SavedNotice />
      <Loaded state={state}>
        {(loaded) => <CombinationTable combinations={fresh ?? loaded} editable={editable} />}
      </Loaded>
      {editable && (
        <CombinationForm
          providers={providers.status === 'ok' ? providers.data : []}
          onCreated={async () => setFresh(await list())}
        />
      )}
    </>
  );
}

function CombinationTable({ combinations, editable }: { combinations: Combination[]; editable: boolean }) {
  const { t } = useT();
  return (
    <Table
      caption={t('{count} combinatie|{count} combinaties', { count: combinations.length })}
      rows={combinations}
      rowKey={(c) => c.id}
      empty={t('Nog geen combinaties.')}
      columns={[
        {
          header: t('Naam'),
          rowHeader: true,
          cell: (c) => (editable ? <TextLink to={`/combinaties/${c.id}`}>{c.name}</TextLink> : c.name),
        },
        {
          header: t('Hoofdaannemer'),
          cell: (c) => <MemberLinks members={c.members.filter((m) => m.role === 'hoofdaannemer')} />,
        },
        { header: t('Onderaannemers'), cell: (c) => <MemberLinks members={subcontractorsOf(c)} /> },
        {
          header: t('Beëindigd'),
          cell: (c) => (c.endedOn ? `${formatDate(c.endedOn)}: ${c.endReason ?? ''}` : '—'),
        },
      ]}
    />
  );
}

/** Members as links to their provider pages, one per line. */
function MemberLinks({ members }: { members: Combination['members'] }) {
  const user = useUser();
  if (members.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {members.map((m) => (
        <li key={m.providerId}>
          {readProvider(user, m.providerId) ? <TextLink to={`/aanbieders/${m.providerId}`}>{m.name}</TextLink> : m.name}
        </li>
      ))}
    </ul>
  );
}
