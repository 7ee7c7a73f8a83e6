import { useEffect } from 'react';
import type { KpiFactsState } from '../../../shared/kpi';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';

/** How often a page asks again while the figures are being built. */
const retryMs = 15_000;

/**
 * Whether the figures are there and how current they are: "Stand per …" and the data date ("gegevens tot en met …",
 * which herhaald beroep's follow-up windows depend on), or, while the facts are being built in the
 * background, a message instead of figures. A live region that is always in the page, so the change is announced; the
 * page asks again by itself until the figures are there.
 */
export function FactsStatus({
  facts,
  dataDate,
  retry,
}: {
  facts: KpiFactsState | null;
  /** The data date of the figures (KpiResponse.dataDate): "gegevens tot en met …". */
  dataDate?: string | null;
  retry: () => void;
}) {
  const { t } = useT();
  const building = facts?.state === 'building';
  useEffect(() => {
    if (!building) return;
    const timer = setTimeout(retry, retryMs);
    return () => clearTimeout(timer);
  }, [building, facts, retry]);
  return (
    <div role="status" className="facts-status">
      {building && (
        <div className="utrecht-alert utrecht-alert--info">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              {t(
                'De cijfers worden opgebouwd. Dat gebeurt op de achtergrond, na een update of het inlezen van veel berichten, en duurt enkele minuten. Deze pagina toont ze zodra ze klaar zijn.',
              )}
            </div>
          </div>
        </div>
      )}
      {facts?.state === 'ready' && facts.asOf && (
        <p className="utrecht-paragraph">
          {t('Stand per {time}.', { time: formatDateTime(facts.asOf) })}{' '}
          {dataDate && (
            <span className="facts-data-date">
              {t('Gegevens tot en met {date}.', { date: formatDate(dataDate, 'long') })}{' '}
            </span>
          )}
          {facts.refreshing &&
            t('Nieuwe gegevens worden verwerkt; vernieuw de pagina straks voor de nieuwste cijfers.')}
        </p>
      )}
    </div>
  );
}
