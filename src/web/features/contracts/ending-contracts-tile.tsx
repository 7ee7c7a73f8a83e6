import type { ContractCalendar } from '../../../server/modules/suppliers/index';
import { TextLink } from '../../components/button';
import { StartTile, TileCount } from '../../components/start-tile';
import { api } from '../../lib/api-client';
import { formatCount, formatDate, todayIso } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT, type Translate } from '../../i18n';

const shown = 8;

type CalendarEvent = ContractCalendar['events'][number];

function eventText(t: Translate, e: CalendarEvent): string {
  if (e.kind === 'end') return t('Loopt af op {end}', { end: formatDate(e.date) });
  const words = { date: formatDate(e.date), until: formatDate(e.newEndDate) };
  return e.overdue
    ? t('Te laat: besluit over verlenging tot {until} was uiterlijk {date}', words)
    : t('Besluit over verlenging tot {until} uiterlijk {date}', words);
}

/**
 * Start page: the contract calendar's next twelve months (GET /contract-calendar, the suppliers module's): its count
 * of decisions due within three months or overdue, which the calendar's warning shows too, and its decisions and
 * ends, soonest first. One rule for both: docs/decisions.md, "One count of contract decisions".
 */
export function EndingContractsTile() {
  const { t, lang } = useT();
  const today = todayIso();
  const [state] = useLoad(
    async (signal) => api<ContractCalendar>('/contract-calendar?horizon=12', { signal }),
    [today],
  );
  return (
    <StartTile title={t('Besluiten en einddata van contracten')} state={state}>
      {(calendar) => {
        const events = calendar?.events ?? [];
        const due = calendar?.decisionsDue ?? 0;
        return (
          <>
            <TileCount
              count={formatCount(due, lang)}
              label={t(
                'besluit over verlenging binnen 3 maanden of te laat|besluiten over verlenging binnen 3 maanden of te laat',
                { count: due },
              )}
            />
            {events.length > 0 && (
              <ul className="start-tile__list">
                {events.slice(0, shown).map((e) => (
                  <li key={`${e.kind}-${e.contractId}-${e.extensionId ?? ''}`}>
                    <TextLink to={`/contracten/${e.contractId}`}>
                      {e.reference} – {e.providerName}
                    </TextLink>
                    <br />
                    {eventText(t, e)}
                  </li>
                ))}
              </ul>
            )}
            {events.length > shown && (
              <p className="utrecht-paragraph">{t('en nog {count} meer', { count: events.length - shown })}</p>
            )}
            <p className="utrecht-paragraph">
              <TextLink to="/contractkalender">{t('Naar de contractkalender')}</TextLink>
            </p>
          </>
        );
      }}
    </StartTile>
  );
}
