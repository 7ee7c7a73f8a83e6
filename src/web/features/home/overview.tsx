import { TextLink } from '../../components/button';
import { useDocumentTitle } from '../../components/page-title';
import { countOf } from '../../lib/api-client';
import { can, useUser } from '../../lib/auth';
import { todayIso } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';

interface Tile {
  label: Msg;
  count: number | null;
  to: string;
  link: Msg;
}

/** Start page: how many providers, running contracts and products there are, with the way to each list. */
export function OverviewPage() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  useDocumentTitle(t('Overzicht'));
  const [state] = useLoad(async (signal) => {
    const safe = (p: Promise<number>) => p.catch(() => null);
    const [providers, contracts, products] = await Promise.all([
      safe(countOf('/providers', {}, signal)),
      safe(countOf('/contracts', { activeOn: todayIso() }, signal)),
      safe(countOf('/products', {}, signal)),
    ]);
    return { providers, contracts, products };
  }, []);
  const counts = state.status === 'ok' ? state.data : null;
  const tiles: Tile[] = [
    { label: 'Aanbieders', count: counts?.providers ?? null, to: '/aanbieders', link: 'Naar de aanbieders' },
    { label: 'Lopende contracten', count: counts?.contracts ?? null, to: `/contracten?peildatum=${todayIso()}`, link: 'Naar de contracten' },
    { label: 'Producten', count: counts?.products ?? null, to: '/producten', link: 'Naar de producten' },
  ];

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Overzicht')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('Welkom, {name}.', { name: user.name })} {region ? t('U werkt in {name}.', { name: region.name }) : ''}
      </p>
      <ul className="tiles" aria-busy={state.status === 'loading'}>
        {tiles.map((tile) => (
          <li key={tile.to} className="tile">
            <h2 className="utrecht-heading-2 tile__heading">{t(tile.label)}</h2>
            <p className="tile__count">{state.status === 'loading' ? '…' : tile.count === null ? '—' : tile.count.toLocaleString('nl-NL')}</p>
            <TextLink to={tile.to}>{t(tile.link)}</TextLink>
          </li>
        ))}
      </ul>
      <h2 className="utrecht-heading-2">{t('Verder')}</h2>
      <ul className="utrecht-unordered-list">
        {can.seeBudgets(user) && <li className="utrecht-unordered-list__item"><TextLink to="/budgetten">{t('Budgetten per gemeente en post')}</TextLink></li>}
        {can.editMasterData(user) && <li className="utrecht-unordered-list__item"><TextLink to="/aanbieders/nieuw">{t('Nieuwe aanbieder')}</TextLink></li>}
        {can.editMasterData(user) && <li className="utrecht-unordered-list__item"><TextLink to="/contracten/nieuw">{t('Nieuw contract')}</TextLink></li>}
        {user.role === 'aanbieder' && user.providerId && (
          <li className="utrecht-unordered-list__item"><TextLink to={`/aanbieders/${user.providerId}`}>{t('Gegevens van uw organisatie')}</TextLink></li>
        )}
        {can.administer(user) && <li className="utrecht-unordered-list__item"><TextLink to="/gebruikers">{t('Gebruikers beheren')}</TextLink></li>}
        {can.administer(user) && <li className="utrecht-unordered-list__item"><TextLink to="/audit">{t('Audit-log bekijken')}</TextLink></li>}
      </ul>
    </>
  );
}
