import { TextLink } from '../../components/button';
import { useDocumentTitle } from '../../components/page-title';
import { countOf } from '../../lib/api-client';
import { can, useUser } from '../../lib/auth';
import { formatCount, todayIso } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { canSeeDashboard } from '../monitoring/dashboard-parts';
import { useT, type Msg } from '../../i18n';

interface Tile {
  label: Msg;
  count: number | null;
  to: string;
  link: Msg;
}

/** Start page: how many providers, running contracts and products there are, with the way to each list. */
export function OverviewPage() {
  const { t, lang } = useT();
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
    {
      label: 'Lopende contracten',
      count: counts?.contracts ?? null,
      to: `/contracten?peildatum=${todayIso()}`,
      link: 'Naar de contracten',
    },
    { label: 'Producten', count: counts?.products ?? null, to: '/producten', link: 'Naar de producten' },
  ];

  // The next steps this role can take; a role with none (a verwijzer) gets no empty heading.
  const further = (
    [
      [canSeeDashboard(user), '/dashboard', 'Sturingsinformatie op het dashboard'],
      [can.seeBudgets(user), '/budgetten', 'Budgetten per gemeente en post'],
      [can.editMasterData(user), '/aanbieders/nieuw', 'Nieuwe aanbieder'],
      [can.editMasterData(user), '/contracten/nieuw', 'Nieuw contract'],
      [user.role === 'aanbieder' && !!user.providerId, `/aanbieders/${user.providerId}`, 'Gegevens van uw organisatie'],
      [can.administer(user), '/gebruikers', 'Gebruikers beheren'],
      [can.administer(user), '/audit', 'Audit-log bekijken'],
    ] as Array<[boolean, string, Msg]>
  )
    .filter(([shown]) => shown)
    .map(([, to, label]) => [to, label] as const);

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
            <p className="tile__count">
              {state.status === 'loading' ? '…' : tile.count === null ? '—' : formatCount(tile.count, lang)}
            </p>
            <TextLink to={tile.to}>{t(tile.link)}</TextLink>
          </li>
        ))}
      </ul>
      {further.length > 0 && (
        <>
          <h2 className="utrecht-heading-2">{t('Verder')}</h2>
          <ul className="utrecht-unordered-list">
            {further.map(([to, label]) => (
              <li key={to} className="utrecht-unordered-list__item">
                <TextLink to={to}>{t(label)}</TextLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
