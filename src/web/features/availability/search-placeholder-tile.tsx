import { TextLink } from '../../components/button';
import { StartTile } from '../../components/start-tile';
import { can } from '../../../shared/permissions';
import { useUser } from '../../lib/auth';
import { useT } from '../../i18n';

/**
 * Start page of a referrer (and the backoffice): the place where the availability search will come. Until it lands,
 * it says so and leads to the providers and their products. Not for a provider's own account.
 */
export function SearchPlaceholderTile() {
  const { t } = useT();
  const user = useUser();
  if (user.providerId) return null;
  return (
    <StartTile title={t('Beschikbaarheid zoeken')}>
      {() => (
        <>
          <p className="utrecht-paragraph">
            {t(
              'Binnenkort zoekt u hier welke aanbieders plek hebben voor een jeugdige, en hoe lang de wachttijd is. Die zoekfunctie is er nog niet.',
            )}
          </p>
          <p className="utrecht-paragraph">{t('Tot dan vindt u het aanbod van de regio hier:')}</p>
          <ul className="start-tile__list">
            <li>
              <TextLink to="/aanbieders">{t('Aanbieders')}</TextLink>
            </li>
            {can(user, 'products.read') && (
              <li>
                <TextLink to="/producten">{t('Producten en tarieven')}</TextLink>
              </li>
            )}
          </ul>
        </>
      )}
    </StartTile>
  );
}
