import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { can } from '../../shared/permissions';
import { features } from '../features';
import { menuSections, type MenuEntry } from '../features/feature';
import { useT, type Msg } from '../i18n';
import { useUser } from '../lib/auth';
import { useMediaQuery } from '../lib/use-media-query';
import { cx } from './cx';

/** Phones get one menu button for the whole menu (the same width as the CSS's small-screen rules). */
export const phoneQuery = '(max-width: 40rem)';

interface VisibleSection {
  id: string;
  label: Msg;
  entries: MenuEntry[];
}

/** The sections with the entries this user may open, in menu order; empty sections are left out. */
function visibleSections(user: Parameters<typeof can>[0]): VisibleSection[] {
  const entries = features.flatMap((f) => f.menu ?? []).filter((e) => can(user, e.permission));
  return menuSections
    .map((s) => ({ id: s.id, label: s.label, entries: entries.filter((e) => e.section === s.id) }))
    .filter((s) => s.entries.length > 0);
}

const within = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** How closely an entry matches the page: the length of its path or `also` path the page lies within; 0 for none. */
function matchOf(entry: MenuEntry, pathname: string): number {
  return Math.max(0, ...[entry.path, ...(entry.also ?? [])].filter((p) => within(pathname, p)).map((p) => p.length));
}

/**
 * "page" on the entry's own page, "true" on its sub-pages and the pages it keeps marked (`also`); of the entries
 * whose paths hold the page, only the closest (/aanbieders/indeling is the tiers' page, not a provider's).
 */
function currentOf(entry: MenuEntry, pathname: string, entries: MenuEntry[]): 'page' | 'true' | undefined {
  if (pathname === entry.path) return 'page';
  const own = matchOf(entry, pathname);
  return own > 0 && entries.every((e) => e === entry || matchOf(e, pathname) <= own) ? 'true' : undefined;
}

/**
 * The main menu: on wider screens one row with a disclosure button per section (a section with one entry is a
 * plain link); on phones a "Menu" button that opens all sections stacked. Escape closes what is open and puts the
 * focus back on its button; a click or focus outside the menu, or following a link, closes it too.
 */
export function MainMenu() {
  const { t } = useT();
  const user = useUser();
  const location = useLocation();
  const phone = useMediaQuery(phoneQuery);
  const sections = useMemo(() => visibleSections(user), [user]);
  const allEntries = useMemo(() => sections.flatMap((s) => s.entries), [sections]);
  const [open, setOpen] = useState<string | null>(null);
  const nav = useRef<HTMLElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => setOpen(null), [location.pathname, location.search, phone]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    buttons.current.get(open)?.focus();
    setOpen(null);
  };

  const toggle = (id: string, label: ReactNode, controls: string, className: string) => (
    <button
      type="button"
      ref={(el) => {
        if (el) buttons.current.set(id, el);
        else buttons.current.delete(id);
      }}
      className={className}
      aria-expanded={open === id}
      aria-controls={controls}
      onClick={() => setOpen(open === id ? null : id)}
    >
      {label}
      <span className="app-menu__chevron" aria-hidden="true" />
    </button>
  );

  const link = (entry: MenuEntry) => (
    <Link
      to={entry.path}
      aria-current={currentOf(entry, location.pathname, allEntries)}
      className="app-menu__link utrecht-link utrecht-link--html-a"
    >
      {t(entry.label)}
    </Link>
  );

  const home = (
    <li className="app-menu__item">
      <Link
        to="/"
        aria-current={location.pathname === '/' ? 'page' : undefined}
        className="app-menu__link utrecht-link utrecht-link--html-a"
      >
        {t('Overzicht')}
      </Link>
    </li>
  );

  return (
    <nav
      ref={nav}
      className="app-nav"
      aria-label={t('Hoofdmenu')}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !nav.current?.contains(event.relatedTarget as Node | null)) setOpen(null);
      }}
    >
      <div className="app-nav__content">
        {phone ? (
          <>
            {toggle(
              'menu',
              t('Menu'),
              'hoofdmenu-lijst',
              'app-menu__toggle utrecht-button utrecht-button--secondary-action',
            )}
            <ul id="hoofdmenu-lijst" className="app-menu app-menu--stacked" hidden={open !== 'menu'}>
              {home}
              {sections.map((s) => (
                <li key={s.id} className="app-menu__item">
                  <span id={`menu-kop-${s.id}`} className="app-menu__heading">
                    {t(s.label)}
                  </span>
                  <ul className="app-menu__list" aria-labelledby={`menu-kop-${s.id}`}>
                    {s.entries.map((e) => (
                      <li key={e.path}>{link(e)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <ul className="app-menu">
            {home}
            {sections.map((s) =>
              s.entries.length === 1 ? (
                <li key={s.id} className="app-menu__item">
                  {link(s.entries[0]!)}
                </li>
              ) : (
                <li key={s.id} className="app-menu__item app-menu__section">
                  {toggle(
                    s.id,
                    t(s.label),
                    `menu-${s.id}`,
                    cx(
                      'app-menu__button',
                      s.entries.some((e) => currentOf(e, location.pathname, allEntries)) && 'app-menu__button--current',
                    ),
                  )}
                  <ul id={`menu-${s.id}`} className="app-menu__panel" hidden={open !== s.id}>
                    {s.entries.map((e) => (
                      <li key={e.path}>{link(e)}</li>
                    ))}
                  </ul>
                </li>
              ),
            )}
          </ul>
        )}
      </div>
    </nav>
  );
}
