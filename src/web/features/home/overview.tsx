import { useDocumentTitle } from '../../components/page-title';
import { can } from '../../../shared/permissions';
import { useUser } from '../../lib/auth';
import { useRegion } from '../../lib/region';
import { useT } from '../../i18n';
import { features } from '..';

/** Start page: the blocks the features offer this user's role (its worklists and figures), in feature order. */
export function OverviewPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  useDocumentTitle(t('Overzicht'));
  const tiles = features.flatMap((f) => f.tiles ?? []).filter((tile) => can(user, tile.permission));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Overzicht')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('Welkom, {name}.', { name: user.name })} {region ? t('U werkt in {name}.', { name: region.name }) : ''}
      </p>
      <div className="start-tiles">
        {tiles.map(({ id, component: Tile }) => (
          <Tile key={id} />
        ))}
      </div>
    </>
  );
}
