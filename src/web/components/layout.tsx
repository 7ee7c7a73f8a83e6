import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useUser } from '../lib/auth';
import { useRegion } from '../lib/region';
import { useT } from '../i18n';
import { roleLabels } from '../lib/labels';
import { Button, ButtonLink } from './button';
import { MainMenu } from './main-menu';
import { RegionSwitch } from './region-switch';

/** Page frame: skip link, header with user and language switch, main navigation, main landmark. */
export function Layout() {
  const { t, lang, setLang } = useT();
  const user = useUser();
  const region = useRegion();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [signingOut, setSigningOut] = useState(false);

  // After client-side navigation, move focus to the new page as a full page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <div className="utrecht-document utrecht-document--surface app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {t('Naar de inhoud')}
      </a>
      <header className="utrecht-page-header app-header">
        <div className="app-header__content">
          <div className="app-header__brand">
            <NavLink to="/" className="app-header__product utrecht-link">
              Zorglandschap
            </NavLink>
            {region && <span className="app-header__region">{region.name}</span>}
          </div>
          <div className="app-header__user">
            <RegionSwitch />
            <span>
              <span className="app-header__name">{user.name}</span>{' '}
              <span className="app-header__role">({t(roleLabels[user.role])})</span>
            </span>
            <ButtonLink appearance="subtle" to="/mijn-wachtwoord">
              {t('Mijn wachtwoord')}
            </ButtonLink>
            <Button
              appearance="subtle"
              lang={lang === 'nl' ? 'en' : 'nl'}
              onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
            >
              {lang === 'nl' ? 'English' : 'Nederlands'}
            </Button>
            <Button
              appearance="secondary"
              disabled={signingOut}
              onClick={async () => {
                setSigningOut(true);
                try {
                  await signOut();
                } finally {
                  setSigningOut(false);
                  navigate('/inloggen');
                }
              }}
            >
              {t('Uitloggen')}
            </Button>
          </div>
        </div>
      </header>
      <MainMenu />
      <main id="inhoud" ref={main} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="utrecht-page-footer app-footer">
        <div className="app-footer__content">
          <span>Zorglandschap</span>
          <a className="utrecht-link utrecht-link--html-a" href="/api/v1/openapi.json">
            {t('API-beschrijving (OpenAPI)')}
          </a>
        </div>
      </footer>
    </div>
  );
}

/** The frame for pages outside the session: skip link, header, main (narrow for a form such as the sign-in). */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const { t, lang, setLang } = useT();
  return (
    <div className="utrecht-document utrecht-document--surface app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {t('Naar de inhoud')}
      </a>
      <header className="utrecht-page-header app-header">
        <div className="app-header__content">
          <div className="app-header__brand">
            <span className="app-header__product">Zorglandschap</span>
          </div>
          <div className="app-header__user">
            <Button
              appearance="subtle"
              lang={lang === 'nl' ? 'en' : 'nl'}
              onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
            >
              {lang === 'nl' ? 'English' : 'Nederlands'}
            </Button>
          </div>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className={wide ? 'app-main' : 'app-main app-main--narrow'}>
        <Outlet />
      </main>
    </div>
  );
}
