import { TextLink } from '../../components/button';
import { StartTile } from '../../components/start-tile';
import { can } from '../../../shared/permissions';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import type { Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

/** Start page of a provider's account: its own record to keep current, and its own contracts, care and figures. */
export function OwnProviderTile() {
  const user = useUser();
  // Only an account that works for a provider has one; the backoffice's accounts have none.
  if (!user.providerId) return null;
  return <OwnProvider providerId={user.providerId} />;
}

function OwnProvider({ providerId }: { providerId: string }) {
  const { t } = useT();
  const user = useUser();
  const [state] = useLoad((signal) => api<Provider>(`/providers/${providerId}`, { signal }), [providerId]);
  const links: Array<[boolean, string, string]> = [
    [true, `/aanbieders/${providerId}`, t('Gegevens van uw organisatie')],
    [can(user, 'providers.edit'), `/aanbieders/${providerId}/bewerken`, t('Locaties, domeinen en website bijwerken')],
    [can(user, 'contracts.read'), '/contracten', t('Uw contracten')],
    [can(user, 'trajectories.read'), '/trajecten', t('Uw zorgtrajecten')],
  ];
  return (
    <StartTile title={t('Uw organisatie')} state={state}>
      {(provider) => (
        <>
          <p className="start-tile__count">{provider?.name}</p>
          <ul className="start-tile__list">
            {links
              .filter(([shown]) => shown)
              .map(([, to, label]) => (
                <li key={to}>
                  <TextLink to={to}>{label}</TextLink>
                </li>
              ))}
          </ul>
        </>
      )}
    </StartTile>
  );
}
