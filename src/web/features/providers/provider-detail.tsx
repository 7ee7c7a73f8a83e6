import { isWebAddress } from '../../../shared/domain';
import { can, scopeOf } from '../../../shared/permissions';
import { useParams } from 'react-router';
import { ButtonLink, TextLink } from '../../components/button';
import { Loaded, Loading } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { SavedNotice } from '../../components/saved-notice';
import { DataList, Table } from '../../components/table';
import { api, fetchAll } from '../../lib/api-client';
import { editProvider, useUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { contractStatusLabels, domainLabels, tierSchemeLabels } from '../../lib/labels';
import type { Combination, Contract, Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

export function ProviderDetailPage() {
  const { id = '' } = useParams();
  const [state] = useLoad((signal) => api<Provider>(`/providers/${encodeURIComponent(id)}`, { signal }), [id]);
  return <Loaded state={state}>{(provider) => <ProviderDetail provider={provider} />}</Loaded>;
}

function ProviderDetail({ provider }: { provider: Provider }) {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(provider.name);
  const [contracts] = useLoad(
    (signal) => fetchAll<Contract>('/contracts', { providerId: provider.id }, signal),
    [provider.id],
  );
  const [combinations] = useLoad(
    async (signal) => {
      const all = (await api<{ data: Combination[] }>('/combinations', { signal })).data;
      return all.filter((c) => c.members.some((m) => m.providerId === provider.id));
    },
    [provider.id],
  );
  const none = '—';

  return (
    <>
      <div className="page-heading">
        <h1 className="utrecht-heading-1">{provider.name}</h1>
        {editProvider(user, provider.id) && (
          <ButtonLink appearance="primary" to={`/aanbieders/${provider.id}/bewerken`}>
            {t('Bewerken')}
          </ButtonLink>
        )}
      </div>
      <SavedNotice />
      <DataList
        items={[
          [t('AGB-code'), provider.agbCode],
          [t('KvK-nummer'), provider.kvkNumber ?? none],
          [t('Domeinen'), provider.domains.map((d) => t(domainLabels[d])).join(', ') || none],
          [
            t('Specialisaties'),
            provider.specialisations.length ? (
              <ul className="utrecht-unordered-list">
                {provider.specialisations.map((s) => (
                  <li key={s} className="utrecht-unordered-list__item">
                    {s}
                  </li>
                ))}
              </ul>
            ) : (
              none
            ),
          ],
          [
            t('Website'),
            provider.website && isWebAddress(provider.website) ? (
              <a className="utrecht-link utrecht-link--html-a" href={provider.website} rel="noopener noreferrer">
                {provider.website}
              </a>
            ) : (
              (provider.website ?? none)
            ),
          ],
          [t('Status'), provider.active ? t('Actief') : t('Inactief')],
          [
            t('Niveaus'),
            provider.tiers.length
              ? provider.tiers.map((tier) => `${t(tierSchemeLabels[tier.scheme])}: ${tier.name}`).join('; ')
              : none,
          ],
          [t('Laatst gewijzigd'), formatDate(provider.updatedAt.slice(0, 10), 'long')],
        ]}
      />
      {can(user, 'providerPack.read') &&
        (scopeOf(user.role, 'providerPack.read') !== 'ownProvider' || user.providerId === provider.id) && (
          <p className="utrecht-paragraph">
            <TextLink to={`/aanbieders/${provider.id}/dossier`}>{t('Dossier voor het overleg')}</TextLink>
          </p>
        )}
      <Table
        caption={t('Locaties')}
        rows={provider.locations}
        rowKey={(l) => l.id}
        empty={t('Geen locaties vastgelegd.')}
        columns={[
          { header: t('Naam'), rowHeader: true, cell: (l) => l.name },
          { header: t('Postcode'), cell: (l) => l.postcode },
          { header: t('Plaats'), cell: (l) => l.city ?? none },
          {
            header: t('Ligging'),
            cell: (l) =>
              l.latitude === null || l.longitude === null
                ? t('midden van het postcodegebied')
                : `${l.latitude.toLocaleString('nl-NL')} N, ${l.longitude.toLocaleString('nl-NL')} O`,
          },
        ]}
      />
      <h2 className="utrecht-heading-2">{t('Contracten')}</h2>
      {contracts.status === 'loading' && <Loading />}
      {contracts.status === 'error' && <p className="utrecht-paragraph">{contracts.error.message}</p>}
      {contracts.status === 'ok' && (
        <Table
          caption={t('Contracten van {name}', { name: provider.name })}
          captionHidden
          rows={contracts.data}
          rowKey={(c) => c.id}
          empty={t('Geen contracten.')}
          columns={[
            {
              header: t('Kenmerk'),
              rowHeader: true,
              cell: (c) => <TextLink to={`/contracten/${c.id}`}>{c.reference}</TextLink>,
            },
            { header: t('Perceel'), cell: (c) => c.lotName },
            { header: t('Start'), cell: (c) => formatDate(c.startDate) },
            { header: t('Einde'), cell: (c) => formatDate(c.effectiveEndDate) },
            { header: t('Status'), cell: (c) => t(contractStatusLabels[c.status]) },
          ]}
        />
      )}
      <h2 className="utrecht-heading-2">{t('Combinaties')}</h2>
      {combinations.status === 'loading' && <Loading />}
      {combinations.status === 'error' && <p className="utrecht-paragraph">{combinations.error.message}</p>}
      {combinations.status === 'ok' && (
        <Table
          caption={t('Combinaties van {name}', { name: provider.name })}
          captionHidden
          rows={combinations.data}
          rowKey={(c) => c.id}
          empty={t('Geen combinaties.')}
          columns={[
            {
              header: t('Combinatie'),
              rowHeader: true,
              cell: (c) => (can(user, 'combinations.read') ? <TextLink to="/combinaties">{c.name}</TextLink> : c.name),
            },
            {
              header: t('Rol in de combinatie'),
              cell: (c) => (c.leadProviderId === provider.id ? t('Hoofdaannemer') : t('Onderaannemer')),
            },
            {
              header: t('Hoofdaannemer'),
              cell: (c) => c.members.find((m) => m.role === 'hoofdaannemer')?.name ?? none,
            },
          ]}
        />
      )}
      <p className="utrecht-paragraph">
        <TextLink to="/aanbieders">{t('Terug naar de aanbieders')}</TextLink>
      </p>
    </>
  );
}
