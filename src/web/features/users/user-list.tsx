import { useState } from 'react';
import { Button, ButtonLink, TextLink } from '../../components/button';
import { Alert } from '../../components/alert';
import { StatusMessage } from '../../components/status-message';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { Table } from '../../components/table';
import { api, fetchAll } from '../../lib/api-client';
import { roleLabels } from '../../lib/labels';
import type { Provider, User } from '../../lib/types';
import { useUser } from '../../lib/auth';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

export function UserListPage() {
  const { t } = useT();
  const me = useUser();
  useDocumentTitle(t('Gebruikers'));
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [state, reload] = useLoad(async (signal) => {
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
            <ButtonLink appearance="primary" to="/gebruikers/nieuw">
              {t('Nieuwe gebruiker')}
            </ButtonLink>
          </div>
          <SavedNotice />
          <StatusMessage message={message} />
          {failure && <Alert type="error">{failure}</Alert>}
          <Table
            caption={t('{count} gebruiker|{count} gebruikers', { count: users.length })}
            rows={users}
            rowKey={(u) => u.id}
            empty={t('Geen gebruikers.')}
            columns={[
              {
                header: t('Naam'),
                rowHeader: true,
                cell: (u) => <TextLink to={`/gebruikers/${u.id}`}>{u.name}</TextLink>,
              },
              { header: t('E-mailadres'), cell: (u) => u.email },
              { header: t('Rol'), cell: (u) => t(roleLabels[u.role]) },
              {
                header: t('Aanbieder'),
                cell: (u) => (u.providerId ? (providerNames.get(u.providerId) ?? u.providerId) : '—'),
              },
              { header: t('Status'), cell: (u) => (u.active ? t('Actief') : t('Niet actief')) },
              {
                header: t('Toegang'),
                cell: (u) =>
                  u.id === me?.id ? (
                    '—'
                  ) : (
                    <Button
                      onClick={async () => {
                        setFailure(null);
                        try {
                          await api<User>(`/users/${u.id}`, { method: 'PATCH', body: { active: !u.active } });
                          setMessage(
                            u.active
                              ? t('{name} kan niet meer inloggen.', { name: u.name })
                              : t('{name} kan weer inloggen.', { name: u.name }),
                          );
                          reload();
                        } catch (error) {
                          setFailure(error instanceof Error ? error.message : String(error));
                        }
                      }}
                    >
                      {u.active ? t('Deactiveren') : t('Activeren')}
                      <span className="visually-hidden"> {u.name}</span>
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
