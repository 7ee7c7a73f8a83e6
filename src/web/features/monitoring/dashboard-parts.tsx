import { Link, NavLink } from 'react-router';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import type { ApiError } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useCodeList } from '../../lib/code-lists';
import { useRegion } from '../../lib/region';
import { useT, type Msg } from '../../i18n';
import type { User } from '../../lib/types';
import { usePartyNames } from '../exchange/exchange-parts';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure';
import { periodLabel } from './dashboard-controls';
import { publishedPeriod, toSearch, type DashboardState } from './dashboard-state';
import type { ScopeType } from './monitoring-api';
import type { KpiPeriod, KpiUnknownProducts } from '../../../shared/kpi';
import { TextLink } from '../../components/button';

/** For the navigation and the start page until their rewrite asks `can(user, 'kpis.read')` directly. */
export const canSeeDashboard = (user: User) => can(user, 'kpis.read');

export const scopeLabels: Record<ScopeType, Msg> = { region: 'Regio', municipality: 'Gemeente', provider: 'Aanbieder' };

/** Names for the codes the dashboard filters by: CBS code, AGB code, productcategorie, lot code. */
export function useDashboardNames() {
  const region = useRegion();
  const parties = usePartyNames();
  const categories = useCodeList('JZ020');
  return {
    providers: parties.providers,
    municipality: (cbs: string) => parties.municipality(cbs),
    provider: (agb: string) => parties.provider(agb),
    category: (code: string) => {
      const name = categories.find((c) => c.code === code)?.name;
      return name ? `${code} – ${name}` : code;
    },
    lot: (code: string) => region?.lots.find((l) => l.code === code)?.name ?? code,
  };
}

