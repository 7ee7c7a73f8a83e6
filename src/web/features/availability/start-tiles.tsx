import { can } from '../../../shared/permissions';
import { TextLink } from '../../components/button';
import { StartTile, TileCount } from '../../components/start-tile';
import { countOf } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatCount } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

/** A referrer's (and the backoffice's) way to the search; who reads all entries also sees how many are stale. */
export function SearchTile() {
  const { t, lang } = useT();
  const user = useUser();
  const readsAll = can(user, 'availability.read') && !user.providerId;
  const [stale] = useLoad(
    (signal) => (readsAll ? countOf('/availability/entries', { stale: 'true' }, signal) : Promise.resolve(null)),
    [readsAll],
  );
  return (
    <StartTile title={t('Beschikbaarheid zoeken')} state={stale}>
      {(count) => (
        <>
          <p className="utrecht-paragraph">
            {t('Zoek welke gecontracteerde aanbieders plek hebben voor een jeugdige, met de kortste wachttijd eerst.')}
          </p>
          <ul className="start-tile__list">
            <li>
              <TextLink to="/beschikbaarheid/zoeken">{t('Beschikbaarheid zoeken')}</TextLink>
            </li>
            {typeof count === 'number' && (
              <li>
                <TextLink to="/beschikbaarheid/aanbod?status=verouderd">
                  {t('{count} verouderde regel van aanbieders|{count} verouderde regels van aanbieders', {
                    count: formatCount(count, lang),
                  })}
                </TextLink>
              </li>
            )}
          </ul>
        </>
      )}
    </StartTile>
  );
}

/** A provider's own entries: how many are stale, and the way to confirm them. */
export function OwnAvailabilityTile() {
  const { t, lang } = useT();
  const user = useUser();
  const [state] = useLoad(
    async (signal) =>
      user.providerId
        ? {
            all: await countOf('/availability/entries', {}, signal),
            stale: await countOf('/availability/entries', { stale: 'true' }, signal),
          }
        : null,
    [user.providerId],
  );
  if (!user.providerId) return null;
  return (
    <StartTile title={t('Uw beschikbaarheid')} state={state}>
      {(counts) =>
        counts && (
          <>
            <TileCount
              count={formatCount(counts.stale, lang)}
              label={t('van {all} regels verouderd', { all: formatCount(counts.all, lang) })}
            />
            <p className="utrecht-paragraph">
              {counts.stale > 0
                ? t('Verwijzers zien deze regels als verouderd. Werk ze bij of bevestig ze als ongewijzigd.')
                : t('Alle regels zijn actueel.')}
            </p>
            <p className="utrecht-paragraph">
              <TextLink to="/beschikbaarheid/aanbod">{t('Beschikbaarheid bijwerken')}</TextLink>
            </p>
          </>
        )
      }
    </StartTile>
  );
}

/**
 * The contract manager's signal: entries whose wait measured from the iJw messages differs from the reported one by
 * more than the region's margin, with the way to that list and to how providers keep their entries current.
 */
export function MeasuredSignalTile() {
  const { t, lang } = useT();
  const [state] = useLoad((signal) => countOf('/availability/entries', { waitDiffers: 'true' }, signal), []);
  return (
    <StartTile title={t('Gemeten naast gemelde wachttijd')} state={state}>
      {(count) =>
        typeof count === 'number' && (
          <>
            <TileCount
              count={formatCount(count, lang)}
              label={t('regel wijkt meer dan de marge af|regels wijken meer dan de marge af', { count })}
            />
            <p className="utrecht-paragraph">
              {t(
                'De wachttijd uit de iJw-berichten (aanvraag of toewijzing tot start) verschilt meer dan de marge van de regio van wat de aanbieder opgeeft.',
              )}
            </p>
            <ul className="start-tile__list">
              {count > 0 && (
                <li>
                  <TextLink to="/beschikbaarheid/aanbod?gemeten=wijkt-af">{t('Bekijk deze regels')}</TextLink>
                </li>
              )}
              <li>
                <TextLink to="/beschikbaarheid/bijhouden">{t('Bijhouden van de beschikbaarheid')}</TextLink>
              </li>
            </ul>
          </>
        )
      }
    </StartTile>
  );
}
