import { ButtonLink } from '../../components/button';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { Table } from '../../components/table';
import { api, fetchAll } from '../../lib/api-client';
import { roleLabels } from '../../lib/labels';
import type { Provider, User } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

export function UserListPage() {
  const { t } = useT();
  useDocumentTitle(t('Gebruikers'));
  const [state] = useLoad(async (signal) => {
    const users = (await api<{ data: User[] }>('/users', { signal })).data;
    const providers = users.some((u) => u.providerId) ? await fetchAll<Provider>('/providers', {}, signal) : [];
    return { users, providerNames: new Map(providers.map((p) => [p.id, p.name])) };
  }, []);
  return (
    <Loaded state={state}>
      {({ users, providerNames }) => (
        <>
          <div className="page-heading">
            <h1 className="utrecht-heading-1">{t('Gebruikers')}</h1>
            <ButtonLink appearance="primary" to="/gebruikers/nieuw">{t('Nieuwe gebruiker')}</ButtonLink>
          </div>
          <SavedNotice />
          <Table
            caption={t('{count} gebruikers', { count: users.length })}
            rows={users}
            rowKey={(u) => u.id}
            empty={t('Geen gebruikers.')}
            columns={[
              { header: t('Naam'), rowHeader: true, cell: (u) => u.name },
              { header: t('E-mailadres'), cell: (u) => u.email },
              { header: t('Rol'), cell: (u) => t(roleLabels[u.role]) },
              { header: t('Aanbieder'), cell: (u) => (u.providerId ? providerNames.get(u.providerId) ?? u.providerId : '—') },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