/** The tabs of the monitoring pages. */
export function MonitoringNav() {
  const { t } = useT();
  const user = useUser();
  const links: Array<{ to: string; label: Msg; show: boolean }> = [
    { to: '/dashboard', label: 'Dashboard', show: true },
    { to: '/signalen', label: 'Signalen', show: can(user, 'kpis.read') },
    { to: '/doelen', label: 'Doelen', show: can(user, 'targets.read') },
    { to: '/rapportages', label: 'Rapportages', show: can(user, 'reports.read') },
  ];
  if (links.filter((l) => l.show).length < 2) return null;
  return (
    <nav className="sub-nav" aria-label={t('Sturingsinformatie')}>
      <ul className="sub-nav__list">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to} className="sub-nav__item">
              <NavLink to={l.to} className="sub-nav__link utrecht-link">
                {t(l.label)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/**
 * The drill-down path as a breadcrumb: Regio › Nieuwegein › Aanbieder › Productcategorie. Each step goes back to
 * that level (dropping the deeper filters); the last one is the current level.
 */
export function DrillPath({
  state,
  basePath,
  ownProvider,
}: {
  state: DashboardState;
  basePath: string;
  ownProvider?: string | undefined;
}) {
  const { t } = useT();
  const names = useDashboardNames();
  const period = state.period;
  const steps: Array<{ label: string; state: DashboardState }> = [];
  const region = { period, groupBy: '' as const, municipality: '', provider: '', productCategory: '', lot: '' };
  steps.push({ label: t('Regio'), state: region });
  let at = region as DashboardState;
  if (state.municipality) {
    at = { ...at, municipality: state.municipality };
    steps.push({ label: names.municipality(state.municipality), state: at });
  }
  if (state.lot) {
    at = { ...at, lot: state.lot };
    steps.push({ label: `${t('Perceel')} ${names.lot(state.lot)}`, state: at });
  }
  const provider = state.provider || ownProvider;
  if (provider) {
    at = { ...at, provider: state.provider };
    steps.push({ label: names.provider(provider), state: at });
  }
  if (state.productCategory) {
    at = { ...at, productCategory: state.productCategory };
    steps.push({ label: names.category(state.productCategory), state: at });
  }
  return (
    <nav className="utrecht-breadcrumb-nav drill-path" aria-label={t('Kruimelpad')}>
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {steps.map((step, i) => {
          const last = i === steps.length - 1;
          return (
            <li key={i} className="utrecht-breadcrumb-nav__item">
              {last ? (
                <span
                  className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current"
                  aria-current="page"
                >
                  {step.label}
                </span>
              ) : (
                <Link className="utrecht-breadcrumb-nav__link utrecht-link" to={`${basePath}${toSearch(step.state)}`}>
                  {step.label}
                </Link>
              )}
              {!last && (
                <span className="drill-path__separator" aria-hidden="true">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * A refused or failed request for figures, under the page's own heading (a period the server cannot read, or an
 * aanbieder asking for another provider): the controls stay, so the user can choose again.
 */
export function LoadProblem({ error }: { error: ApiError }) {
  const params = error.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ');
  return <Alert type="error">{params || error.problem.detail || error.problem.title}</Alert>;
}

/**
 * The period a page shows this user for the one asked (see `publishedPeriod`), and the notice to show when a free
 * interval in the address was replaced by a calendar period: a bookmark of a colleague who gets exact figures opens
 * with figures and a word of explanation, not with an error.
 */
export function useShownPeriod(asked: string) {
  const { t, lang } = useT();
  const shown = publishedPeriod(asked, kpiDisclosureFor(useUser().role));
  const notice = shown.replaced && (
    <Alert type="info">
      {t(
        'De vrije periode {interval} wordt voor uw rol niet gepubliceerd, alleen maanden, kwartalen en jaren. U ziet de cijfers over {period}.',
        { interval: periodLabel(shown.replaced, lang), period: periodLabel(shown.period, lang) },
      )}
    </Alert>
  );
  return { period: shown.period, notice };
}

/**
 * Says that a period's figures are provisional (voorlopig): its declarations cannot be complete yet, so a figure may
 * still rise and a change against the period before is no final change.
 */
export function ProvisionalNotice({ period, previous }: { period: KpiPeriod; previous?: KpiPeriod }) {
  const { t, lang } = useT();
  const provisional = [period, previous].filter((p): p is KpiPeriod => !!p?.provisional);
  if (!provisional.length) return null;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  return (
    <Alert type="warning" role="status">
      <strong>{t('Voorlopige cijfers')}</strong>:{' '}
      {provisional.map((p) => (
        <span key={p.label}>
          {t('{period} is voorlopig: declaraties kunnen nog binnenkomen tot {date}.', {
            period: periodLabel(p.label, lang),
            date: date(p.finalOn ?? p.to),
          })}{' '}
        </span>
      ))}
      {t('De cijfers kunnen nog stijgen; een verschil met de vorige periode is nog geen echte daling of stijging.')}
    </Alert>
  );
}

/**
 * Trajectories whose product code the region's product book does not know: they count by their productcategorie
 * (stay for 43 and 44, no lot) until the product is added. Shown to the roles that see exact figures.
 */
export function UnknownProductsNotice({ unknown }: { unknown: KpiUnknownProducts | null }) {
  const { t } = useT();
  if (!unknown || unknown.trajectories === 0) return null;
  return (
    <Alert type="warning" role="status">
      <strong>{t('Productcodes buiten het productenboek')}</strong>:{' '}
      {t(
        '{count} traject in deze periode heeft een productcode die niet in het productenboek van de regio staat ({codes}). Het telt mee volgens zijn productcategorie, zonder perceel; met of zonder verblijf volgt dan uit de categorie.|{count} trajecten in deze periode hebben een productcode die niet in het productenboek van de regio staat ({codes}). Ze tellen mee volgens hun productcategorie, zonder perceel; met of zonder verblijf volgt dan uit de categorie.',
        { count: unknown.trajectories, codes: unknown.codes.join(', ') },
      )}{' '}
      <TextLink to="/producten">{t('Naar de producten')}</TextLink>
    </Alert>
  );
}
