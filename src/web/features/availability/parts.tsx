import { languageNames } from '../../../shared/availability';
import { formatDate } from '../../lib/format';
import { useT } from '../../i18n';
import type { Entry, Offer } from './types';

/** "Verouderd" in words (with a sign), never by colour alone: the entry was not confirmed within the region's term. */
export function StaleBadge({ stale }: { stale: boolean }) {
  const { t } = useT();
  if (!stale) return null;
  return (
    <span className="utrecht-status-badge utrecht-status-badge--warning availability-stale">
      <span aria-hidden="true">⚠ </span>
      {t('Verouderd')}
    </span>
  );
}

/** When the figures were last confirmed, by when they must be again, and the stale marker. */
export function Freshness({ entry }: { entry: Pick<Entry, 'confirmedAt' | 'confirmBy' | 'stale'> }) {
  const { t } = useT();
  return (
    <>
      <StaleBadge stale={entry.stale} /> {t('Bevestigd {date}', { date: formatDate(entry.confirmedAt) })}
      <br />
      <span className="availability-muted">
        {entry.stale
          ? t('had bevestigd moeten zijn vóór {date}', { date: formatDate(entry.confirmBy) })
          : t('bevestigen vóór {date}', { date: formatDate(entry.confirmBy) })}
      </span>
    </>
  );
}

/** Whether the entry takes new clients; a client stop with its reason and dates. */
export function Intake({ entry }: { entry: Pick<Entry, 'takesNewClients' | 'clientStop'> }) {
  const { t } = useT();
  const stop = entry.clientStop;
  return (
    <>
      {entry.takesNewClients ? (
        <span className="utrecht-status-badge utrecht-status-badge--safe">{t('Neemt nieuwe cliënten aan')}</span>
      ) : (
        <span className="utrecht-status-badge utrecht-status-badge--danger">{t('Cliëntenstop')}</span>
      )}
      {stop && (
        <span className="availability-stop">
          {' '}
          {t('Cliëntenstop {from} t/m {until}: {reason}', {
            from: formatDate(stop.from),
            until: formatDate(stop.until),
            reason: stop.reason,
          })}
        </span>
      )}
    </>
  );
}

export function productLabel(entry: Pick<Offer, 'product' | 'productCategory'>, categoryWord: string): string {
  return entry.product ? `${entry.product.code} ${entry.product.name}` : `${categoryWord} ${entry.productCategory}`;
}

export function locationLabel(entry: Pick<Offer, 'location'>): string {
  const l = entry.location;
  return [l.name, [l.postcode, l.city].filter(Boolean).join(' ')].join(', ');
}

export function languagesLabel(codes: string[]): string {
  return codes.map((c) => languageNames[c] ?? c).join(', ');
}
