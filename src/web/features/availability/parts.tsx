import { languageNames } from '../../../shared/availability';
import { formatDate } from '../../lib/format';
import { useT } from '../../i18n';
import type { Entry, MeasuredMedianWeeks, Offer } from './types';

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

/** One measured median: weeks with its number of starts, withheld below 10 starts, or no starts. */
function MeasuredMedian({ label, m }: { label: string; m: MeasuredMedianWeeks | null }) {
  const { t } = useT();
  return (
    <>
      {label}:{' '}
      {!m ? (
        <span className="availability-muted">{t('geen starts')}</span>
      ) : m.withheld || m.medianWeeks === null ? (
        <span className="availability-muted">{t('niet getoond: minder dan 10 starts')}</span>
      ) : (
        t('{weeks} weken tot start (mediaan van {starts} starts)', {
          weeks: m.medianWeeks.toLocaleString('nl-NL'),
          starts: m.starts ?? 0,
        })
      )}
    </>
  );
}

/**
 * The waits measured from the iJw messages (median of the last six months), from the provider's request (JW315) and
 * from the municipality's allocation (JW301) to the start, beside the reported one, and the signal when they differ
 * by more than the region's margin.
 */
export function MeasuredWait({ entry }: { entry: Pick<Entry, 'measured' | 'waitDiffers'> }) {
  const { t } = useT();
  const m = entry.measured;
  if (!m) return <span className="availability-muted">{t('geen starts in de laatste 6 maanden')}</span>;
  return (
    <>
      <MeasuredMedian label={t('vanaf aanvraag')} m={m.request} />
      <br />
      <MeasuredMedian label={t('vanaf toewijzing')} m={m.allocation} />
      {entry.waitDiffers && (
        <>
          <br />
          <span className="utrecht-status-badge utrecht-status-badge--warning">
            <span aria-hidden="true">⚠ </span>
            {t('wijkt af van de gemelde wachttijd')}
          </span>
        </>
      )}
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
