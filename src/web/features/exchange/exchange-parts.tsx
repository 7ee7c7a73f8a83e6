import { can } from '../../../shared/permissions';
import { Fragment } from 'react';
import { NavLink } from 'react-router';
import { TextLink } from '../../components/button';
import { fetchAll } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useRegion } from '../../lib/region';
import type { Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import type { ImportedFile, ImportStatus, Reason } from './types';

/** Parts the Berichten pages share: their tabs, the status badge, the reasons and the download links. */

export const importStatusLabels: Record<ImportStatus, Msg> = {
  accepted: 'Aanvaard',
  duplicate: 'Al eerder ingelezen',
  rejected: 'Afgekeurd',
};

/** The iJw 3.2 message types a region receives, and the retour messages that answer them. */
export const messageTypeLabels: Record<string, Msg> = {
  JW301: 'Toewijzing',
  JW302: 'Retour toewijzing',
  JW305: 'Start zorg',
  JW306: 'Retour start zorg',
  JW307: 'Stop zorg',
  JW308: 'Retour stop zorg',
  JW315: 'Verzoek om toewijzing',
  JW316: 'Retour verzoek om toewijzing',
  JW317: 'Verzoek om wijziging',
  JW318: 'Retour verzoek om wijziging',
  JW319: 'Antwoord op verzoek',
  JW320: 'Retour antwoord op verzoek',
  JW323: 'Declaratie',
  JW325: 'Retour declaratie',
};

/** The tabs under "Berichten"; "Inlezen" only for those who may import. */
export function MessagesNav() {
  const { t } = useT();
  const user = useUser();
  const links: Array<{ to: string; label: Msg; show: boolean; end?: boolean }> = [
    { to: '/berichten/inlezen', label: 'Inlezen', show: can(user, 'imports.create') },
    { to: '/berichten', label: 'Geschiedenis', show: true, end: true },
    { to: '/berichten/quarantaine', label: 'Quarantaine', show: true },
  ];
  return (
    <nav className="sub-nav" aria-label={t('Berichten')}>
      <ul className="sub-nav__list">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to} className="sub-nav__item">
              <NavLink end={l.end ?? false} to={l.to} className="sub-nav__link utrecht-link">
                {t(l.label)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useT();
  const modifier = status === 'accepted' ? 'success' : status === 'duplicate' ? 'neutral' : 'danger';
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${modifier}`}>{t(importStatusLabels[status])}</span>
  );
}

/**
 * Each reason as rule, retour code and message ("TR019, code 9019: toewijzing … is niet bekend"); with `advice`, what
 * the sender should do under it.
 */
export function ReasonList({
  reasons,
  advice = false,
}: {
  reasons: Array<Reason & { advice?: string }>;
  advice?: boolean;
}) {
  const { t } = useT();
  if (reasons.length === 0) return <>—</>;
  return (
    <ul className="utrecht-unordered-list reason-list">
      {reasons.map((r, i) => (
        <li key={`${r.rule}-${r.code}-${i}`} className="utrecht-unordered-list__item">
          <strong>{r.rule}</strong>, {t('code {code}', { code: r.code })}: {r.message}
          {advice && r.advice && (
            <>
              <br />
              <span className="cell-note">{r.advice}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The last part of a path ("ui.zip/2025/2025-01/JW301_0353_1.xml" → "JW301_0353_1.xml"). */
export function baseName(fileName: string): string {
  return fileName.split('/').pop() ?? fileName;
}

/** A file name as the message's own name, with the folder or zip it came from under it in small print. */
export function FileName({ path, link }: { path: string; link?: string }) {
  const name = baseName(path);
  const folders = path.split('/').slice(0, -1);
  return (
    <>
      {link ? (
        <TextLink className="file-name" to={link}>
          {name}
        </TextLink>
      ) : (
        <span className="file-name">{name}</span>
      )}
      {folders.length > 0 && (
        <span className="cell-note">
          {folders.map((part, i) => (
            <Fragment key={i}>
              {part}/<wbr />
            </Fragment>
          ))}
        </span>
      )}
    </>
  );
}

/**
 * Plain links with the download attribute: the browser sends the session cookie and saves the XML. The server
 * logs every download (both hold client data), and gives them to editors only.
 */
export function DownloadLinks({ file, original = false }: { file: ImportedFile; original?: boolean }) {
  const { t } = useT();
  const user = useUser();
  if (!can(user, 'imports.download')) return <>—</>;
  const name = baseName(file.fileName);
  const links = [
    file.hasRetour && { href: `/api/v1/imports/${file.id}/retour`, label: t('Retourbericht'), file: `retour-${name}` },
    original && file.hasOriginal && { href: `/api/v1/imports/${file.id}/original`, label: t('Origineel'), file: name },
  ].filter((l) => l !== false);
  if (links.length === 0) return <>—</>;
  return (
    <ul className="plain-list download-list">
      {links.map((l) => (
        <li key={l.href}>
          <a className="utrecht-link utrecht-link--html-a" href={l.href} download={l.file}>
            {l.label}
            <span className="visually-hidden"> {t('van {name}', { name })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Names for the codes in messages: AGB codes become provider names, CBS codes municipality names
 * ("Nieuwegein (0356)"); an unknown code is shown as it is.
 */
export function usePartyNames() {
  const region = useRegion();
  const [providers] = useLoad((signal) => fetchAll<Provider>('/providers', {}, signal), []);
  const byAgb = new Map(providers.status === 'ok' ? providers.data.map((p) => [p.agbCode, p.name]) : []);
  const byCbs = new Map((region?.municipalities ?? []).map((m) => [m.cbsCode, m.name]));
  return {
    providers: providers.status === 'ok' ? providers.data : [],
    provider: (agb: string | null) => (agb ? (byAgb.get(agb) ?? agb) : '—'),
    municipality: (cbs: string | null) => (cbs ? (byCbs.get(cbs) ?? cbs) : '—'),
    party: (code: string | null) => {
      if (!code) return '—';
      const name = byAgb.get(code) ?? byCbs.get(code);
      return name ? `${name} (${code})` : code;
    },
  };
}
